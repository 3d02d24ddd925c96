import type { i18n as I18n } from 'i18next';
import { rtlReady } from './rtl-ready';

/**
 * Loads namespaces in the given language, once i18next has switched to it. `loadNamespaces` alone
 * loads for the language i18next has now: right after a language was picked, while that change is
 * still loading, that is the previous one, and the station's texts then show in it.
 */
export async function loadTextsIn(i18n: I18n, language: string, namespaces: readonly string[]): Promise<void> {
  await i18n.changeLanguage(language);
  // Arabic and Dari: the station's texts show with their quantities isolated from the first frame.
  await rtlReady(i18n, language);
  await i18n.loadNamespaces([...namespaces]);
}
