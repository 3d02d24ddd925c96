import { useEffect, useState } from 'react';
import i18next from 'i18next';

/**
 * The voices page's texts (locales/<lng>/dashboard-voices.json), fetched with the page's own chunk:
 * the shell's list of text files (locale-texts.ts) and its bundle stay as they are. Dutch is the fallback.
 */
export const voicesNamespace = 'dashboard-voices';

const urls = import.meta.glob<string>('../../locales/*/dashboard-voices.json', { query: '?url', import: 'default', eager: true });

async function load(code: string) {
  if (i18next.hasResourceBundle(code, voicesNamespace)) return;
  const url = urls[`../../locales/${code}/dashboard-voices.json`];
  if (!url) return;
  const response = await fetch(url);
  if (!response.ok) throw new Error(`texts ${code}/${voicesNamespace}: ${response.status}`);
  i18next.addResourceBundle(code, voicesNamespace, (await response.json()) as Record<string, unknown>);
}

/** True once the namespace is there in the current language and Dutch; follows language changes. */
export function useVoicesTexts(): boolean {
  const [loaded, setLoaded] = useState(0);
  useEffect(() => {
    let live = true;
    const ensure = () => {
      void Promise.all([load('nl'), load(i18next.language)]).then(() => live && setLoaded((n) => n + 1));
    };
    ensure();
    i18next.on('languageChanged', ensure);
    return () => {
      live = false;
      i18next.off('languageChanged', ensure);
    };
  }, []);
  return loaded > 0;
}
