import { useEffect, useState } from 'react';
import i18next, { type TFunction } from 'i18next';
import { dashboardLanguages, loadDashboardLanguage } from './i18n';

/**
 * A `t` for another dashboard language than the trainer's (Dutch for the report's first copy, the
 * trainee's language for their copy and their QR card); null until its texts are loaded or when the
 * dashboard has no texts in that language.
 */
export function useOtherLanguage(code: string | null | undefined): TFunction | null {
  const [t, setT] = useState<TFunction | null>(null);
  useEffect(() => {
    let live = true;
    setT(null);
    if (!code || !dashboardLanguages.some((l) => l.code === code)) return;
    void loadDashboardLanguage(code).then(() => live && setT(() => i18next.getFixedT(code, 'dashboard')));
    return () => {
      live = false;
    };
  }, [code]);
  return t;
}
