import { Suspense, useCallback, useMemo, useState } from 'react';
import { lazyAfterFirstFrame, useAfterFrames, ClassifyCards, type ClassifyCard, DropZone, Grabbable, HazardZone, Interactable, useSession, mergeStaticParts, StaticParts, staticPartsMaterial } from '../../../src/world';
import { MeshLambertMaterial } from 'three';
import { boxContentsParts, lastPlaceInBox, machineParts } from './machine-geometry';
import { MachineMotion, type ShownState } from './machine-motion';
import { partGeometry, type PartClass } from './part-geometry';

const StationText = lazyAfterFirstFrame(() => import('./station-text'));
// Only a trainee who opens the settings screen sees its scale: never on the way to the first frame.
const SettingsScale = lazyAfterFirstFrame(() => import('../../../src/world/value-control').then((m) => ({ default: m.ValueControl })));

const NS = 'plastics-injection-moulding';
/** Machine, conveyor, stands and the good caps already in the box: never moved, one mesh. */
const fixedParts = [...machineParts(), ...boxContentsParts()];
/** The moving composites share the fixed body's vertex-colour material (no shader switch). */
const material = staticPartsMaterial();
const label = (key: string) => `${NS}:choices.${key}`;

/** Parts on the conveyor and the class each one shows (scenario: classify-part-N). */
const parts: { id: string; kind: PartClass }[] = [
  { id: 'part-1', kind: 'short-shot' },
  { id: 'part-2', kind: 'flash' },
  { id: 'part-3', kind: 'sink-mark' },
  { id: 'part-4', kind: 'burn-mark' },
  { id: 'part-5', kind: 'good' },
];
const partCards: ClassifyCard[] = (['good', 'short-shot', 'flash', 'sink-mark', 'burn-mark'] as const).map((id) => ({
  id,
  label: label(`parts.${id}`),
  color: id === 'good' ? '#2da44e' : '#cf222e',
}));
const dryerCards: ClassifyCard[] = ['80', '60', '220'].map((id) => ({ id, label: label(`dryer-display.${id}`), color: '#0b2e4f' }));
const hopperCards: ClassifyCard[] = [
  { id: 'enough', label: label('hopper.enough'), color: '#2da44e' },
  { id: 'refill', label: label('hopper.refill'), color: '#bf8700' },
];
const countCards: ClassifyCard[] = ['11', '12', '13'].map((id) => ({ id, label: id, color: '#c49a63' }));
const alarmReadCards: ClassifyCard[] = ['part-stuck', 'mould-too-hot', 'hopper-empty'].map((id) => ({ id, label: label(`read-alarm.${id}`), color: '#cf222e' }));
const alarmResponseCards: ClassifyCard[] = ['call-setter', 'change-settings', 'reset-restart'].map((id) => ({ id, label: label(`alarm-response.${id}`), color: '#1f6feb' }));

const scrapAccepts = ['part-1', 'part-2', 'part-3', 'part-4', 'stuck-part'];
const boxAccepts = ['part-5'];

/** Where the answer cards of the current question float: low, in front of the machine bed, clear of the mould. */
const questionAt: [number, number, number] = [0.02, 0.9, -0.45];
/** The alarm's answer cards: right above the control screen that shows the message. */
const alarmAt: [number, number, number] = [0.33, 1.4, -0.64];

const glassMaterial = new MeshLambertMaterial({ color: '#b6e3ff', transparent: true, opacity: 0.28, depthWrite: false });
const screenMaterial = new MeshLambertMaterial({ color: '#0b2e4f', emissive: '#0b2e4f' });

/**
 * Injection moulding cell: a horizontal spuitgietmachine with the sliding safety gate in front of
 * the mould, the control panel right of it (start, stop, emergency stop, screen), hopper and dryer
 * on the injection unit, the main switch on the cabinet at the right, a conveyor to the left with
 * the scrap bin and the box of good parts, PPE on a shelf at the right. The trainee stands at the
 * origin facing -z; everything is within reach seated, one-handed; the answer cards for the
 * current question float low in front of the machine.
 */
export default function InjectionMoulding() {
  const geometry = useMemo(
    () => ({
      parts: Object.fromEntries(parts.map((p) => [p.id, partGeometry(p.kind)])) as Record<string, ReturnType<typeof partGeometry>>,
      stuck: partGeometry('good'),
      gateFrame: mergeStaticParts([
        { box: [0.42, 0.02, 0.02], position: [0.21, 0.21, 0], color: '#f2c12e' },
        { box: [0.42, 0.02, 0.02], position: [0.21, -0.21, 0], color: '#f2c12e' },
        { box: [0.02, 0.44, 0.02], position: [0, 0, 0], color: '#f2c12e' },
        { box: [0.02, 0.44, 0.02], position: [0.42, 0, 0], color: '#f2c12e' },
        // the handle, at the gate's lower right corner (the group's origin)
        { box: [0.02, 0.1, 0.04], position: [0.425, -0.15, 0.025], color: '#1b1f24' },
      ]),
      glasses: mergeStaticParts([
        { cylinder: [0.03, 0.03, 0.008, 10], position: [-0.035, 0, 0], rotation: [Math.PI / 2, 0, 0], color: '#9ecbff' },
        { cylinder: [0.03, 0.03, 0.008, 10], position: [0.035, 0, 0], rotation: [Math.PI / 2, 0, 0], color: '#9ecbff' },
        { box: [0.16, 0.012, 0.012], position: [0, 0.02, 0], color: '#24292f' },
      ]),
      gloves: mergeStaticParts([
        { box: [0.07, 0.02, 0.12], position: [-0.04, 0, 0], color: '#e36209' },
        { box: [0.07, 0.02, 0.12], position: [0.04, 0.004, 0.01], rotation: [0, 0.2, 0], color: '#f0883e' },
      ]),
      mainSwitch: mergeStaticParts([
        { box: [0.09, 0.09, 0.01], position: [0, 0, 0], color: '#f2c12e' },
        { cylinder: [0.02, 0.02, 0.02, 10], position: [0, 0, 0.01], rotation: [Math.PI / 2, 0, 0], color: '#cf222e' },
      ]),
      switchHandle: mergeStaticParts([{ box: [0.075, 0.016, 0.016], position: [0, 0, 0.025], color: '#cf222e' }]),
      padlock: mergeStaticParts([
        { box: [0.03, 0.03, 0.015], position: [0.035, -0.05, 0.03], color: '#d4a72c' },
        { box: [0.03, 0.045, 0.004], position: [0.07, -0.06, 0.03], color: '#ffffff' },
      ]),
    }),
    [],
  );

  const done = useSession((s) => (s.engine ? s.engine.steps.map((p) => (p.done ? '1' : '0')).join('') : ''));
  const stepIds = useSession((s) => s.scenario?.steps.map((st) => st.id).join(' ') ?? '');
  const isDone = useCallback((id: string) => done[stepIds.split(' ').indexOf(id)] === '1', [done, stepIds]);
  const gateOpen = useSession((s) => s.engine?.machines.gate?.state === 'open');
  const immState = useSession((s) => s.engine?.machines.imm?.state ?? 'stopped');
  const placed = useSession((s) => ['part-1', 'part-2', 'part-3', 'part-4', 'stuck-part'].map((m) => (s.engine?.machines[m]?.state === 'scrapped' ? '1' : '0')).join(''));
  const [shown, setShown] = useState<ShownState>('stopped');
  const settingsOpen = useSession((s) => s.events.some((e) => e.action === 'press' && e.object === 'process-settings'));
  // Cards and readings carry text (troika, ~40 KB gzip): mounted a few frames after the station was
  // first drawn, so their code never sits on the path to the first frame.
  const textReady = useAfterFrames(4);

  const started = isDone('start-cycle');
  const packed = isDone('pack-good');
  const current = started ? parts.find((p) => !isDone(`classify-${p.id}`)) : undefined;
  const alarmSeen = shown === 'alarm' || immState === 'alarm' || isDone('read-alarm');
  const locked = immState === 'locked-out';
  const partOnBelt = (i: number) => (i < 4 ? placed[i] !== '1' : !packed);

  let question: { object: string; cards: ClassifyCard[] } | null = null;
  if (!isDone('read-dryer')) question = { object: 'dryer-display', cards: dryerCards };
  else if (!isDone('check-hopper')) question = { object: 'hopper', cards: hopperCards };
  else if (current) question = { object: current.id, cards: partCards };
  else if (packed && !isDone('record-count')) question = { object: 'box-card', cards: countCards };
  let alarmQuestion: ClassifyCard[] | null = null;
  if (alarmSeen && !isDone('read-alarm')) alarmQuestion = alarmReadCards;
  else if (isDone('read-alarm') && !isDone('alarm-response')) alarmQuestion = alarmResponseCards;

  return (
    <group name="station:plastics/injection-moulding">
      <StaticParts parts={fixedParts} name="machine" />
      {packed ? <mesh geometry={geometry.parts['part-5']} material={material} position={lastPlaceInBox} /> : null}
      <MachineMotion onShown={setShown} />
      {textReady ? (
        <Suspense fallback={null}>
          <StationText alarm={shown === 'alarm' || immState === 'alarm'} />
        </Suspense>
      ) : null}

      {/* PPE on the shelf: a press puts it on, or in VR bring it to the face / the body */}
      <Grabbable object="safety-glasses" wear="head" position={[0.4, 0.85, -0.32]} hitBox={[0.18, 0.06, 0.1]}>
        <mesh geometry={geometry.glasses} material={material} />
      </Grabbable>
      <Grabbable object="work-gloves" wear="body" position={[0.55, 0.845, -0.32]} hitBox={[0.18, 0.05, 0.16]}>
        <mesh geometry={geometry.gloves} material={material} />
      </Grabbable>

      {/* The sliding safety gate: pull the handle (lower right) to open — it slides left — again to close */}
      <Interactable object="safety-gate" action={gateOpen ? 'close' : 'open'} position={gateOpen ? [-0.27, 0.92, -0.655] : [0.13, 0.92, -0.655]} hitBox={[0.08, 0.1, 0.06]}>
        <mesh geometry={geometry.gateFrame} material={material} position={[-0.42, 0.15, 0]} />
        <mesh position={[-0.21, 0.15, 0]} material={glassMaterial}>
          <boxGeometry args={[0.4, 0.4, 0.006]} />
        </mesh>
      </Interactable>
      {/* A spare actuator hangs by the machine: put into the door switch, it bypasses the interlock. */}
      <Grabbable object="spare-actuator" position={[0.6, 1.32, -0.7]} hitBox={[0.05, 0.05, 0.04]}>
        <mesh>
          <boxGeometry args={[0.03, 0.04, 0.015]} />
          <meshLambertMaterial color="#f2c12e" />
        </mesh>
      </Grabbable>
      <DropZone id="door-switch" accepts={['spare-actuator']} position={[0.12, 1.3, -0.7]} size={[0.1, 0.1, 0.1]} marked={false} />
      {/* The gate's safety switch: touching it by hand is bypassing the interlock */}
      <Interactable object="door-switch" action="press" position={[0.12, 1.3, -0.725]} hitBox={[0.05, 0.06, 0.04]}>
        <mesh>
          <boxGeometry args={[0.035, 0.05, 0.025]} />
          <meshLambertMaterial color="#f2c12e" />
        </mesh>
      </Interactable>

      {/* Control panel: start (green), stop (black), emergency stop, the screen with the settings */}
      <Interactable object="cycle-start" action="press" position={[0.25, 1.1, -0.68]} rotation={[Math.PI / 2, 0, 0]} hitBox={[0.06, 0.04, 0.06]} travel={0.008}>
        <mesh>
          <cylinderGeometry args={[0.022, 0.022, 0.025, 12]} />
          <meshLambertMaterial color="#2da44e" />
        </mesh>
      </Interactable>
      <Interactable object="cycle-stop" action="press" position={[0.33, 1.1, -0.68]} rotation={[Math.PI / 2, 0, 0]} hitBox={[0.06, 0.04, 0.06]} travel={0.008}>
        <mesh>
          <cylinderGeometry args={[0.022, 0.022, 0.025, 12]} />
          <meshLambertMaterial color="#24292f" />
        </mesh>
      </Interactable>
      <Interactable object="emergency-stop" action="press" position={[0.42, 1.1, -0.675]} rotation={[Math.PI / 2, 0, 0]} hitBox={[0.07, 0.05, 0.07]} travel={0.01}>
        <mesh>
          <cylinderGeometry args={[0.03, 0.026, 0.03, 12]} />
          <meshLambertMaterial color="#cf222e" />
        </mesh>
      </Interactable>
      <Interactable object="process-settings" action="press" position={[0.33, 1.255, -0.688]}>
        <mesh material={screenMaterial}>
          <boxGeometry args={[0.21, 0.1, 0.004]} />
        </mesh>
      </Interactable>
      {/* Opened, the screen offers the mould temperature: changing it is the setter's job (change-settings). */}
      {settingsOpen ? (
        <Suspense fallback={null}>
          <SettingsScale object="process-settings" probeId="process-settings-scale" position={[0.33, 1.19, -0.686]} min={180} max={260} step={1} initial={230} unit="°C" length={0.2} />
        </Suspense>
      ) : null}

      {/* Main switch on the cabinet: a turn to 0 with the own padlock locks out; again unlocks */}
      <Interactable object="main-switch" action={locked ? 'unlock' : 'lock'} position={[0.81, 1.12, -0.695]} hitBox={[0.11, 0.11, 0.06]}>
        <mesh geometry={geometry.mainSwitch} material={material} />
        <mesh geometry={geometry.switchHandle} material={material} rotation={[0, 0, locked ? 0 : Math.PI / 2]} />
        {locked ? <mesh geometry={geometry.padlock} material={material} /> : null}
      </Interactable>

      {/* Parts on the conveyor once the machine has run; the one to judge now lies raised at the front */}
      {started
        ? parts.map((p, i) =>
            partOnBelt(i) ? (
              <Grabbable
                key={p.id}
                object={p.id}
                grabAction={null}
                position={[-0.42, current?.id === p.id ? 0.85 : 0.797, -0.66 + i * 0.075]}
                hitBox={[0.08, 0.05, 0.08]}
              >
                <mesh geometry={geometry.parts[p.id]} material={material} scale={current?.id === p.id ? 1.4 : 1} />
              </Grabbable>
            ) : null,
          )
        : null}
      {alarmSeen && placed[4] !== '1' ? (
        <Grabbable object="stuck-part" position={[0.0, 1.03, -0.93]} hitBox={[0.06, 0.08, 0.08]}>
          <mesh geometry={geometry.stuck} material={material} rotation={[0, 0, Math.PI / 2]} />
        </Grabbable>
      ) : null}
      <DropZone id="scrap-bin" accepts={scrapAccepts} position={[-0.25, 0.7, -0.34]} size={[0.36, 0.8, 0.44]} marked={false} />
      <DropZone id="good-box" accepts={boxAccepts} position={[-0.65, 0.95, -0.65]} size={[0.3, 0.5, 0.3]} marked={false} />

      {textReady && question ? <ClassifyCards key={question.object} object={question.object} action={question.object.startsWith('part-') ? 'classify' : 'answer'} cards={question.cards} position={questionAt} /> : null}
      {textReady && alarmQuestion ? <ClassifyCards key={alarmQuestion[0]!.id} object="alarm-display" action="answer" cards={alarmQuestion} position={alarmAt} /> : null}

      {/* Danger areas: the mould between the platens, the hot nozzle under its guard */}
      <HazardZone object="mould-zone" position={[-0.09, 1.05, -0.9]} size={[0.3, 0.3, 0.3]} />
      <HazardZone object="nozzle-zone" position={[0.21, 1.05, -0.95]} size={[0.12, 0.16, 0.18]} />
    </group>
  );
}
