import { useEffect } from 'react';
import { rememberLanguage, rememberedLanguage } from '../i18n/language-memory';
import type { AppStore } from '../state/app-store';

/**
 * Every language choice is kept (per device, and for the signed-in trainee); when a trainee signs
 * in, the language they chose before on this device comes back.
 */
export function useRememberedLanguage(appStore: AppStore, traineeCode: string | null): void {
  useEffect(() => {
    const own = traineeCode === null ? null : rememberedLanguage(traineeCode);
    if (own !== null && own !== appStore.getState().language) appStore.getState().setLanguage(own);
    else rememberLanguage(appStore.getState().language, traineeCode);
    return appStore.subscribe((s, prev) => {
      if (s.language !== prev.language) rememberLanguage(s.language, traineeCode);
    });
  }, [appStore, traineeCode]);
}
