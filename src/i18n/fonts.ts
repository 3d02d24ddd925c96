import notoSansUrl from '../../assets/fonts/NotoSans-Regular.ttf?url';
import notoSansArabicUrl from '../../assets/fonts/NotoSansArabic-Regular.ttf?url';
import notoSansEthiopicUrl from '../../assets/fonts/NotoSansEthiopic-Regular.ttf?url';
import { languageInfo, type FontKey } from './languages';

/**
 * Fonts for drei `Text` (troika). Troika reads TTF, not WOFF2. Noto Sans is also troika's default
 * font: without a local default, a glyph missing from a script's font (digits and Dutch words
 * inside Arabic, Latin inside Ge'ez) makes troika fetch a fallback from a CDN, which fails offline
 * and blanks the canvas (RECIPES.md). These are file URLs, fetched only when a text needs them.
 *
 * The DOM uses the same three files as one CSS family with `unicode-range` (src/app/app.css), so a
 * page downloads only the scripts it shows.
 */
export const defaultFontUrl: string = notoSansUrl;

export const fontUrls: Readonly<Record<FontKey, string>> = {
  latin: notoSansUrl,
  arabic: notoSansArabicUrl,
  ethiopic: notoSansEthiopicUrl,
};

/** The font for text in this language; Noto Sans (the default font) fills in what it lacks. */
export function fontForLanguage(code: string): string {
  return fontUrls[languageInfo(code).font];
}
