import { Text } from '@react-three/drei';
import '../../../src/world/text-setup';
import { useTranslation } from 'react-i18next';
import { fontForLanguage } from '../../../src/i18n/fonts';

/**
 * The station's own readings: the dryer's temperature (what the trainee reads off) and, during the
 * alarm, the machine's Dutch message — always Dutch and in the Latin font, as on the real machine.
 * Lazy: text (troika) never holds up the station's first frame.
 */
export default function StationText({ alarm }: { alarm: boolean }) {
  const { t } = useTranslation('plastics-injection-moulding');
  const font = fontForLanguage('nl');
  return (
    <>
      <Text font={font} position={[0.62, 1.43, -0.833]} fontSize={0.04} color="#7ee787" anchorX="center" anchorY="middle">
        80 °C
      </Text>
      {alarm ? (
        <Text font={font} position={[0.33, 1.255, -0.686]} fontSize={0.014} maxWidth={0.19} color="#ff7b72" anchorX="center" anchorY="middle" textAlign="center">
          {t('choices.alarm-message', { lng: 'nl' })}
        </Text>
      ) : null}
    </>
  );
}
