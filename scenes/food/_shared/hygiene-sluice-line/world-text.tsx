import { useTranslation } from 'react-i18next';
import { formatNumber, WorldText } from '../../../../src/world';

const HALF_PI = Math.PI / 2;

/**
 * The words on the food station's signs and papers, loaded after the first frame (text is ~40 KB).
 * The order sheet, the product label and the GEBLOKKEERD sticker stay Dutch in every language —
 * reading them is the language step; signs for orientation are in the trainee's language.
 */
export default function FoodWorldText({ ns }: { ns: string }) {
  const { t: translate } = useTranslation();
  // Locale texts hold no control characters (every glyph must be in the font): " | " breaks a line.
  const t = (key: string) => translate(key).split(' | ').join('\n');
  // One Text per sign. troika's BatchedText (experimental) would draw them in one call, but until
  // its members are packed it draws with an unbounded instance count (three reported Infinity
  // triangles for that frame); the station stays within budget without it.
  return (
    <group name="food-station-text">
      <WorldText color="#ffffff" position={[-0.843, 1.93, -0.05]} rotation={[0, HALF_PI, 0]} fontSize={0.055} maxWidth={0.54} anchorX="center" anchorY="middle">
        {t(`${ns}:world.sluice-sign`)}
      </WorldText>
      {/* Top left of the list, over the norms: the chicken's reading stands in the middle, above its scale. */}
      <WorldText position={[-0.49, 1.53, -0.785]} fontSize={0.022} maxWidth={0.28} anchorX="left" anchorY="top">
        {t(`${ns}:world.haccp-title`)}
      </WorldText>
      <WorldText position={[0.843, 1.51, -0.25]} rotation={[0, -HALF_PI, 0]} fontSize={0.018} maxWidth={0.16} anchorX="center" anchorY="middle" textAlign="center">
        {t(`${ns}:world.norm-room`)}
      </WorldText>
      <WorldText position={[-0.43, 1.33, -0.785]} fontSize={0.018} maxWidth={0.12} anchorX="center" anchorY="middle" textAlign="center">
        {t(`${ns}:world.norm-chicken`)}
      </WorldText>
      <WorldText position={[-0.43, 1.16, -0.785]} fontSize={0.018} maxWidth={0.12} anchorX="center" anchorY="middle" textAlign="center">
        {t(`${ns}:world.norm-mince`)}
      </WorldText>
      <WorldText script="dutch" color="#102a43" position={[0.38, 1.405, -0.785]} fontSize={0.021} maxWidth={0.26} anchorX="center" anchorY="top" lineHeight={1.25}>
        {t(`${ns}:world.order-sheet`)}
      </WorldText>
      <WorldText script="dutch" color="#102a43" position={[0.38, 0.982, -0.565]} rotation={[-0.6, 0, 0]} fontSize={0.012} maxWidth={0.14} anchorX="center" anchorY="middle" textAlign="center">
        {t(`${ns}:world.product-label`)}
      </WorldText>
      <WorldText position={[0.845, 1.55, 0.05]} rotation={[0, -HALF_PI, 0]} fontSize={0.03} maxWidth={0.3} anchorX="center" anchorY="bottom" textAlign="center">
        {t(`${ns}:objects.team-leader`)}
      </WorldText>
      <Display value={3.2} position={[-0.25, 1.12, -0.56]} />
      {/* The room thermometer on the wall: the cutting room may be at most 12 °C. */}
      <Display value={10.5} position={[0.84, 1.6, -0.25]} rotation={[0, -HALF_PI, 0]} />
    </group>
  );
}

/** The digital display of a probe thermometer: the number to copy onto the HACCP list. */
export function Display({ value, position, rotation }: { value: number; position: [number, number, number]; rotation?: [number, number, number] }) {
  const { i18n } = useTranslation();
  return (
    <WorldText script="dutch" color="#102a43" position={position} {...(rotation ? { rotation } : {})} fontSize={0.02} anchorX="center" anchorY="middle">
      {formatNumber(value, i18n.language, '°C', { minimumFractionDigits: 1, maximumFractionDigits: 1 })}
    </WorldText>
  );
}

/** The word on the yellow sticker that blocks a crate. */
export function StickerText({ ns }: { ns: string }) {
  const { t } = useTranslation();
  return (
    <WorldText script="dutch" color="#9b1c1c" position={[0, 0.004, 0]} rotation={[-HALF_PI, 0, 0]} fontSize={0.011} maxWidth={0.08} anchorX="center" anchorY="middle">
      {t(`${ns}:world.blocked`)}
    </WorldText>
  );
}
