import { describe, expect, test } from 'vitest';
import { languageInfo, languages, nativeName, suggestLanguage } from '../../src/i18n/languages';

describe('languages', () => {
  test('native names, so a trainee finds their own language', () => {
    expect(nativeName('nl')).toBe('Nederlands');
    expect(nativeName('en')).toBe('English');
    expect(nativeName('ar')).toBe('العربية');
    expect(nativeName('uk')).toBe('Українська');
    expect(nativeName('tr')).toBe('Türkçe');
    expect(nativeName('fr')).toBe('Français');
    // Dari and Tigrinya: not every Intl knows them, so the metadata gives their own names.
    expect(nativeName('prs')).toBe('دری');
    expect(nativeName('ti')).toBe('ትግርኛ');
    expect(languages.map((l) => l.code)).toEqual(['nl', 'fr', 'en', 'ar', 'uk', 'tr', 'prs', 'ti']);
  });
  test('a language Intl does not know falls back to the name in the metadata, not to a code or English', () => {
    const Original = Intl.DisplayNames;
    class Unknowing {
      of() {
        return undefined;
      }
      resolvedOptions() {
        return { locale: 'en-US' };
      }
    }
    (Intl as { DisplayNames: unknown }).DisplayNames = Unknowing;
    try {
      expect(nativeName('ti')).toBe('ትግርኛ');
      expect(nativeName('prs')).toBe('دری');
    } finally {
      (Intl as { DisplayNames: unknown }).DisplayNames = Original;
    }
  });
  test('the browser language only suggests; unknown falls back to Dutch', () => {
    expect(suggestLanguage(['en-GB', 'nl'])).toBe('en');
    expect(suggestLanguage(['de-DE'])).toBe('nl');
    expect(suggestLanguage([])).toBe('nl');
    expect(suggestLanguage(['ar-MA'])).toBe('ar');
    expect(suggestLanguage(['fa-AF'])).toBe('prs');
    expect(suggestLanguage(['fa-IR', 'en'])).toBe('en');
  });
  test('every language has a direction', () => {
    for (const l of languages) expect(['ltr', 'rtl']).toContain(languageInfo(l.code).dir);
    expect(languageInfo('xx').code).toBe('nl');
    expect(languages.filter((l) => l.dir === 'rtl').map((l) => l.code)).toEqual(['ar', 'prs']);
  });
});
