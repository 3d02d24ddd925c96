import { WorldText } from '../../../src/world';

/** The labels on the two edge rolls (read to load the order's one) and the glue pot's row on the console, in Dutch as on the floor. */
export default function StationText() {
  const label = { script: 'dutch' as const, fontSize: 0.022, maxWidth: 0.2, color: '#102a43', anchorX: 'center' as const, anchorY: 'middle' as const, textAlign: 'center' as const };
  return (
    <>
      <WorldText {...label} position={[-0.56, 1.35, -1.068]}>
        ABS wit 23 × 1 mm
      </WorldText>
      <WorldText {...label} position={[-0.32, 1.35, -1.068]}>
        ABS wit 23 × 2 mm
      </WorldText>
      <WorldText {...label} fontSize={0.016} position={[0.46, 1.26, -0.508]}>
        LIJMBAK
      </WorldText>
    </>
  );
}
