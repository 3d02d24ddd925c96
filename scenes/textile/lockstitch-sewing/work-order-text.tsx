import { Text } from '@react-three/drei';
import { useTranslation } from 'react-i18next';
import '../../../src/world/text-setup';
import { defaultFontUrl } from '../../../src/i18n/fonts';
import { workOrder } from './layout';

const lines = ['title', 'part', 'size', 'count', 'fabric', 'stitch', 'allowance'];

/**
 * The work order as the trainee finds it on the floor: in Dutch, whatever the app's language —
 * reading it is the language step. Lazy: text arrives after the station's first frame.
 */
export default function WorkOrderText() {
  const { t } = useTranslation('textile-lockstitch-sewing');
  return (
    <Text
      font={defaultFontUrl}
      position={[workOrder[0] - 0.095, workOrder[1] + 0.12, workOrder[2]]}
      rotation={[-0.15, 0, 0]}
      fontSize={0.017}
      lineHeight={1.35}
      maxWidth={0.19}
      color="#102a43"
      anchorX="left"
      anchorY="top"
      direction="ltr"
    >
      {lines.map((key) => t(`workOrder.${key}`, { lng: 'nl' })).join('\n')}
    </Text>
  );
}
