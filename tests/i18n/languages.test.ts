import { describe, expect, test } from 'vitest';
import { languageInfo, languages, nativeName, suggestLanguage } from '../../src/i18n/languages';

describe('languages', () => {
  test('native names, so a trainee finds their own language', () => {
    expect(nativeName('nl')).toBe('Nederlands');
    expect(nativeName('en')).toBe('English');
  });
  test('the browser language only suggests; unknown falls back to Dutch', () => {
    expect(suggestLanguage(['en-GB', 'nl'])).toBe('en');
    expect(suggestLanguage(['de-DE'])).toBe('nl');
    expect(suggestLanguage([])).toBe('nl');
  });
  test('every language has a direction', () => {
    for (const l of languages) expect(['ltr', 'rtl']).toContain(languageInfo(l.code).dir);
    expect(languageInfo('xx').code).toBe('nl');
  });
});
