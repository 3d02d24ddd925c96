import { useEffect, useState } from 'react';
import i18next from 'i18next';
import { fetchTexts, type TextFile } from './locale-texts';

async function load(code: string, namespace: TextFile) {
  if (i18next.hasResourceBundle(code, namespace)) return;
  const texts = await fetchTexts(code, namespace);
  if (texts) i18next.addResourceBundle(code, namespace, texts);
}

/**
 * A page's own text namespace (locales/<lng>/<namespace>.json), fetched with the page: the
 * dashboard's main bundle and its shell stay as they are. True once it is there in the current
 * language and Dutch (the fallback); follows language changes.
 */
export function usePageTexts(namespace: TextFile): boolean {
  // A count, not a flag: texts that arrive after a language change must render the page again.
  const [loaded, setLoaded] = useState(0);
  useEffect(() => {
    let live = true;
    const ensure = () => {
      void Promise.all([load('nl', namespace), load(i18next.language, namespace)]).then(() => live && setLoaded((n) => n + 1));
    };
    ensure();
    i18next.on('languageChanged', ensure);
    return () => {
      live = false;
      i18next.off('languageChanged', ensure);
    };
  }, [namespace]);
  return loaded > 0;
}
