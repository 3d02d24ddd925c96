import { box, LookMesh, useSession } from '../../../src/world';

/** Where the fence stands before the trainee sets it (mm from the blade). */
const START_MM = 50;
/** An aluminium fence bar with its dark clamp at the front. */
const fence = [box([0.04, 0.06, 0.62], [0, 0, 0], '#d9e2ec'), box([0.06, 0.05, 0.05], [0.01, 0, 0.32], '#3b4045')];

/**
 * The rip fence: an aluminium bar right of the blade, standing at the distance last set on its
 * scale (millimetres from the blade). Moves when the trainee lets go of the scale's knob.
 */
export function RipFence() {
  const mm = useSession((s) => {
    for (let i = s.events.length - 1; i >= 0; i--) {
      const e = s.events[i]!;
      if (e.action === 'set' && e.object === 'rip-fence' && typeof e.value === 'number') return e.value;
    }
    return START_MM;
  });
  return (
    <group position={[0.002 + 0.02 + mm / 1000, 0.88, -0.75]}>
      <LookMesh look={fence} />
    </group>
  );
}
