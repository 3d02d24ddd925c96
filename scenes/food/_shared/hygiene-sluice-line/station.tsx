import { Suspense, useRef } from 'react';
import { lazyAfterFirstFrame, useAfterFrames, ClassifyCards, DropZone, Grabbable, HoldControl, Interactable, ValueControl, useSession, useSessionStore, StaticParts } from '../../../../src/world';
import type { Group } from 'three';
import { useFrame } from '@react-three/fiber';
import { HALF_PI, at, crateParts, staticParts, valueControls, zones } from './layout';
import { box, cylinder } from './parts';
import { BatchedPart, PartsBatch } from './parts-batch';

const WorldText = lazyAfterFirstFrame(() => import('./world-text'));
const Display = lazyAfterFirstFrame(() => import('./world-text').then((m) => ({ default: m.Display })));
const StickerText = lazyAfterFirstFrame(() => import('./world-text').then((m) => ({ default: m.StickerText })));
// The face zone matters only in VR and only once the trainee works: after the first frame, so its
// code (the hazard-zone chunk, 1.4 KB gzip) is not in the way of the station's JavaScript budget.
const FaceZone = lazyAfterFirstFrame(() => import('./face-zone'));

// The movable things, each one mesh: pictures for trainees who read little (✓ on OK, ✗ on NOK).
const jewellery = () => [cylinder(0.05, 0.01, [0, 0, 0], '#cbd2d9'), cylinder(0.012, 0.006, [-0.015, 0.008, 0.01], '#d4a017', [HALF_PI, 0, 0]), box([0.03, 0.008, 0.035], [0.02, 0.009, -0.005], '#243b53')];
const net = (color: string) => () => [cylinder(0.05, 0.02, [0, 0, 0], color, undefined, 10), cylinder(0.035, 0.01, [0, 0.014, 0], color, undefined, 10)];
const soap = () => [box([0.08, 0.16, 0.1], [0, 0, 0], white), box([0.006, 0.06, 0.07], [0.043, 0.02, 0], '#3e7cb1'), box([0.03, 0.02, 0.04], [0.02, -0.09, 0], '#52606d')];
const tap = () => [box([0.16, 0.02, 0.025], [0.06, 0, 0], steelHex), box([0.02, 0.04, 0.02], [0.13, -0.02, 0], steelHex), box([0.02, 0.05, 0.015], [0, 0.03, 0], '#2f80ed')];
const towel = () => [box([0.02, 0.14, 0.17], [0, 0, 0], white)];
const disinfectant = () => [box([0.1, 0.15, 0.09], [0, 0, 0], white), box([0.102, 0.05, 0.092], [0, 0.03, 0], '#2f9e44'), box([0.03, 0.02, 0.03], [0, -0.085, 0], '#52606d')];
const arms = () => [cylinder(0.04, 0.06, [0, 0, 0], steelHex), cylinder(0.012, 0.3, [0.15, 0, 0], steelHex, [0, 0, HALF_PI], 8), cylinder(0.012, 0.3, [-0.075, -0.1, 0.13], steelHex, [0.9, 1.05, HALF_PI], 8)];
const okButton = () => [box([0.055, 0.055, 0.02], [0, 0, 0], '#2f9e44'), box([0.012, 0.004, 0.004], [-0.01, -0.004, 0.011], white, [0, 0, -0.8]), box([0.026, 0.004, 0.004], [0.007, 0.002, 0.011], white, [0, 0, 0.9])];
const nokButton = () => [box([0.055, 0.055, 0.02], [0, 0, 0], '#d64545'), box([0.03, 0.005, 0.004], [0, 0, 0.011], white, [0, 0, 0.785]), box([0.03, 0.005, 0.004], [0, 0, 0.011], white, [0, 0, -0.785])];
const mince = () => crateParts('#b9473f');
const sticker = () => [box([0.08, 0.004, 0.05], [0, 0, 0], '#f2c94c'), box([0.084, 0.002, 0.054], [0, -0.001, 0], '#d64545')];
const tray = () => [box([0.16, 0.03, 0.12], [0, 0, 0], white), box([0.14, 0.014, 0.1], [0, 0.018, 0], '#f2c6a0'), box([0.035, 0.006, 0.01], [0.02, 0.028, 0.01], '#1d4ed8', [0, 0.5, 0])];
const callButton = () => [cylinder(0.025, 0.02, [0, 0, 0], '#243b53', [0, 0, HALF_PI])];
const cloth = () => [box([0.12, 0.015, 0.1], [0, 0, 0], '#3e7cb1')];
const water = () => [box([0.2, 0.004, 0.2], [0, -0.03, 0], '#e6f0ff')];
const lineWater = () => [box([0.14, 0.004, 0.1], [0, -0.02, 0], '#e6f0ff')];
const phone = () => [box([0.07, 0.01, 0.14], [0, 0, 0], '#1f2933'), box([0.06, 0.002, 0.12], [0, 0.006, 0], '#52606d')];
const white = '#f8fafc';
const steelHex = '#aeb7bf';

const lampRed = () => [box([0.06, 0.03, 0.01], [0, 0, 0], '#d64545')];
const lampGreen = () => [box([0.06, 0.03, 0.01], [0, 0, 0], '#2fbf4a')];
const beltTray = () => [box([0.12, 0.03, 0.09], [0, 0, 0], white), box([0.1, 0.012, 0.07], [0, 0.018, 0], '#f2c6a0')];
const fixedParts = staticParts();

const CONVEYOR_TRAYS = 5;
const TRAY_PITCH = 0.28;
const trayX = (i: number, travelled: number) => -0.4 + i * TRAY_PITCH + travelled;
const TEXT_AFTER_FRAMES = 4;

/**
 * Food: hygiene sluice and meat line. The trainee stands at the origin facing -z: the sluice on the
 * left (jewellery, nets, wash basin, towels, disinfectant, turnstile), the intake ahead (probe
 * thermometers, HACCP list, order sheet and label), weighing and packing on the right. The line
 * belt starts running once the trainee is through the turnstile. Belgium and the Netherlands share
 * it (their floor words come from the scenario's own namespace).
 */
export default function FoodHygieneSluiceLine() {
  const ns = useSession((s) => s.scenario?.id) ?? 'food-hygiene-sluice-line-be';
  const completed = useSession((s) => s.engine?.completed);
  const done = (id: string) => completed?.some((c) => c.id === id) ?? false;
  const session = useSessionStore();
  const disinfected = done('disinfect-hands');

  const turnstile = useRef<Group>(null);
  const trays = useRef<(Group | null)[]>([]);

  // Scales and cards carry text (troika, ~40 KB): like the signs they come a few frames after the
  // station is first drawn, so the first frame never waits for text.
  const drawn = useAfterFrames(TEXT_AFTER_FRAMES);

  // Machine state is read here per frame from the store, never through React: the belt runs and
  // the turnstile arms turn a third once the trainee has gone through.
  const travelled = useRef(0);
  useFrame((_, delta) => {
    const engine = session.getState().engine;
    const through = engine?.completed.some((c) => c.id === 'enter-sluice') ?? false;
    const arm = turnstile.current;
    if (arm) {
      const target = through ? (2 * Math.PI) / 3 : 0;
      arm.rotation.x += Math.min(Math.abs(target - arm.rotation.x), delta * 2) * Math.sign(target - arm.rotation.x);
    }
    if (!through) return;
    travelled.current = (travelled.current + delta * 0.12) % TRAY_PITCH;
    for (let i = 0; i < CONVEYOR_TRAYS; i++) trays.current[i]?.position.setX(trayX(i, travelled.current));
  });

  return (
    <group name="station:food/hygiene-sluice-line">
      <StaticParts parts={fixedParts} />
      <PartsBatch kinds={kinds} instances={32}>
        {Array.from({ length: CONVEYOR_TRAYS }, (_, i) => (
          <group
            key={i}
            ref={(g) => {
              trays.current[i] = g;
            }}
            position={[trayX(i, 0), 0.975, -0.88]}
          >
            <BatchedPart kind="beltTray" />
          </group>
        ))}
        {/* the turnstile lamp: red until the hands are disinfected, then green */}
        <group position={[-0.52, 0.9, -0.567]}>
          <BatchedPart kind={disinfected ? 'lampGreen' : 'lampRed'} />
        </group>

        {/* the hygiene sluice, in the order of the work */}
        {done('remove-jewellery') ? null : (
          <Interactable object="jewellery" action="remove" position={at.jewellery} hitBox={[0.12, 0.06, 0.12]}>
            <BatchedPart kind="jewellery" />
          </Interactable>
        )}
        <Grabbable object="phone" position={at.phone} hitBox={[0.1, 0.04, 0.16]}>
          <BatchedPart kind="phone" />
        </Grabbable>
        <Grabbable object="hairnet" wear="head" position={at.hairnet} hitBox={[0.12, 0.06, 0.11]}>
          <BatchedPart kind="whiteNet" />
        </Grabbable>
        <Grabbable object="beard-net" wear="head" position={at.beardNet} hitBox={[0.12, 0.06, 0.11]}>
          <BatchedPart kind="blueNet" />
        </Grabbable>
        <Interactable object="soap-dispenser" action="press" position={at.soap} hitBox={[0.1, 0.18, 0.12]} travel={0.01}>
          <BatchedPart kind="soap" />
        </Interactable>
        {/* rubbing the soaped hands over the basin: the bar fills in the 20 s a good wash takes */}
        <HoldControl object="sink" position={at.sink} hitBox={[0.22, 0.12, 0.22]} progressMs={20000}>
          <BatchedPart kind="water" />
        </HoldControl>
        <Interactable object="tap" action="press" position={at.tap} hitBox={[0.18, 0.08, 0.08]}>
          <BatchedPart kind="tap" />
        </Interactable>
        <Grabbable object="paper-towel" position={at.towel} hitBox={[0.06, 0.16, 0.18]}>
          <BatchedPart kind="towel" />
        </Grabbable>
        <HoldControl object="disinfectant" position={at.disinfectant} hitBox={[0.12, 0.17, 0.12]} progressMs={20000} travel={0.01}>
          <BatchedPart kind="disinfectant" />
        </HoldControl>
        <Interactable object="turnstile" action="press" position={at.turnstile} hitBox={[0.34, 0.12, 0.3]}>
          <group ref={turnstile}>
            <BatchedPart kind="arms" />
          </group>
        </Interactable>

        {/* intake: probe readings onto the HACCP list, OK or NOK per product. Picking up the crate, the
            sticker or the tray is not a step of its own (no `grab`): putting it somewhere is. */}
        {drawn ? <ValueControl object="temp-chicken" {...valueControls['temp-chicken']} /> : null}
        <Interactable object="ok-chicken" action="press" position={at.okChicken} hitBox={[0.06, 0.06, 0.04]} travel={0.005}>
          <BatchedPart kind="okButton" />
        </Interactable>
        <Interactable object="nok-chicken" action="press" position={at.nokChicken} hitBox={[0.06, 0.06, 0.04]} travel={0.005}>
          <BatchedPart kind="nokButton" />
        </Interactable>
        {drawn ? <ValueControl object="temp-mince" {...valueControls['temp-mince']} /> : null}
        <Interactable object="ok-mince" action="press" position={at.okMince} hitBox={[0.06, 0.06, 0.04]} travel={0.005}>
          <BatchedPart kind="okButton" />
        </Interactable>
        <Interactable object="nok-mince" action="press" position={at.nokMince} hitBox={[0.06, 0.06, 0.04]} travel={0.005}>
          <BatchedPart kind="nokButton" />
        </Interactable>
        <Grabbable object="crate-mince" position={at.crateMince} grabAction={null} hitBox={[0.2, 0.12, 0.15]}>
          <BatchedPart kind="mince" />
          {drawn ? (
            <Suspense fallback={null}>
              <Display value={3.4} position={[0.05, 0.17, 0.019]} />
            </Suspense>
          ) : null}
        </Grabbable>
        <DropZone id="line-infeed" accepts={['crate-mince']} position={zones['line-infeed'].position} size={zones['line-infeed'].size} marked={false} />
        <Grabbable object="block-label" position={at.blockLabel} grabAction={null} hitBox={[0.1, 0.03, 0.07]}>
          <BatchedPart kind="sticker" />
          {drawn ? (
            <Suspense fallback={null}>
              <StickerText ns={ns} />
            </Suspense>
          ) : null}
        </Grabbable>
        <DropZone id="crate-mince" accepts={['block-label']} position={zones['crate-mince'].position} size={zones['crate-mince'].size} marked={false} />
        {drawn ? (
          <ClassifyCards
            object="allergen-list"
            position={at.allergenCards}
            cards={[
              { id: 'correct', label: `${ns}:classes.correct`, color: '#2da44e' },
              { id: 'missing-allergen', label: `${ns}:classes.missing-allergen`, color: '#cf222e' },
              { id: 'extra-allergen', label: `${ns}:classes.extra-allergen`, color: '#f59f00' },
            ]}
          />
        ) : null}

        {/* weighing, the tray with a foreign body, reporting, cleaning */}
        {drawn ? <ValueControl object="portion" {...valueControls.portion} /> : null}
        <Grabbable object="tray" position={at.tray} grabAction={null} hitBox={[0.18, 0.06, 0.14]}>
          <BatchedPart kind="tray" />
        </Grabbable>
        {drawn ? (
          <ClassifyCards
            object="tray"
            position={at.trayCards}
            rotation={[0, -HALF_PI, 0]}
            cards={[
              { id: 'good', label: `${ns}:classes.good`, color: '#2da44e' },
              { id: 'foreign-body', label: `${ns}:classes.foreign-body`, color: '#cf222e' },
              { id: 'underweight', label: `${ns}:classes.underweight`, color: '#f59f00' },
            ]}
          />
        ) : null}
        <DropZone id="reject-bin" accepts={['tray']} position={zones['reject-bin'].position} size={zones['reject-bin'].size} marked={false} />
        <Interactable object="team-leader" action="press" position={at.teamLeader} hitBox={[0.06, 0.16, 0.14]} travel={0.008}>
          <BatchedPart kind="callButton" />
        </Interactable>
        <HoldControl object="cloth" position={at.cloth} hitBox={[0.14, 0.04, 0.12]} progressMs={5000}>
          <BatchedPart kind="cloth" />
        </HoldControl>
        <HoldControl object="line-sink" position={at.lineSink} hitBox={[0.18, 0.1, 0.14]} progressMs={20000}>
          <BatchedPart kind="lineWater" />
        </HoldControl>
      </PartsBatch>
      <Suspense fallback={null}>
        <FaceZone />
      </Suspense>
      {drawn ? (
        <Suspense fallback={null}>
          <WorldText ns={ns} />
        </Suspense>
      ) : null}
    </group>
  );
}

const whiteNet = net('#f0f4f8');
const blueNet = net('#4c8bf5');

/** Every small thing of the station, drawn by one PartsBatch (one draw call per eye). */
const kinds = { jewellery, phone, whiteNet, blueNet, soap, water, tap, towel, disinfectant, arms, okButton, nokButton, mince, sticker, tray, callButton, cloth, lineWater, beltTray, lampRed, lampGreen };
