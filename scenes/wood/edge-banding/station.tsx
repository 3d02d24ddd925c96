import { Suspense } from 'react';
import { ClassifyCards, HazardZone, Interactable, LookMesh, WhenStep, box, cylinder, lazyAfterFirstFrame, useSession, type ClassifyCard } from '../../../src/world';
import { LaterWork } from './later-work';

// The labels of the edge rolls and the glue pot's control come after the first frame (troika text).
const StationText = lazyAfterFirstFrame(() => import('./station-text'));

const NS = 'wood-edge-banding';
const jamCards: ClassifyCard[] = [
  { id: 'stop-lock', label: `${NS}:choices.edge-magazine.stop-lock`, color: '#2da44e' },
  { id: 'pull-running', label: `${NS}:choices.edge-magazine.pull-running`, color: '#cf222e' },
  { id: 'open-hood', label: `${NS}:choices.edge-magazine.open-hood`, color: '#cf222e' },
];

/** The team leader as the kit's person draws one (1.75 m, blue coat, facing +z), drawn around its middle. */
const coat = '#1f5fa8';
const leader = [
  box([0.13, 0.82, 0.16], [-0.09, -0.49, 0], '#34495e'),
  box([0.13, 0.82, 0.16], [0.09, -0.49, 0], '#34495e'),
  box([0.42, 0.66, 0.24], [0, 0.24, 0], coat),
  box([0.1, 0.6, 0.11], [-0.27, 0.26, 0], coat, [0, 0, -0.06]),
  box([0.1, 0.6, 0.11], [0.27, 0.26, 0], coat, [0, 0, 0.06]),
  cylinder(0.095, 0.22, [0, 0.74, 0], '#c68d6b', undefined, 14, 0.085),
  cylinder(0.1, 0.04, [0, 0.86, 0], '#3b2f26', undefined, 14),
];
/** The main switch's red rotary handle (its grey box and yellow plate are the layout's fixed body); the own padlock and tag at 0. */
const handle = [box([0.03, 0.11, 0.03], [0, 0, 0.045], '#c1121c'), cylinder(0.03, 0.03, [0, 0, 0.02], '#c1121c', [Math.PI / 2, 0, 0], 20)];
const padlock = [box([0.04, 0.045, 0.018], [0.07, -0.1, 0.04], '#c1121c'), box([0.05, 0.07, 0.002], [0.07, -0.165, 0.04], '#f7c948')];

/** Turns of the main switch so far: after an odd number it stands at 0 with the own padlock (lock), then it is unlocked. */
function MainSwitch() {
  const turns = useSession((s) => s.events.filter((e) => e.object === 'main-switch' && (e.action === 'lock' || e.action === 'unlock')).length);
  const locked = turns % 2 === 1;
  return (
    <group position={[-0.8, 1.0, -1.11]}>
      <group rotation={[0, 0, locked ? -Math.PI / 2 : 0]}>
        <Interactable object="main-switch" action={locked ? 'unlock' : 'lock'} hitBox={[0.1, 0.14, 0.07]} travel={0.004}>
          <LookMesh look={handle} />
        </Interactable>
      </group>
      {locked ? <LookMesh look={padlock} /> : null}
    </group>
  );
}

/**
 * The edge banding machine, what later steps need (the machine, console, PPE, panels, rolls, glue
 * pot and carts are layout.json's): the infeed's danger area, the main switch's handle and padlock,
 * the emergency stop, the hood, the first piece, the jammed edge and the brush (later-work.tsx), the
 * question when the edge jams, the team leader and the texts. This file comes after the
 * station's first frame (scripts/vite-stations.ts): the code of these parts is not in the VR
 * JavaScript budget to the first frame.
 */
export default function EdgeBandingStation() {
  return (
    <group name="edge-banding-unique">
      {/* The nip at the infeed between the chain and the top pressure belt, where the panel is drawn in:
          a hand there while the machine runs. Kept to the nip itself (5 × 3 × 16 cm): on a screen the
          pointer counts as a hand, and a larger box lay under the drags that turn the view. */}
      <HazardZone object="feed-zone" position={[-0.12, 0.915, -0.72]} size={[0.05, 0.03, 0.16]} />
      <MainSwitch />
      <LaterWork />
      <WhenStep available={['jam-response']}>
        <ClassifyCards object="edge-magazine" action="answer" cards={jamCards} position={[0.05, 1.62, -0.72]} />
      </WhenStep>
      {/* Handed over to at the end; the hit box as deep as the coat, centred on the body's middle (0.9 m up). */}
      <group position={[1.4, 0.9, 0.1]} rotation={[0, -1.35, 0]}>
        <Interactable object="team-leader" action="press" hitBox={[0.6, 1.8, 0.24]}>
          <LookMesh look={leader} />
        </Interactable>
      </group>
      <Suspense fallback={null}>
        <StationText />
      </Suspense>
    </group>
  );
}
