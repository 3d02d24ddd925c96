/**
 * A number the way the trainee's language writes it (85,5 in Dutch, 85.5 in English), with Western
 * digits, the same in every 2D and 3D text, optionally with its unit ("80 °C", joined by a no-break
 * space). Only characters Noto Sans has: Intl's U+2212 MINUS SIGN (Dari) is in none of the three
 * fonts and becomes the hyphen-minus; the bidi marks Intl adds for Arabic and Dari are left out,
 * as a quantity in a right-to-left text is isolated as a whole (bidi-isolate.ts).
 */
export function formatNumber(value: number, language: string, unit = '', options: Intl.NumberFormatOptions = { maximumFractionDigits: 2 }): string {
  // Dari's number data lives under fa-AF. Western digits in every language, as on the machine's
  // scale and display: the 3D fonts have no Persian or Arabic-Indic digits.
  const number = new Intl.NumberFormat(`${language === 'prs' ? 'fa-AF' : language}-u-nu-latn`, options)
    .format(value)
    .replace(/\u2212/g, '-')
    .replace(/[\u200e\u200f\u061c]/g, '');
  return unit ? `${number}\u00a0${unit}` : number;
}
