import { useTranslation } from 'react-i18next';
import { WorldText } from '../../../src/world';

/**
 * What the machine and the papers say, always Dutch and in the Latin font, as on the shop floor: the
 * alarm message on the screen, the scale's reading, the work order and the material label. Lazy: text
 * (troika) never holds up the station's first frame.
 */
export default function StationText({ alarm, weighed }: { alarm: boolean; weighed: boolean }) {
  const { t } = useTranslation('plastics-injection-moulding');
  const nl = { lng: 'nl' };
  return (
    <>
      {alarm ? (
        <WorldText script="dutch" position={[0.33, 1.255, -0.684]} fontSize={0.014} maxWidth={0.19} color="#ff7b72" anchorX="center" anchorY="middle" textAlign="center">
          {t('choices.alarm-message', nl)}
        </WorldText>
      ) : null}
      <WorldText script="dutch" position={[0.62, 1.43, -0.834]} fontSize={0.0286} maxWidth={0.124} color="#7ee787" anchorX="center" anchorY="middle" textAlign="center">
        80 °C
      </WorldText>
      <WorldText script="dutch" position={[-0.62, 0.79, -0.113]} fontSize={0.018} color="#1b1f24" anchorX="center" anchorY="middle">
        {weighed ? '24,8 g' : '0,0 g'}
      </WorldText>
      <WorldText script="dutch" position={[0.7, 0.965, -0.79]} fontSize={0.0085} maxWidth={0.085} color="#1b1f24" anchorX="center" anchorY="middle" textAlign="left">
        {t('choices.work-order-text', nl)}
      </WorldText>
      <WorldText script="dutch" position={[0.62, 1.335, -0.836]} fontSize={0.008} maxWidth={0.095} color="#1b1f24" anchorX="center" anchorY="middle" textAlign="center">
        {t('choices.material-label-text', nl)}
      </WorldText>
    </>
  );
}
