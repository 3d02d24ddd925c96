import notoSansUrl from '../../assets/fonts/NotoSans-Regular.ttf?url';

/**
 * Fonts for drei `Text` (troika). Troika reads TTF, not WOFF2. Noto Sans is also troika's default
 * font: without a local default, a glyph missing from a script's font makes troika fetch a fallback
 * from a CDN, which fails offline and blanks the canvas (RECIPES.md). Issue 9 adds Arabic and Ethiopic.
 */
export const defaultFontUrl: string = notoSansUrl;

export function fontForLanguage(_code: string): string {
  return defaultFontUrl;
}
