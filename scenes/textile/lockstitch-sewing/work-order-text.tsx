import { useTranslation } from 'react-i18next';
import { WorldText } from '../../../src/world';
import { workOrder } from './layout';

const lines = ['title', 'part', 'size', 'count', 'fabric', 'stitch', 'allowance', 'faults'];

/**
 * The work order as the trainee finds it on the floor: in Dutch, whatever the app's language —
 * reading it is the language step. Lazy: text arrives after the station's first frame.
 */
export default function WorkOrderText() {
  const { t } = useTranslation('textile-lockstitch-sewing');
  return (
    <group position={workOrder} rotation={[-0.35, 0, 0]}>
      <WorldText script="dutch" position={[-0.09, 0.12, 0.003]} fontSize={0.017} lineHeight={1.35} maxWidth={0.18} color="#102a43" anchorX="left" anchorY="top">
        {lines.map((key) => t(`workOrder.${key}`, { lng: 'nl' })).join('\n')}
      </WorldText>
    </group>
  );
}
