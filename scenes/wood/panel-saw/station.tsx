import { Suspense } from 'react';
import { ClassifyCards, lazyAfterFirstFrame, Grabbable, HazardZone, HoldControl, Inspectable, Interactable, StaticParts, type StaticPart, ValueControl, WhenStep } from '../../../src/world';
import { RipFence } from './rip-fence';
import { SawBlade } from './saw-blade';

// The Dutch work order is text: it arrives after the first frame, like every label.
const WorkOrderSheet = lazyAfterFirstFrame(() => import('./work-order-sheet'));

const ns = 'wood-panel-saw';
/** Machine colours of a typical sliding table saw: grey-blue body, bare cast-iron table, yellow guard. */
const body = '#4a5b6c';
const iron = '#9aa5b1';

/** Everything that never moves or is touched, drawn as one mesh (one draw call per eye). */
const machineBody: StaticPart[] = [
  // cabinet, cast-iron table, sliding table
  { box: [1.0, 0.8, 0.7], position: [0.1, 0.4, -0.75], color: body },
  { box: [1.0, 0.05, 0.7], position: [0.1, 0.825, -0.75], color: iron },
  { box: [0.45, 0.05, 0.9], position: [-0.64, 0.84, -0.7], color: '#c1c9d2' },
  // overhead guard: post, arm and the yellow crown guard over the blade
  { box: [0.04, 0.75, 0.04], position: [0, 1.2, -1.12], color: body },
  { box: [0.03, 0.03, 0.3], position: [0, 1.55, -0.97], color: body },
  { box: [0.06, 0.07, 0.32], position: [0, 1.03, -0.75], color: '#f7c948' },
  // the hall's pillar with the extraction switch box
  { box: [0.25, 2.5, 0.25], position: [-0.55, 1.25, -1.27], color: '#cbd2d9' },
  { box: [0.22, 0.16, 0.08], position: [-0.55, 1.0, -1.1], color: '#d9e2ec' },
  // PPE board, work-order clipboard
  { box: [0.3, 0.42, 0.02], position: [-0.87, 0.98, -0.93], rotation: [0, 0.5, 0], color: '#b7804a' },
  { box: [0.22, 0.3, 0.01], position: [0.75, 1.32, -1.05], color: '#ffffff' },
  // the team leader, standing on the right
  { cylinder: [0.17, 0.15, 1.5, 12], position: [1.15, 0.75, -0.55], color: '#1f6feb' },
  { box: [0.18, 0.22, 0.18], position: [1.15, 1.62, -0.55], color: '#c68863' },
];

const earDefenders: StaticPart[] = [
  { cylinder: [0.04, 0.04, 0.04, 16], position: [-0.06, 0, 0], rotation: [0, 0, Math.PI / 2], color: '#e3342f' },
  { cylinder: [0.04, 0.04, 0.04, 16], position: [0.06, 0, 0], rotation: [0, 0, Math.PI / 2], color: '#e3342f' },
  { box: [0.14, 0.015, 0.02], position: [0, 0.05, 0], color: '#24292f' },
];

/**
 * A sliding table panel saw (formaatzaag). The trainee stands at the front of the machine: saw table
 * and blade straight ahead at 0.85 m, the sliding table with the board on the left, the rip fence
 * and its scale right of the blade, the start/stop buttons and emergency stop on the front of the
 * cabinet, the dust extraction switch on the wall box, the PPE rack on the left and the team leader
 * on the right. Question cards appear while their question is asked.
 */
export default function PanelSaw() {
  return (
    <group name="station:wood/panel-saw">
      <StaticParts parts={machineBody} name="panel-saw-body" />

      <SawBlade position={[0, 0.8, -0.75]} lampPosition={[0.25, 0.72, -0.395]} />
      {/* A hand, controller, fingertip or carried piece near the blade: the rules judge it. */}
      <HazardZone object="blade-zone" position={[0, 0.95, -0.75]} size={[0.08, 0.2, 0.4]} />

      {/* Overhead guard on its post; the crack shows until the team leader has fitted a new one. */}
      {/* Looked at, not touched: the cards say what the trainee sees. */}
      <group position={[0, 1.03, -0.75]} name="blade-guard">
        <WhenStep notDone="report-fault">
          <mesh position={[0.031, -0.01, 0.06]} rotation={[0.5, 0, 0]}>
            <boxGeometry args={[0.003, 0.065, 0.008]} />
            <meshLambertMaterial color="#1f1f1f" />
          </mesh>
        </WhenStep>
      </group>
      <WhenStep available={['inspect-guard', 'recheck-guard']}>
        <ClassifyCards
          object="blade-guard"
          position={[0.3, 1.25, -0.85]}
          cards={[
            { id: 'ok', label: `${ns}:choices.blade-guard.ok`, color: '#2da44e' },
            { id: 'damaged', label: `${ns}:choices.blade-guard.damaged`, color: '#cf222e' },
          ]}
        />
      </WhenStep>

      {/* Dust extraction: the hose from the guard to the duct, and the switch box on the hall's pillar. */}
      <Inspectable object="extraction-hose" position={[0.2, 1.15, -1.12]} hitBox={[0.12, 0.5, 0.12]}>
        <mesh>
          <cylinderGeometry args={[0.045, 0.045, 0.45, 12]} />
          <meshLambertMaterial color="#57606a" />
        </mesh>
      </Inspectable>
      <Interactable object="extraction-start" action="press" position={[-0.6, 1.0, -1.055]} rotation={[Math.PI / 2, 0, 0]} hitBox={[0.07, 0.04, 0.07]} travel={0.008}>
        <mesh>
          <cylinderGeometry args={[0.025, 0.025, 0.02, 16]} />
          <meshLambertMaterial color="#2da44e" />
        </mesh>
      </Interactable>
      <Interactable object="extraction-stop" action="press" position={[-0.5, 1.0, -1.055]} rotation={[Math.PI / 2, 0, 0]} hitBox={[0.07, 0.04, 0.07]} travel={0.008}>
        <mesh>
          <cylinderGeometry args={[0.025, 0.025, 0.02, 16]} />
          <meshLambertMaterial color="#cf222e" />
        </mesh>
      </Interactable>

      {/* Saw start, stop and the emergency stop on the cabinet front, with the running lamp. */}
      <Interactable object="saw-start" action="press" position={[0.35, 0.72, -0.39]} rotation={[Math.PI / 2, 0, 0]} hitBox={[0.07, 0.04, 0.07]} travel={0.008}>
        <mesh>
          <cylinderGeometry args={[0.025, 0.025, 0.02, 16]} />
          <meshLambertMaterial color="#2da44e" />
        </mesh>
      </Interactable>
      <Interactable object="saw-stop" action="press" position={[0.45, 0.72, -0.39]} rotation={[Math.PI / 2, 0, 0]} hitBox={[0.07, 0.04, 0.07]} travel={0.008}>
        <mesh>
          <cylinderGeometry args={[0.025, 0.025, 0.02, 16]} />
          <meshLambertMaterial color="#cf222e" />
        </mesh>
      </Interactable>
      <Interactable object="emergency-stop" action="press" position={[0.56, 0.72, -0.38]} rotation={[Math.PI / 2, 0, 0]} hitBox={[0.09, 0.05, 0.09]} travel={0.012}>
        <mesh>
          <cylinderGeometry args={[0.04, 0.035, 0.03, 20]} />
          <meshLambertMaterial color="#b42318" />
        </mesh>
      </Interactable>

      {/* PPE board on the left behind the sliding table: glasses, ear defenders — and gloves, which stay there. */}
      <Grabbable object="safety-glasses" wear="head" position={[-0.85, 1.12, -0.9]} rotation={[0, 0.5, 0]} hitBox={[0.2, 0.07, 0.08]}>
        <mesh>
          <boxGeometry args={[0.16, 0.045, 0.02]} />
          <meshLambertMaterial color="#9ecbff" transparent opacity={0.85} />
        </mesh>
      </Grabbable>
      <Grabbable object="hearing-protection" wear="head" position={[-0.85, 0.99, -0.9]} rotation={[0, 0.5, 0]} hitBox={[0.2, 0.14, 0.1]}>
        <StaticParts parts={earDefenders} name="ear-defenders" />
      </Grabbable>
      <Grabbable object="work-gloves" wear="body" position={[-0.85, 0.85, -0.9]} rotation={[0, 0.5, 0]} hitBox={[0.18, 0.1, 0.08]}>
        <mesh>
          <boxGeometry args={[0.14, 0.08, 0.03]} />
          <meshLambertMaterial color="#8d6e63" />
        </mesh>
      </Grabbable>

      {/* The board on the sliding table; the scale along its front edge is 1:1, a millimetre is a millimetre. */}
      {/* Held by hand it can be pushed to the blade: the mistake the push stick is there for (feed-by-hand). */}
      <WhenStep notDone="cut">
        <HoldControl object="board" probeId="board-by-hand" position={[-0.64, 0.875, -0.62]} hitBox={[0.4, 0.03, 0.24]}>
          <mesh>
            <boxGeometry args={[0.4, 0.02, 0.3]} />
            <meshLambertMaterial color="#e0b97a" />
          </mesh>
        </HoldControl>
      </WhenStep>
      <ValueControl object="board" position={[-0.64, 0.9, -0.45]} min={0} max={200} step={1} initial={0} unit="mm" length={0.2} />
      <Grabbable object="tape-measure" position={[-0.3, 0.88, -0.42]} hitBox={[0.09, 0.06, 0.09]}>
        <mesh>
          <boxGeometry args={[0.07, 0.07, 0.03]} />
          <meshLambertMaterial color="#f7c948" />
        </mesh>
      </Grabbable>

      {/* Rip fence right of the blade; its scale at the table's front edge. */}
      <RipFence />
      {/* The scale reads three times larger than life, as through the fence's magnifier: half millimetres can be set. */}
      <ValueControl object="rip-fence" position={[0.32, 0.87, -0.36]} min={0} max={150} step={0.5} initial={50} unit="mm" length={0.45} />

      {/* The push stick: picked up from its hook, then held behind the board to feed it past the blade. */}
      <WhenStep notDone="grab-push-stick">
        <Grabbable object="push-stick" position={[0.5, 0.87, -0.55]} hitBox={[0.08, 0.06, 0.34]}>
          <mesh>
            <boxGeometry args={[0.04, 0.03, 0.3]} />
            <meshLambertMaterial color="#cf222e" />
          </mesh>
        </Grabbable>
      </WhenStep>
      <WhenStep done="grab-push-stick">
        <HoldControl object="push-stick" position={[0.1, 0.88, -0.5]} hitBox={[0.08, 0.06, 0.34]} travel={0.05} progressMs={5000}>
          <mesh>
            <boxGeometry args={[0.04, 0.03, 0.3]} />
            <meshLambertMaterial color="#cf222e" />
          </mesh>
        </HoldControl>
      </WhenStep>

      {/* After the cut: the strip, and offcuts by the blade that must not be picked up by hand. */}
      <WhenStep done="cut">
        <mesh position={[0.1, 0.865, -0.9]}>
          <boxGeometry args={[0.085, 0.018, 0.3]} />
          <meshLambertMaterial color="#e0b97a" />
        </mesh>
      </WhenStep>
      {/* Brushed away, never picked up: they lie by the blade from the cut until the brush has been used. */}
      <WhenStep done="cut" notDone="brush-clean">
        <Grabbable object="offcuts" position={[-0.08, 0.865, -0.9]} hitBox={[0.08, 0.04, 0.08]}>
          <mesh>
            <boxGeometry args={[0.04, 0.015, 0.05]} />
            <meshLambertMaterial color="#c9a36b" />
          </mesh>
        </Grabbable>
      </WhenStep>
      <HoldControl object="brush" position={[0.5, 0.88, -0.95]} hitBox={[0.1, 0.06, 0.2]} progressMs={3000}>
        <mesh>
          <boxGeometry args={[0.03, 0.03, 0.18]} />
          <meshLambertMaterial color="#8d6e63" />
        </mesh>
      </HoldControl>
      <WhenStep available={['check-strip']}>
        <ClassifyCards
          object="strip"
          action="answer"
          position={[0.3, 1.25, -0.85]}
          cards={[
            { id: '80', label: '80 mm' },
            { id: '85', label: '85 mm' },
            { id: '90', label: '90 mm' },
          ]}
        />
      </WhenStep>

      {/* The work order on the wall box on the right, with its question. */}
      <Suspense fallback={null}>
        <WorkOrderSheet position={[0.655, 1.45, -1.04]} />
      </Suspense>
      <WhenStep available={['read-order']}>
        <ClassifyCards
          object="work-order"
          action="answer"
          position={[0.75, 1.05, -1.0]}
          cards={[
            { id: '1200', label: `${ns}:choices.work-order.1200` },
            { id: '85', label: `${ns}:choices.work-order.85` },
            { id: '18', label: `${ns}:choices.work-order.18` },
          ]}
        />
      </WhenStep>

      {/* The team leader on the right, and what to do about the damaged guard. */}
      <WhenStep available={['report-fault']}>
        <ClassifyCards
          object="team-leader"
          action="answer"
          position={[0.78, 1.3, -0.6]}
          rotation={[0, -0.6, 0]}
          cards={[
            { id: 'report', label: `${ns}:choices.team-leader.report`, color: '#2da44e' },
            { id: 'work-on', label: `${ns}:choices.team-leader.work-on`, color: '#cf222e' },
            { id: 'fix-self', label: `${ns}:choices.team-leader.fix-self`, color: '#cf222e' },
          ]}
        />
      </WhenStep>
    </group>
  );
}
