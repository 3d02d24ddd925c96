import i18next from 'i18next';
import resourcesToBackend from 'i18next-resources-to-backend';
import { describe, expect, test } from 'vitest';
import { loadTextsIn } from '../../src/i18n/load-texts-in';

/** A backend that answers after a while, as a fetch does: every file says which language it is. */
function slowI18n() {
  const instance = i18next.createInstance();
  void instance
    .use(resourcesToBackend(async (lng: string, ns: string) => {
      await new Promise((resolve) => setTimeout(resolve, 20));
      return { hello: `${ns} in ${lng}` };
    }))
    .init({ lng: 'nl', fallbackLng: 'nl', supportedLngs: ['nl', 'ar'], ns: ['ui'], defaultNS: 'ui' });
  return instance;
}

describe('loadTextsIn', () => {
  test('a station played right after a language was picked gets its texts in that language', async () => {
    const i18n = slowI18n();
    await i18n.loadNamespaces('ui');
    // The trainee picks Arabic; the change is still loading when the station starts.
    void i18n.changeLanguage('ar');
    await loadTextsIn(i18n, 'ar', ['wood-intro-workbench']);
    expect(i18n.t('wood-intro-workbench:hello')).toBe('wood-intro-workbench in ar');
    expect(i18n.hasResourceBundle('ar', 'wood-intro-workbench')).toBe(true);
  });

  test('loading the namespace alone at that moment misses the new language (why the helper exists)', async () => {
    const i18n = slowI18n();
    await i18n.loadNamespaces('ui');
    void i18n.changeLanguage('ar');
    await i18n.loadNamespaces(['wood-intro-workbench']);
    expect(i18n.hasResourceBundle('ar', 'wood-intro-workbench')).toBe(false);
  });
});
