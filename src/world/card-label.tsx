import { Text } from '@react-three/drei';
import { useRef } from 'react';
import type { Text as TroikaText } from 'troika-three-text';
import './text-setup';
import { useTranslation } from 'react-i18next';
import { languageInfo } from '../i18n/languages';
import { fontForLanguage } from '../i18n/fonts';
import { useBatchedText } from './text-batch';

/** One word under a pictogram, in the trainee's language and script. */
export default function CardLabel({ label, position }: { label: string; position: [number, number, number] }) {
  const { t, i18n } = useTranslation();
  const lang = languageInfo(i18n.language);
  // Drawn with the station's other texts, in one call.
  const ref = useRef<TroikaText>(null);
  useBatchedText(ref);
  return (
    <Text ref={ref} font={fontForLanguage(lang.code)} position={position} fontSize={0.018} maxWidth={0.11} color="#102a43" anchorX="center" anchorY="middle" textAlign="center" direction={lang.dir}>
      {t(label)}
    </Text>
  );
}
