import { Grabbable, HoldControl, LookMesh, box } from '../../../src/world';
import { lintBrush, needlePieces, sewnPiece } from './layout';
import { colors } from './materials';
import { useStepDone } from './use-station-state';

// Drawn by the station's live batch (no draw call each).
const needlePiece = [box([0.03, 0.004, 0.004], [0, 0, 0], colors.steel)];
const sewn = [box([0.16, 0.006, 0.12], [0, 0, 0], colors.fabric)];
const brushLook = [box([0.12, 0.025, 0.03], [0, 0, 0], colors.brush)];

/**
 * What the broken needle and the end of the shift bring: the needle's pieces on the needle plate and
 * the sewn front piece (both carried without an event: only where they are put is a step), and the
 * lint brush held to clean. Here rather than as layout workpieces, so their code comes after the
 * station's first frame (the VR JavaScript budget).
 */
export function AfterBreak() {
  const broken = useStepDone('sew-next-seam');
  return (
    <group name="after-break">
      {broken ? (
        <>
          <Grabbable object="broken-needle" grabAction={null} position={needlePieces} hitBox={[0.04, 0.02, 0.03]}>
            <LookMesh look={needlePiece} />
          </Grabbable>
          <Grabbable object="sewn-piece" grabAction={null} position={sewnPiece} hitBox={[0.17, 0.02, 0.13]}>
            <LookMesh look={sewn} />
          </Grabbable>
        </>
      ) : null}
      <HoldControl object="lint-brush" position={lintBrush} hitBox={[0.14, 0.04, 0.05]} progressMs={5000}>
        <LookMesh look={brushLook} />
      </HoldControl>
    </group>
  );
}
