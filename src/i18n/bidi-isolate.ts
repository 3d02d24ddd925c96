/** Left-to-right isolate and pop directional isolate (Unicode bidi, UAX #9); both are in Noto Sans. */
export const LRI = '\u2066';
export const PDI = '\u2069';

// The units stations measure in; longer first so "mm" is not read as "m".
const units = ['°C', '°', 'mm', 'cm', 'kg', 'ml', 'ms', 'min', 'bar', 'g', 's', 'm', 'l', '%'];
const quantity = new RegExp(
  `(?<![\\p{L}\\p{N}${LRI}])-?\\d+(?:[.,٫٬\\u00a0\\u202f]\\d+)*[ \\u00a0\\u202f]?(?:${units.join('|')})(?![\\p{L}\\p{N}${PDI}])`,
  'gu',
);

/**
 * Every number with its unit in a right-to-left text, wrapped in a left-to-right isolate. Bare, an
 * Arabic or Dari sentence shows "80 °C" as "C° 80" (the unit is Latin, the number weak, the space
 * takes the sentence's direction); isolated, the quantity keeps its order in the DOM and in troika.
 * Left-to-right texts are returned as they are.
 */
export function isolateQuantities(text: string, dir: 'ltr' | 'rtl'): string {
  if (dir !== 'rtl') return text;
  return text.replace(quantity, (q) => `${LRI}${q}${PDI}`);
}
