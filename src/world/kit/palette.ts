/**
 * The kit's one material set, as vertex colours on one Lambert material (staticPartsMaterial): a
 * part's surfaces differ by colour, not by material, so a whole station draws in a few calls. The
 * colours are measured from real finishes under a neutral light, slightly darkened for the headset.
 */
export const palette = {
  /** RAL 7035-ish light grey cabinets; RAL 6011 machine green; RAL 5010 blue of older machines. */
  paintedGrey: '#aeb4b6',
  machineGreen: '#4f6f52',
  machineBlue: '#2b4c7e',
  darkSteel: '#3b4045',
  castIron: '#4a4b4d',
  stainless: '#c7ccd1',
  aluminium: '#b0b6bb',
  rubber: '#1d1f21',
  wood: '#b98a57',
  plywood: '#d2b48c',
  cardboard: '#b08d5b',
  safetyYellow: '#f2c200',
  signalRed: '#c1121c',
  signalGreen: '#1f8a3b',
  signalBlue: '#1f5fa8',
  white: '#eef1f3',
  black: '#1b1d1f',
  skin: '#c68d6b',
  denim: '#34495e',
} as const;
