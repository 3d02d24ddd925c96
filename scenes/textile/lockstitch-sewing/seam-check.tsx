import { LookMesh, PartsBuilder } from '../../../src/world';
import { seamGauge } from './layout';
import { useStepDone } from './use-station-state';

const strip = (() => {
  const { length, min, max } = seamGauge;
  const c = new PartsBuilder().box([length, 0.004, 0.14], '#6f98c9', [0, -0.03, 0.01]);
  // The stitch line, as stitches (dashes) across the strip, at its distance from the edge.
  const x = ((10 - min) / (max - min) - 0.5) * length;
  for (let z = -0.05; z <= 0.07; z += 0.02) c.box([0.004, 0.002, 0.012], '#1f2933', [x, -0.027, z]);
  // The cut edge: a darker border at 0 mm.
  c.box([0.004, 0.006, 0.14], '#2d4d73', [-length / 2, -0.03, 0.01]);
  return c.parts;
})();

/**
 * After sewing: the seam under a magnified seam gauge. The fabric edge is at 0 of the scale, the
 * stitch line where it was sewn (10 mm from the edge, the presser foot guiding it). The
 * trainee slides the yellow marker (the layout's scale, there once the seam is sewn) onto the stitch
 * line and reads the seam allowance (`set seam`).
 */
export function SeamCheck() {
  const sewn = useStepDone('finish-seam');
  if (!sewn) return null;
  return (
    <group name="seam-check" position={seamGauge.position}>
      <LookMesh look={strip} />
    </group>
  );
}
