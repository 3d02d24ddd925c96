import { Suspense, useRef, type ReactNode } from 'react';
import type { Group } from 'three';
import { useFrame } from '@react-three/fiber';
import { Grabbable, HoldControl, Interactable, LookMesh, WhenStep, lazyAfterFirstFrame, useAfterFrames, useSession, useSessionStore } from '../../../../src/world';
import * as look from './looks';

const WorldText = lazyAfterFirstFrame(() => import('./world-text'));
const Display = lazyAfterFirstFrame(() => import('./world-text').then((m) => ({ default: m.Display })));
const StickerText = lazyAfterFirstFrame(() => import('./world-text').then((m) => ({ default: m.StickerText })));
// The face zone matters only in VR and only once the trainee works: after the first frame.
const FaceZone = lazyAfterFirstFrame(() => import('./face-zone'));

type V3 = [number, number, number];
const CONVEYOR_TRAYS = 5;
const TRAY_PITCH = 0.28;
const trayX = (i: number, travelled: number) => -0.4 + i * TRAY_PITCH + travelled;
const TEXT_AFTER_FRAMES = 4;

/** The pictured things the kit has no part for: pressed, held or carried (carrying sends nothing; putting it somewhere does). */
const pressed: { object: string; at: V3; hit: V3; look: typeof look.tap; travel?: number }[] = [
  { object: 'soap-dispenser', at: [-0.82, 1.24, -0.08], hit: [0.1, 0.18, 0.12], look: look.soap, travel: 0.01 },
  { object: 'tap', at: [-0.8, 1.14, -0.22], hit: [0.18, 0.08, 0.08], look: look.tap },
  { object: 'ok-chicken', at: [0.115, 1.33, -0.775], hit: [0.06, 0.06, 0.04], look: look.okButton, travel: 0.005 },
  { object: 'nok-chicken', at: [0.175, 1.33, -0.775], hit: [0.06, 0.06, 0.04], look: look.nokButton, travel: 0.005 },
  { object: 'ok-mince', at: [0.115, 1.16, -0.775], hit: [0.06, 0.06, 0.04], look: look.okButton, travel: 0.005 },
  { object: 'nok-mince', at: [0.175, 1.16, -0.775], hit: [0.06, 0.06, 0.04], look: look.nokButton, travel: 0.005 },
];

/**
 * Food, what is unique to the sluice and line (the rest is layout.json): the belt that starts once
 * the trainee is through the turnstile, the turnstile's arms and lamp, the pictured buttons, the
 * crate, label and tray, the texts. Belgium and the Netherlands share it (their floor words come
 * from the scenario's own namespace).
 */
export default function FoodHygieneSluiceLine() {
  const ns = useSession((s) => s.scenario?.id) ?? 'food-hygiene-sluice-line-be';
  const disinfected = useSession((s) => s.engine?.completed.some((c) => c.id === 'disinfect-hands') ?? false);
  const session = useSessionStore();
  const turnstile = useRef<Group>(null);
  const trays = useRef<(Group | null)[]>([]);
  // Text (troika, ~40 KB) comes a few frames after the station is first drawn.
  const drawn = useAfterFrames(TEXT_AFTER_FRAMES);

  // Machine state is read per frame from the store, never through React: the belt runs and the
  // turnstile arms turn a third once the trainee has gone through.
  const travelled = useRef(0);
  useFrame((_, delta) => {
    const through = session.getState().engine?.completed.some((c) => c.id === 'enter-sluice') ?? false;
    const arm = turnstile.current;
    if (arm) {
      const target = through ? (2 * Math.PI) / 3 : 0;
      arm.rotation.x += Math.min(Math.abs(target - arm.rotation.x), delta * 2) * Math.sign(target - arm.rotation.x);
    }
    if (!through) return;
    travelled.current = (travelled.current + delta * 0.12) % TRAY_PITCH;
    for (let i = 0; i < CONVEYOR_TRAYS; i++) trays.current[i]?.position.setX(trayX(i, travelled.current));
  });

  const text = (node: ReactNode) => (drawn ? <Suspense fallback={null}>{node}</Suspense> : null);
  return (
    <group name="food-station-unique">
      {Array.from({ length: CONVEYOR_TRAYS }, (_, i) => (
        <group key={i} ref={(g) => void (trays.current[i] = g)} position={[trayX(i, 0), 0.975, -0.88]}>
          <LookMesh look={look.beltTray} />
        </group>
      ))}
      {/* the turnstile lamp: red until the hands are disinfected, then green */}
      <group position={[-0.52, 0.9, -0.567]}>
        <LookMesh look={disinfected ? look.lampGreen : look.lampRed} />
      </group>
      <WhenStep notDone="remove-jewellery">
        <Interactable object="jewellery" action="remove" position={[-0.6, 0.915, 0.28]} hitBox={[0.12, 0.06, 0.12]}>
          <LookMesh look={look.jewellery} />
        </Interactable>
      </WhenStep>
      {pressed.map((p) => (
        <Interactable key={p.object} object={p.object} action="press" position={p.at} hitBox={p.hit} travel={p.travel}>
          <LookMesh look={p.look} />
        </Interactable>
      ))}
      <HoldControl object="disinfectant" position={[-0.68, 1.16, -0.6]} hitBox={[0.12, 0.17, 0.12]} progressMs={20000} travel={0.01}>
        <LookMesh look={look.disinfectant} />
      </HoldControl>
      <Interactable object="turnstile" action="press" position={[-0.52, 0.98, -0.64]} hitBox={[0.34, 0.12, 0.3]}>
        <group ref={turnstile}>
          <LookMesh look={look.arms} />
        </group>
      </Interactable>
      <Grabbable object="crate-mince" position={[-0.03, 0.95, -0.58]} grabAction={null} hitBox={[0.2, 0.12, 0.15]}>
        <LookMesh look={look.mince} />
        {text(<Display value={3.4} position={[0.05, 0.17, 0.019]} />)}
      </Grabbable>
      <Grabbable object="block-label" position={[0.13, 0.905, -0.52]} grabAction={null} hitBox={[0.1, 0.03, 0.07]}>
        <LookMesh look={look.sticker} />
        {text(<StickerText ns={ns} />)}
      </Grabbable>
      <Grabbable object="tray" position={[0.62, 0.93, 0.04]} grabAction={null} hitBox={[0.18, 0.06, 0.14]}>
        <LookMesh look={look.tray} />
      </Grabbable>
      <Suspense fallback={null}>
        <FaceZone />
      </Suspense>
      {text(<WorldText ns={ns} />)}
    </group>
  );
}
