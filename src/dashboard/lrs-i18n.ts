import { usePageTexts } from './page-texts';

/**
 * The LRS page's texts are their own namespace (locales/<lng>/dashboard-lrs.json), fetched with the
 * page: the dashboard's main bundle and its shell stay as they are. Dutch is the fallback.
 */
export const lrsNamespace = 'dashboard-lrs';

/** True once the namespace is there in the current language and Dutch; follows language changes. */
export function useLrsTexts(): boolean {
  return usePageTexts(lrsNamespace);
}
