import { RipFence } from './rip-fence';
import { SawBlade } from './saw-blade';

/**
 * The panel saw, what is unique to the machine (the cabinet, tables, guard, controls, PPE, board,
 * push stick, brush, scales, cards and the team leader are layout.json's): the blade that spins
 * while the saw runs and slows down over the braked run-down, its running lamp, and the rip fence
 * standing at the distance last set on its scale.
 */
export default function PanelSaw() {
  return (
    <group name="panel-saw-unique">
      <SawBlade position={[0, 0.8, -0.75]} lampPosition={[0.25, 0.72, -0.395]} />
      <RipFence />
    </group>
  );
}
