import { Text } from '@react-three/drei';
import { useRef } from 'react';
import type { Text as TroikaText } from 'troika-three-text';
import './text-setup';
import { useTranslation } from 'react-i18next';
import { fontForLanguage } from '../i18n/fonts';
import { formatNumber } from '../i18n/format-number';
import { useBatchedText } from './text-batch';

export interface ValueReadingProps {
  value: number;
  unit: string;
  min: number;
  max: number;
  length: number;
}

/**
 * The number on a scale: big, above the knob, with the ends of the scale below it. Digits are
 * written left to right in every language, so this never mirrors.
 */
export default function ValueReading({ value, unit, min, max, length }: ValueReadingProps) {
  const { i18n } = useTranslation();
  const font = fontForLanguage(i18n.language);
  // The one number format of the app: Western digits, characters every 3D font can draw.
  const format = (n: number, unit = '') => formatNumber(n, i18n.language, unit);
  // Both drawn with the station's other texts, in one call (and one for the outlines).
  const reading = useRef<TroikaText>(null);
  const ends = useRef<TroikaText>(null);
  useBatchedText(reading);
  useBatchedText(ends);
  return (
    <group name="value-reading">
      <Text ref={reading} font={font} position={[0, 0.06, 0]} fontSize={0.04} color="#102a43" outlineWidth={0.003} outlineColor="#ffffff" anchorX="center" anchorY="bottom" direction="ltr">
        {format(value, unit)}
      </Text>
      <Text ref={ends} font={font} position={[0, -0.035, 0.02]} fontSize={0.018} color="#102a43" anchorX="center" anchorY="top" direction="ltr">
        {`${format(min)}${' '.repeat(Math.max(8, Math.round(length * 90)))}${format(max)}`}
      </Text>
    </group>
  );
}
