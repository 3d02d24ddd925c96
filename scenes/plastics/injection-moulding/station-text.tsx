import { useTranslation } from 'react-i18next';
import { WorldText } from '../../../src/world';

/**
 * The station's own readings: the dryer's temperature (what the trainee reads off) and, during the
 * alarm, the machine's Dutch message — always Dutch and in the Latin font, as on the real machine.
 * Lazy: text (troika) never holds up the station's first frame.
 */
export default function StationText({ alarm }: { alarm: boolean }) {
  const { t } = useTranslation('plastics-injection-moulding');
  return (
    <>
      <WorldText script="dutch" position={[0.62, 1.43, -0.833]} fontSize={0.04} color="#7ee787" anchorX="center" anchorY="middle">
        80 °C
      </WorldText>
      {alarm ? (
        <WorldText script="dutch" position={[0.33, 1.255, -0.686]} fontSize={0.014} maxWidth={0.19} color="#ff7b72" anchorX="center" anchorY="middle" textAlign="center">
          {t('choices.alarm-message', { lng: 'nl' })}
        </WorldText>
      ) : null}
    </>
  );
}
