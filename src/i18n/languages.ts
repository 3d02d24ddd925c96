// A named import: the bundler leaves the file's $comment out of the entry chunk.
import { languages as metadata } from '../../locales/languages.json';

/** Languages the trainee can choose, from locales/languages.json (direction, font, review state). */
export type Direction = 'ltr' | 'rtl';
/** Which script font a language's text needs (src/i18n/fonts.ts maps it to a local TTF). */
export type FontKey = 'latin' | 'arabic' | 'ethiopic';

export interface LanguageInfo {
  code: string;
  dir: Direction;
  font: FontKey;
  /** The language's own name, used when the browser's Intl.DisplayNames does not know it. */
  nativeName: string;
  /** True only once a native speaker has checked this language's texts. */
  reviewed: boolean;
}

export const sourceLanguage = 'nl';

export const languages: readonly LanguageInfo[] = metadata.map((l) => ({
  code: l.code,
  dir: l.dir as Direction,
  font: l.font as FontKey,
  nativeName: l.nativeName,
  reviewed: l.reviewed,
}));

/**
 * The language's own name for itself, so a trainee recognises it without reading Dutch. Browsers
 * and Node differ in which languages Intl.DisplayNames knows (Dari `prs`, Tigrinya `ti`); when it
 * answers in another language or with the bare code, the name from the metadata is used.
 */
export function nativeName(code: string): string {
  const fallback = languages.find((l) => l.code === code)?.nativeName ?? code;
  try {
    const names = new Intl.DisplayNames([code], { type: 'language', fallback: 'none' });
    const name = names.of(code);
    const shownIn = new Intl.Locale(names.resolvedOptions().locale).language;
    // Dari's display data lives under fa-AF: accept it only if it gives the same name.
    if (!name || name.toLowerCase() === code.toLowerCase() || (shownIn !== code && name !== fallback)) return fallback;
    return name.charAt(0).toLocaleUpperCase(code) + name.slice(1);
  } catch {
    return fallback;
  }
}

export function languageInfo(code: string): LanguageInfo {
  return languages.find((l) => l.code === code) ?? languages[0]!;
}

/** The browser language only suggests a default; headsets are shared, so the trainee always confirms. */
export function suggestLanguage(preferred: readonly string[]): string {
  for (const tag of preferred) {
    const lower = tag.toLowerCase();
    // Browsers report Dari as fa-AF; Persian of Iran (fa, fa-IR) is not offered as Dari.
    const base = lower === 'fa-af' ? 'prs' : lower.split('-')[0];
    const hit = languages.find((l) => l.code === base);
    if (hit) return hit.code;
  }
  return sourceLanguage;
}
