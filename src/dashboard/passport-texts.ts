import { useEffect, useState } from 'react';
import i18next, { type TFunction } from 'i18next';

/** The passport's texts (locales/<lng>/passport.json): their own namespace, a chunk per language, fetched with the page. */
const files = import.meta.glob<{ default: Record<string, unknown> }>('../../locales/*/passport.json');

export const passportLanguages = Object.keys(files).map((f) => f.split('/')[3]!);

async function load(code: string): Promise<boolean> {
  const file = files[`../../locales/${code}/passport.json`];
  if (!file) return false;
  if (!i18next.hasResourceBundle(code, 'passport')) i18next.addResourceBundle(code, 'passport', (await file()).default, true, true);
  return true;
}

/** A `t` for the passport in one language (the trainer's, Dutch, or the trainee's); null until loaded or when there are no texts in it. */
export function usePassportTexts(code: string | null | undefined): TFunction | null {
  const [t, setT] = useState<TFunction | null>(null);
  useEffect(() => {
    let live = true;
    setT(null);
    if (!code) return;
    void load(code).then((ok) => live && ok && setT(() => i18next.getFixedT(code, 'passport')));
    return () => {
      live = false;
    };
  }, [code]);
  return t;
}
