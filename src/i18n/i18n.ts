import i18next, { type i18n as I18n } from 'i18next';
import resourcesToBackend from 'i18next-resources-to-backend';
import { initReactI18next } from 'react-i18next';
import { stationTitles } from 'virtual:werkvloer/stations';
import { localeFiles } from 'virtual:werkvloer/locale-files';
import { languages, sourceLanguage } from './languages';
import { rtlReady } from './rtl-ready';

// Shipped with the app (so it works offline) as one JSON file per language and namespace: a trainee
// downloads their own language and the station they play, not every text of every station. They
// are fetched as data, not bundled as JavaScript: texts need no parsing as code. Their built names
// come per language too (scripts/vite-locale-files.ts).

/** The namespaces every screen needs; a station's own namespace (its scenario id) loads on play. */
export const baseNamespaces = ['ui', 'feedback', 'results', 'stations'];

async function loadResource(lng: string, ns: string): Promise<Record<string, unknown>> {
  if (ns === 'stations') return (await stationTitles[lng]?.()) ?? {};
  const url = (await localeFiles[lng]?.())?.[ns];
  if (!url) return {};
  const response = await fetch(url);
  if (!response.ok) throw new Error(`texts ${lng}/${ns}: ${response.status}`);
  return (await response.json()) as Record<string, unknown>;
}

/** Markers of the pseudo-locale (`?pseudo` in the URL): every translated text is wrapped in them. */
export const pseudoMarkers = ['[«', '»]'] as const;

/**
 * The pseudo-locale check (tests/e2e/pseudo-locale.test.ts): with `?pseudo`, every text that comes
 * through i18next is wrapped in markers, made from the real (nl) texts at run time. Any visible text
 * without them was not translated. Not a language the picker offers.
 */
const pseudo = {
  type: 'postProcessor' as const,
  name: 'pseudo',
  process: (value: string) => `${pseudoMarkers[0]}${value}${pseudoMarkers[1]}`,
};

export function createI18n(lng: string, search = typeof location === 'undefined' ? '' : location.search): I18n {
  const instance = i18next.createInstance();
  const wrap = new URLSearchParams(search).has('pseudo');
  if (wrap) instance.use(pseudo);
  // Numbers with units in Arabic and Dari: the post-processor (bidi-quantities.ts) loads with the
  // first right-to-left language; until then i18next skips the name. loadTextsIn waits for it.
  instance.on('languageChanged', (code) => void rtlReady(instance, code));
  void instance
    .use(resourcesToBackend(loadResource))
    .use(initReactI18next)
    .init({
      lng,
      fallbackLng: sourceLanguage,
      supportedLngs: languages.map((l) => l.code),
      defaultNS: 'ui',
      ns: baseNamespaces,
      interpolation: { escapeValue: false },
      returnNull: false,
      react: { useSuspense: true },
      postProcess: wrap ? ['bidi-quantities', 'pseudo'] : ['bidi-quantities'],
    });
  return instance;
}
