import type { i18n as I18n } from 'i18next';
import { languageInfo } from './languages';

/**
 * Registers the bidi post-processor (bidi-quantities.ts) once a right-to-left language is in use;
 * i18next keeps post-processors globally, and skips a listed name until it is registered. Only
 * Arabic and Dari need it: other languages never download it.
 */
export async function rtlReady(instance: I18n, code: string): Promise<void> {
  if (languageInfo(code).dir !== 'rtl') return;
  instance.use((await import('./bidi-quantities')).bidiQuantities);
}
