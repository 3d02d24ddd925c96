import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { languages, type FontKey } from '../../src/i18n/languages';

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

/** The code points a TrueType font maps to a glyph, from its Unicode cmap subtables (formats 4 and 12). */
function codePoints(file: string): Set<number> {
  const b = readFileSync(file);
  const tables = b.readUInt16BE(4);
  let cmap = -1;
  for (let i = 0; i < tables; i++) {
    const rec = 12 + i * 16;
    if (b.toString('latin1', rec, rec + 4) === 'cmap') cmap = b.readUInt32BE(rec + 8);
  }
  if (cmap < 0) throw new Error(`${file}: no cmap table`);
  const out = new Set<number>();
  const subtables = b.readUInt16BE(cmap + 2);
  for (let i = 0; i < subtables; i++) {
    const platform = b.readUInt16BE(cmap + 4 + i * 8);
    const encoding = b.readUInt16BE(cmap + 6 + i * 8);
    if (!(platform === 0 || (platform === 3 && (encoding === 1 || encoding === 10)))) continue;
    const at = cmap + b.readUInt32BE(cmap + 8 + i * 8);
    const format = b.readUInt16BE(at);
    if (format === 4) {
      const segments = b.readUInt16BE(at + 6) / 2;
      const ends = at + 14;
      const starts = ends + segments * 2 + 2;
      const deltas = starts + segments * 2;
      const offsets = deltas + segments * 2;
      for (let s = 0; s < segments; s++) {
        const end = b.readUInt16BE(ends + s * 2);
        const start = b.readUInt16BE(starts + s * 2);
        const delta = b.readInt16BE(deltas + s * 2);
        const rangeOffset = b.readUInt16BE(offsets + s * 2);
        for (let c = start; c <= end && c !== 0xffff; c++) {
          const glyph = rangeOffset === 0 ? (c + delta) & 0xffff : b.readUInt16BE(offsets + s * 2 + rangeOffset + (c - start) * 2);
          if (glyph !== 0) out.add(c);
        }
      }
    } else if (format === 12) {
      const groups = b.readUInt32BE(at + 12);
      for (let g = 0; g < groups; g++) {
        const start = b.readUInt32BE(at + 16 + g * 12);
        const end = b.readUInt32BE(at + 20 + g * 12);
        for (let c = start; c <= end; c++) out.add(c);
      }
    }
  }
  return out;
}

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
