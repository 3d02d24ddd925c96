import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { isolateQuantities, LRI, PDI } from '../../src/i18n/bidi-isolate';
import { formatNumber } from '../../src/i18n/format-number';
import { languageInfo, languages } from '../../src/i18n/languages';
import { stationFolders } from '../e2e/support/stations';
import { codePoints } from './font-code-points';

const notoSans = codePoints('assets/fonts/NotoSans-Regular.ttf');
const fonts = {
  latin: notoSans,
  arabic: codePoints('assets/fonts/NotoSansArabic-Regular.ttf'),
  ethiopic: codePoints('assets/fonts/NotoSansEthiopic-Regular.ttf'),
};

interface Step {
  value?: { target: number; tolerance: number; unit?: string };
}

/** Every step value (target, tolerance, unit) of every station: the numbers its scales, displays and feedback show. */
const stepValues = stationFolders().flatMap((folder) => {
  const scenario = JSON.parse(readFileSync(`scenes/${folder}/scenario.json`, 'utf8')) as { steps: Step[] };
  return scenario.steps.flatMap((s) => (s.value ? [{ folder, ...s.value }] : []));
});

/** The units of the scales a station's layout.json places (kit `slider` parts). */
const layoutUnits = (folder: string): string[] => {
  const file = `scenes/${folder}/layout.json`;
  if (!existsSync(file)) return [];
  const layout = JSON.parse(readFileSync(file, 'utf8')) as { parts?: { unit?: unknown }[] };
  return (layout.parts ?? []).flatMap((p) => (typeof p.unit === 'string' ? [p.unit] : []));
};

/** The units the 3D scales are built with: the layout's kit parts, and ValueControl's `unit` in station code. */
const controlUnits = [
  ...new Set(
    stationFolders()
      .flatMap((folder) => {
        const fromLayout = layoutUnits(folder);
        const dir = `scenes/${folder}`;
        const shared = `scenes/${folder.split('/')[0]}/_shared`;
        const files = [dir, ...(readdirSync(`scenes/${folder.split('/')[0]}`).includes('_shared') ? [shared] : [])].flatMap((d) =>
          readdirSync(d, { recursive: true, encoding: 'utf8' })
            .filter((f) => f.endsWith('.ts') || f.endsWith('.tsx'))
            .map((f) => `${d}/${f}`),
        );
        return [...fromLayout, ...files.flatMap((f) => [...readFileSync(f, 'utf8').matchAll(/unit(?:=|: )['"]([^'"]+)['"]/g)].map((m) => m[1]!))];
      }),
  ),
];

/** Numbers that bring out every character the formatter can write: each digit, both separators, the minus. */
const everyCharacter = [-1234567.89, 0, 3.2, -0.5, 1200, 85.25];

const missing = (text: string, font: Set<number>) => [...text].filter((ch) => !font.has(ch.codePointAt(0)!)).map((ch) => `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`);

describe('one number format, drawable by every 3D font', () => {
  test('U+2212 MINUS SIGN is in none of the three fonts, and the formatter never writes it', () => {
    for (const font of Object.values(fonts)) expect(font.has(0x2212)).toBe(false);
    // What Intl gives for Dari, and why the formatter maps it.
    expect(new Intl.NumberFormat('fa-AF-u-nu-latn').format(-3.2)).toContain('\u2212');
    expect(formatNumber(-3.2, 'prs')).toBe('-3.2');
  });

  test('Western digits in every language, the language decimal sign; Dari is not written in Persian digits', () => {
    expect((3.2).toLocaleString('prs')).toBe('۳٫۲');
    expect(formatNumber(3.2, 'prs', '°C', { minimumFractionDigits: 1 })).toBe('3.2\u00a0°C');
    expect(formatNumber(85.5, 'nl', 'mm')).toBe('85,5\u00a0mm');
    expect(formatNumber(85.5, 'en')).toBe('85.5');
    for (const l of languages) expect(formatNumber(-1234567.89, l.code), l.code).toMatch(/^-1[\u00a0\u202f.,]?234[\u00a0\u202f.,]?567[.,]89$/);
  });

  test('the units of the stations are known to the formatter tests (the scan finds the 3D scales)', () => {
    expect(controlUnits).toEqual(expect.arrayContaining(['mm', '°C', 'g']));
    expect(stepValues.length).toBeGreaterThan(3);
  });

  for (const lng of languages) {
    test(`${lng.code}: every number a station can show, with its unit and isolated, is in Noto Sans and in the language font or Noto Sans behind it`, () => {
      const texts = [
        ...everyCharacter.flatMap((n) => [formatNumber(n, lng.code), ...controlUnits.map((u) => formatNumber(n, lng.code, u, { minimumFractionDigits: 1 }))]),
        ...stepValues.flatMap((v) => [v.target, v.tolerance, v.target - v.tolerance, v.target + v.tolerance].map((n) => formatNumber(n, lng.code, v.unit ?? ''))),
      ].map((t) => isolateQuantities(t, lng.dir));
      const notInNoto = new Set(texts.flatMap((t) => missing(t, notoSans)));
      // The Dutch-script displays (the thermometer) draw with Noto Sans alone.
      expect([...notInNoto]).toEqual([]);
      const own = fonts[lng.font];
      expect(new Set(texts.flatMap((t) => [...t].filter((ch) => !own.has(ch.codePointAt(0)!) && !notoSans.has(ch.codePointAt(0)!))))).toEqual(new Set());
    });
  }
});

describe('numbers with units in right-to-left text are isolated', () => {
  test('each quantity of an Arabic or Dari sentence is wrapped once; bare numbers and left-to-right texts stay as they are', () => {
    const ar = 'توقف! حرارة اللحم المفروم 3,4 °C. المعيار 2 °C على الأكثر.';
    expect(isolateQuantities(ar, 'rtl')).toBe(`توقف! حرارة اللحم المفروم ${LRI}3,4 °C${PDI}. المعيار ${LRI}2 °C${PDI} على الأكثر.`);
    expect(isolateQuantities(isolateQuantities(ar, 'rtl'), 'rtl')).toBe(isolateQuantities(ar, 'rtl'));
    expect(isolateQuantities('النتيجة: 100 من 100', 'rtl')).toBe('النتيجة: 100 من 100');
    expect(isolateQuantities('قیمه 250 g و 85 mm', 'rtl')).toBe(`قیمه ${LRI}250 g${PDI} و ${LRI}85 mm${PDI}`);
    expect(isolateQuantities(`${formatNumber(-0.5, 'ar', '°C')} فقط`, 'rtl')).toBe(`${LRI}-0.5\u00a0°C${PDI} فقط`);
    expect(isolateQuantities('The norm is 4 °C.', 'ltr')).toBe('The norm is 4 °C.');
    // A number inside a word or code is no quantity.
    expect(isolateQuantities('HACCP2 mm3', 'rtl')).toBe('HACCP2 mm3');
  });

  test('every quantity in the Arabic and Dari texts is found', () => {
    for (const code of ['ar', 'prs']) {
      const dir = `locales/${code}`;
      const texts = readdirSync(dir).flatMap((f) => JSON.stringify(JSON.parse(readFileSync(`${dir}/${f}`, 'utf8'))).split('","'));
      const withUnit = texts.filter((t) => /\d\s?°C/.test(t));
      expect(withUnit.length, code).toBeGreaterThan(3);
      for (const t of withUnit) expect(isolateQuantities(t, languageInfo(code).dir)).toMatch(new RegExp(`${LRI}[^${PDI}]*°C${PDI}`));
    }
  });
});
