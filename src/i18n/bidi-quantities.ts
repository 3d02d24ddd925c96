import { isolateQuantities } from './bidi-isolate';
import { languageInfo, sourceLanguage } from './languages';

/**
 * The i18next post-processor that keeps numbers with units in order in Arabic and Dari ("80 °C",
 * never "C° 80"): every translated text, on the overlay and in 3D, has its quantities isolated.
 * Only right-to-left languages need it, so it loads when one is chosen (src/i18n/i18n.ts).
 */
export const bidiQuantities = {
  type: 'postProcessor' as const,
  name: 'bidi-quantities',
  process: (value: string, _key: unknown, _options: unknown, translator: { language?: string }) =>
    isolateQuantities(value, languageInfo(translator.language ?? sourceLanguage).dir),
};
