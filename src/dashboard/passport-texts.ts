import { useEffect, useState } from 'react';
import i18next, { type TFunction } from 'i18next';

/**
 * The passport's texts (locales/<lng>/passport.json) come from the server as JSON when the page
 * opens, not as eight bundled chunks: the dashboard's JavaScript budget is shared by every page.
 */
const loading = new Map<string, Promise<boolean>>();

function load(code: string): Promise<boolean> {
  if (i18next.hasResourceBundle(code, 'passport')) return Promise.resolve(true);
  let pending = loading.get(code);
  if (!pending) {
    pending = fetch(`/api/passport/texts/${encodeURIComponent(code)}`, { credentials: 'same-origin' })
      .then(async (res) => {
        if (!res.ok) return false;
        i18next.addResourceBundle(code, 'passport', (await res.json()) as Record<string, unknown>, true, true);
        return true;
      })
      .catch(() => false);
    loading.set(code, pending);
  }
  return pending;
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
