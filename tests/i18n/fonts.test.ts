import { existsSync, readFileSync, statSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { defaultFontUrl, fontForLanguage, fontUrls } from '../../src/i18n/fonts';
import { languages } from '../../src/i18n/languages';

const files = { latin: 'NotoSans-Regular.ttf', arabic: 'NotoSansArabic-Regular.ttf', ethiopic: 'NotoSansEthiopic-Regular.ttf' } as const;

describe('fonts', () => {
  test('each script has its own local TTF, with the licence beside it', () => {
    for (const [key, file] of Object.entries(files)) {
      const path = `assets/fonts/${file}`;
      expect(existsSync(path), path).toBe(true);
      // TrueType outlines (troika cannot read WOFF2): the sfnt version 0x00010000.
      expect(readFileSync(path).readUInt32BE(0), path).toBe(0x00010000);
      expect(statSync(path).size).toBeGreaterThan(100_000);
      expect(fontUrls[key as keyof typeof files]).toContain(file.replace('.ttf', ''));
    }
    const licence = readFileSync('assets/fonts/OFL.txt', 'utf8');
    for (const file of Object.values(files)) expect(licence).toContain(file);
    expect(licence).toContain('SIL Open Font License');
  });

  test('Arabic and Dari get Noto Sans Arabic, Tigrinya Noto Sans Ethiopic, the rest Noto Sans', () => {
    expect(fontForLanguage('ar')).toBe(fontUrls.arabic);
    expect(fontForLanguage('prs')).toBe(fontUrls.arabic);
    expect(fontForLanguage('ti')).toBe(fontUrls.ethiopic);
    for (const code of ['nl', 'fr', 'en', 'uk', 'tr']) expect(fontForLanguage(code), code).toBe(defaultFontUrl);
    for (const l of languages) expect(fontForLanguage(l.code), l.code).toBe(fontUrls[l.font]);
    // Troika's default (for digits and Dutch words inside other scripts) is local Noto Sans.
    expect(defaultFontUrl).toContain('NotoSans-Regular');
  });

  test('the page declares each font for its script only, so it downloads what it shows', () => {
    const css = readFileSync('src/app/app.css', 'utf8');
    const faces = [...css.matchAll(/@font-face\s*\{([^}]*)\}/g)].map((m) => m[1]!);
    expect(faces).toHaveLength(3);
    for (const file of Object.values(files)) {
      const face = faces.find((f) => f.includes(`/${file}'`));
      expect(face, file).toBeDefined();
      expect(face, file).toMatch(/unicode-range:/);
      expect(face, file).toContain("font-family: 'Werkvloer Sans'");
    }
    expect(faces.find((f) => f.includes('Arabic'))).toContain('U+0600-06FF');
    expect(faces.find((f) => f.includes('Ethiopic'))).toContain('U+1200-139F');
    expect(css).toMatch(/:root\s*\{[^}]*font-family: 'Werkvloer Sans'/);
  });
});
