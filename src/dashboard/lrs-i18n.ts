import { useEffect, useState } from 'react';
import i18next from 'i18next';
import { fetchTexts } from './locale-texts';

/**
 * The LRS page's texts are their own namespace (locales/<lng>/dashboard-lrs.json), fetched with the
 * page: the dashboard's main bundle and its shell stay as they are. Dutch is the fallback.
 */
export const lrsNamespace = 'dashboard-lrs';

async function load(code: string) {
  if (i18next.hasResourceBundle(code, lrsNamespace)) return;
  const texts = await fetchTexts(code, lrsNamespace);
  if (texts) i18next.addResourceBundle(code, lrsNamespace, texts);
}

/** True once the namespace is there in the current language and Dutch; follows language changes. */
export function useLrsTexts(): boolean {
  // A count, not a flag: texts that arrive after a language change must render the page again.
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
