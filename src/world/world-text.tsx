import { Text } from '@react-three/drei';
import { useRef, type ComponentProps } from 'react';
import type { Text as TroikaText } from 'troika-three-text';
import { useTranslation } from 'react-i18next';
import './text-setup';
import { fontForLanguage } from '../i18n/fonts';
import { languageInfo } from '../i18n/languages';
import { useBatchedText } from './text-batch';

export interface WorldTextProps extends Omit<ComponentProps<typeof Text>, 'font' | 'direction'> {
  /**
   * `dutch`: the words as they are on the shop floor (a work order, a machine's message, a plate) —
   * Latin font, left to right, whatever the app's language; `own` (default): the trainee's language.
   */
  script?: 'dutch' | 'own';
}

/**
 * Text on a station (signs, plates, readings), in the right font and direction. Stations get it
 * through the front door as a lazy component, so troika (~40 KB gzip) loads after the first frame.
 */
export default function WorldText({ script = 'own', ...props }: WorldTextProps) {
  const { i18n } = useTranslation();
  const lang = script === 'dutch' ? languageInfo('nl') : languageInfo(i18n.language);
  // Drawn with the station's other texts, in one call.
  const ref = useRef<TroikaText>(null);
  useBatchedText(ref);
  return <Text ref={ref} font={fontForLanguage(lang.code)} direction={lang.dir} color="#102a43" {...props} />;
}
