import { useTranslation } from 'react-i18next';
import { WorldText } from '../../../src/world';

/**
 * The work order on its clipboard. It is written in Dutch in every language, as on the shop floor:
 * finding "Breedte" and the number behind it is the language step. Loaded after the first frame.
 */
export default function WorkOrderSheet({ position }: { position: [number, number, number] }) {
  const { t } = useTranslation('wood-panel-saw');
  // One Text for all lines: one draw call instead of five.
  const text = ['order.title', 'order.item', 'order.length', 'order.width', 'order.thickness'].map((key) => t(key)).join('\n');
  return (
    <WorldText script="dutch" position={position} fontSize={0.02} lineHeight={1.6} color="#102a43" anchorX="left" anchorY="top">
      {text}
    </WorldText>
  );
}
