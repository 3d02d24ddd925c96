/** Languages the trainee can choose. Issue 9 adds the rest (ar, uk, tr, prs, ti, fr) with their fonts. */
export type Direction = 'ltr' | 'rtl';

export interface LanguageInfo {
  code: string;
  dir: Direction;
}

export const sourceLanguage = 'nl';

export const languages: readonly LanguageInfo[] = [
  { code: 'nl', dir: 'ltr' },
  { code: 'en', dir: 'ltr' },
];

/** The language's own name for itself, so a trainee recognises it without reading Dutch. */
export function nativeName(code: string): string {
  try {
    const name = new Intl.DisplayNames([code], { type: 'language' }).of(code);
    if (!name) return code;
    return name.charAt(0).toLocaleUpperCase(code) + name.slice(1);
  } catch {
    return code;
  }
}

export function languageInfo(code: string): LanguageInfo {
  return languages.find((l) => l.code === code) ?? languages[0]!;
}

/** The browser language only suggests a default; headsets are shared, so the trainee always confirms. */
export function suggestLanguage(preferred: readonly string[]): string {
  for (const tag of preferred) {
    const base = tag.toLowerCase().split('-')[0];
    const hit = languages.find((l) => l.code === base);
    if (hit) return hit.code;
  }
  return sourceLanguage;
}
