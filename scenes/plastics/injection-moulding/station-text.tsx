import { useTranslation } from 'react-i18next';
import { WorldText } from '../../../src/world';

/**
 * During the alarm, the machine's Dutch message on its screen — always Dutch and in the Latin font,
 * as on the real machine. Lazy: text (troika) never holds up the station's first frame.
 */
export default function StationText({ alarm }: { alarm: boolean }) {
  const { t } = useTranslation('plastics-injection-moulding');
  return alarm ? (
    <WorldText script="dutch" position={[0.33, 1.255, -0.684]} fontSize={0.014} maxWidth={0.19} color="#ff7b72" anchorX="center" anchorY="middle" textAlign="center">
      {t('choices.alarm-message', { lng: 'nl' })}
    </WorldText>
  ) : null;
}
