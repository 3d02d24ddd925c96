import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { languages, type FontKey } from '../../src/i18n/languages';
import { codePoints } from './font-code-points';

/**
 * No missing glyphs: every character a language shows is in the font chosen for it (fonts.ts) or in
 * Noto Sans, troika's default font behind it. A missing one would render as a box, or make troika
 * look for a fallback font.
 */
const fontFiles: Record<FontKey, string> = {
  latin: 'assets/fonts/NotoSans-Regular.ttf',
  arabic: 'assets/fonts/NotoSansArabic-Regular.ttf',
  ethiopic: 'assets/fonts/NotoSansEthiopic-Regular.ttf',
};

function strings(node: unknown, out: string[] = []): string[] {
  if (typeof node === 'string') out.push(node);
  else if (node && typeof node === 'object') for (const v of Object.values(node)) strings(v, out);
  return out;
}

const fonts = Object.fromEntries(Object.entries(fontFiles).map(([k, f]) => [k, codePoints(f)])) as Record<FontKey, Set<number>>;

describe('glyph coverage', () => {
  test('the cmap reader sees each font for what it is', () => {
    expect(fonts.latin.has('A'.codePointAt(0)!)).toBe(true);
    expect(fonts.latin.has('Ж'.codePointAt(0)!)).toBe(true);
    expect(fonts.arabic.has('ع'.codePointAt(0)!)).toBe(true);
    expect(fonts.ethiopic.has('ት'.codePointAt(0)!)).toBe(true);
    // Why Noto Sans stays troika's default: the Arabic font has no Latin letters.
    expect(fonts.arabic.has('v'.codePointAt(0)!)).toBe(false);
    expect(fonts.latin.has('ع'.codePointAt(0)!)).toBe(false);
  });

  test('labels written into the 3D code (not translated: symbols) are in Noto Sans', () => {
    // "−" (U+2212) on the volume button made troika fetch a fallback font from a CDN: offline, an error and a box.
    const files = readdirSync('src', { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.tsx'));
    const labels = files.flatMap((f) => [...readFileSync(`src/${f}`, 'utf8').matchAll(/label="([^"]*)"/g)].map((m) => ({ file: f, label: m[1]! })));
    expect(labels.map((l) => l.label)).toEqual(expect.arrayContaining(['+', '–']));
    const missing = labels.filter((l) => [...l.label].some((ch) => !fonts.latin.has(ch.codePointAt(0)!)));
    expect(missing).toEqual([]);
  });

  for (const lng of languages) {
    test(`${lng.code}: every character of its texts is in its font or in Noto Sans`, () => {
      const dir = `locales/${lng.code}`;
      expect(existsSync(dir)).toBe(true);
      const texts = readdirSync(dir).flatMap((f) => strings(JSON.parse(readFileSync(`${dir}/${f}`, 'utf8'))));
      texts.push(lng.nativeName);
      const missing = new Set<string>();
      for (const text of texts) {
        for (const ch of text.replace(/\{\{[^}]*\}\}/g, '')) {
          const c = ch.codePointAt(0)!;
          if (!fonts[lng.font].has(c) && !fonts.latin.has(c)) missing.add(`U+${c.toString(16).toUpperCase().padStart(4, '0')} ${ch}`);
        }
      }
      expect([...missing]).toEqual([]);
    });
  }
});
