import { Grabbable, LookMesh, PartsBuilder } from '../../../src/world';
import { panels } from './layout';
import { useStepDone } from './use-station-state';

type Mark = (b: PartsBuilder) => PartsBuilder;
/** Each piece's fault, drawn on its top face: 1 a hole, 2 a stain, 3 a missing weft thread, 4 none. */
const faults: Record<string, Mark> = {
  'panel-1': (b) => b.cylinder(0.014, 0.002, '#0b1f33', [0.02, 0.003, 0.02], undefined, 10),
  'panel-2': (b) => b.cylinder(0.025, 0.002, '#8d6e3f', [0.01, 0.003, 0.02], undefined, 10).cylinder(0.015, 0.002, '#8d6e3f', [0.035, 0.003, 0.035], undefined, 10),
  'panel-3': (b) => b.box([0.16, 0.002, 0.005], '#c9d8ea', [0, 0.003, 0.03]),
  'panel-4': (b) => b,
};

function pieceLook(object: string, index: number) {
  const b = new PartsBuilder().box([0.16, 0.004, 0.18], '#6f98c9', [0, 0, 0]);
  // Its number as dots in the back left corner (1 to 4), readable without text.
  for (let i = 0; i <= index; i++) b.box([0.012, 0.002, 0.012], '#1f2933', [-0.065 + i * 0.018, 0.003, -0.075]);
  return faults[object]!(b).parts;
}

const ids = ['panel-1', 'panel-2', 'panel-3', 'panel-4'];
// Drawn by the station's live batch: four carried pieces, no draw call each.
const looks = ids.map(pieceLook);

/**
 * The cut pieces of the top plies, laid out after cutting to be checked: each is carried (no event of
 * its own) into the reject bin or onto the good stack (`place`, the zone is the value the rules judge).
 */
export function FabricPanels() {
  const cut = useStepDone('stop-cutter');
  if (!cut) return null;
  return (
    <group name="fabric-panels">
      {ids.map((id, i) => (
        <Grabbable key={id} object={id} grabAction={null} position={panels[id]!} hitBox={[0.17, 0.03, 0.19]}>
          <LookMesh look={looks[i]!} />
        </Grabbable>
      ))}
    </group>
  );
}
