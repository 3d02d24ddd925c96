/** Okabe–Ito colours (safe for colour-blind readers), for a chart's series and its legend alike. */
export const chartColours = ['#0072b2', '#d55e00', '#009e73', '#cc79a7', '#e69f00', '#56b4e9'] as const;
