import { Suspense, useState } from 'react';
import { ClassifyCards, DropZone, Grabbable, HazardZone, HoldControl, Interactable, LookMesh, ValueControl, box, cylinder, lazyAfterFirstFrame, useAfterFrames, useSession, type ClassifyCard } from '../../../src/world';
import { MachineMotion, type ShownState } from './machine-motion';

const StationText = lazyAfterFirstFrame(() => import('./station-text'));

const NS = 'plastics-injection-moulding';
const readAlarmCards: ClassifyCard[] = ['part-stuck', 'mould-too-hot', 'hopper-empty'].map((id) => ({ id, label: `${NS}:choices.read-alarm.${id}`, color: '#cf222e' }));
const alarmResponseCards: ClassifyCard[] = ['call-setter', 'change-settings', 'reset-restart'].map((id) => ({ id, label: `${NS}:choices.alarm-response.${id}`, color: '#1f6feb' }));
/** A good cap (7 cm, blue ABS), lying on its side in the open mould. */
const stuckCap = [cylinder(0.035, 0.025, [0, 0, 0], '#2f7fd1', [0, 0, Math.PI / 2], 12, 0.03675)];
/** The setter (insteller) in a grey coat, 1.75 m, drawn around its middle so the hit box covers the body. */
const setter = [
  box([0.13, 0.82, 0.16], [-0.09, -0.49, 0], '#3b5b7e'),
  box([0.13, 0.82, 0.16], [0.09, -0.49, 0], '#3b5b7e'),
  box([0.42, 0.66, 0.24], [0, 0.24, 0], '#5c6166'),
  box([0.1, 0.6, 0.11], [-0.27, 0.26, 0], '#5c6166', [0, 0, -0.06]),
  box([0.1, 0.6, 0.11], [0.27, 0.26, 0], '#5c6166', [0, 0, 0.06]),
  cylinder(0.095, 0.22, [0, 0.74, 0], '#c68e6a', undefined, 14, 0.085),
];
/** The work order on its clipboard, the material label on the dryer, the purge guard's position switch (on the bed, well away from the hot nozzle). */
const clipboard = [box([0.11, 0.15, 0.006], [0, 0, 0], '#8a5a2b'), box([0.095, 0.12, 0.002], [0, -0.008, 0.004], '#f4f1e8')];
const label = [box([0.1, 0.045, 0.002], [0, 0, 0], '#f4f1e8')];
const guardSwitch = [box([0.04, 0.03, 0.02], [0, 0, 0], '#1b1f24'), box([0.012, 0.012, 0.004], [0, 0, 0.011], '#2da44e')];
/** The yellow purge guard over the nozzle (120 × 160 × 180 mm) with its handle; raised and tilted back when opened. */
const purgeGuard = [box([0.12, 0.16, 0.18], [0, 0, 0], '#f2c12e'), box([0.06, 0.015, 0.02], [0, 0.06, 0.1], '#1b1f24')];
const purgeGuardOpen = [box([0.12, 0.16, 0.18], [0, 0.17, -0.06], '#f2c12e', [-0.9, 0, 0]), box([0.06, 0.015, 0.02], [0, 0.26, 0.02], '#1b1f24', [-0.9, 0, 0])];
/** A bench scale on its stand left of the conveyor. */
const scale = [box([0.16, 0.76, 0.16], [0, -0.4, 0], '#52606d'), box([0.17, 0.03, 0.17], [0, 0, 0], '#d9dde0'), box([0.15, 0.005, 0.15], [0, 0.018, 0], '#8a96a3')];
/** Blue granulate spilled on the machine bed under the hopper. */
const granulate = [0, 1, 2, 3, 4, 5, 6, 7].map((i) => cylinder(0.006, 0.006, [((i * 37) % 11) * 0.009 - 0.045, 0, ((i * 23) % 7) * 0.01 - 0.03], '#2f7fd1', undefined, 6));

/**
 * Injection moulding, what is unique to the machine and to this shift (the cell, its controls, PPE,
 * conveyor, parts and bins are layout.json's): the moving platen and the stack light; the setter;
 * the checks before starting (work order, material label, dryer, hopper, purge guard); the scale and
 * the control card; the dryer's reading; the alarm that comes after the restart (its text, the part stuck in the open
 * mould, its questions); the records of the end of the shift and the spilled granulate; the settings
 * screen's scale once opened (changing it is the setter's job). All of it after the first frame.
 */
export default function InjectionMoulding() {
  const [shown, setShown] = useState<ShownState>('stopped');
  const immAlarm = useSession((s) => s.engine?.machines.imm?.state === 'alarm');
  // The ids of the steps done, as one string: React hears only when a step is done.
  const doneIds = useSession((s) => s.engine?.completed.map((c) => c.id).join(' ') ?? '');
  const done = (id: string) => ` ${doneIds} `.includes(` ${id} `);
  const guardOpen = useSession((s) => s.engine?.machines['purge-guard']?.state === 'open');
  const weighed = useSession((s) => s.events.some((e) => e.action === 'place' && e.object === 'part-1' && e.value === 'scale'));
  const stuckCleared = useSession((s) => s.engine?.machines['stuck-part']?.state === 'scrapped');
  const settingsOpen = useSession((s) => s.events.some((e) => e.action === 'press' && e.object === 'process-settings'));
  // Text and cards (troika, ~40 KB gzip) come a few frames after the station was first drawn.
  const textReady = useAfterFrames(4);
  const alarm = shown === 'alarm' || immAlarm;
  const alarmSeen = alarm || done('read-alarm');
  const endOfShift = done('remove-lock');

  return (
    <group name="plastics-station-unique">
      <MachineMotion onShown={setShown} />
      {/* The danger areas: the mould between the platens; the hot nozzle under its purge guard, from x 0.19 on (on a
          screen the pointer's line to the gate's handle at x 0.13 never passes through it). */}
      <HazardZone object="mould-zone" position={[-0.09, 1.05, -0.9]} size={[0.3, 0.3, 0.3]} />
      <HazardZone object="nozzle-zone" position={[0.23, 1.05, -0.95]} size={[0.08, 0.16, 0.18]} />
      {/* The box takes the caps (high above it: a part carried from the scale comes in from above; it ends before the
          scale's zone begins); the door switch takes the spare actuator (bypassing the interlock: a rule). */}
      <DropZone id="good-box" accepts={['part-1', 'part-2', 'part-3', 'part-4']} position={[-0.575, 0.945, -0.62]} size={[0.3, 0.9, 0.36]} marked={false} />
      <DropZone id="door-switch" accepts={['spare-actuator']} position={[0.12, 1.3, -0.7]} size={[0.1, 0.1, 0.1]} marked={false} />
      {textReady ? (
        <Suspense fallback={null}>
          <StationText alarm={alarm} weighed={weighed} />
        </Suspense>
      ) : null}
      <Interactable object="setter" action="press" position={[1.05, 0.9, -0.5]} rotation={[0, -1.13, 0]} hitBox={[0.5, 1.7, 0.24]}>
        <LookMesh look={setter} />
      </Interactable>
      <Interactable object="work-order" action="inspect" position={[0.7, 0.97, -0.795]} hitBox={[0.12, 0.16, 0.03]}>
        <LookMesh look={clipboard} />
      </Interactable>
      <Interactable object="material-label" action="inspect" position={[0.62, 1.335, -0.838]} hitBox={[0.11, 0.05, 0.02]}>
        <LookMesh look={label} />
      </Interactable>
      <Interactable object="dryer-display" action="inspect" position={[0.62, 1.43, -0.83]} hitBox={[0.14, 0.05, 0.02]}>
        <group />
      </Interactable>
      <Interactable object="hopper" action="inspect" position={[0.62, 1.2, -0.86]} hitBox={[0.07, 0.11, 0.03]}>
        <group />
      </Interactable>
      <Interactable object="purge-guard" action="inspect" position={[0.21, 0.74, -0.69]} hitBox={[0.05, 0.04, 0.03]}>
        <LookMesh look={guardSwitch} />
      </Interactable>
      {/* The purge guard's handle opens it (the setter's job: a rule) and closes it again. */}
      <Interactable object="purge-guard" probeId="purge-guard-cover" action={guardOpen ? 'close' : 'open'} position={[0.21, 1.05, -0.95]} hitBox={[0.12, 0.16, 0.18]}>
        <LookMesh look={guardOpen ? purgeGuardOpen : purgeGuard} />
      </Interactable>
      <group position={[-0.62, 0.795, -0.2]}>
        <LookMesh look={scale} />
      </group>
      <DropZone id="scale" accepts={['part-1']} position={[-0.62, 0.95, -0.225]} size={[0.3, 0.5, 0.31]} marked={false} />
      {done('weigh-part-1') && !done('record-weight') ? (
        <ValueControl object="control-card" position={[-0.2, 1.38, -0.66]} min={20} max={30} step={0.1} initial={20} unit="g" length={0.2} />
      ) : null}
      {alarmSeen && !stuckCleared ? (
        <Grabbable object="stuck-part" position={[0.0, 1.03, -0.93]} hitBox={[0.06, 0.08, 0.08]}>
          <LookMesh look={stuckCap} />
        </Grabbable>
      ) : null}
      {textReady && alarmSeen && !done('read-alarm') ? <ClassifyCards object="alarm-display" action="answer" cards={readAlarmCards} position={[0.33, 1.4, -0.64]} /> : null}
      {textReady && done('read-alarm') && !done('alarm-response') ? <ClassifyCards object="alarm-display" action="answer" cards={alarmResponseCards} position={[0.33, 1.4, -0.64]} /> : null}
      {endOfShift && !done('record-count') ? <ValueControl object="box-card" position={[-0.68, 0.92, -0.5]} min={0} max={20} step={1} initial={0} unit="st" length={0.2} /> : null}
      {endOfShift && !done('record-rejects') ? <ValueControl object="shift-report" position={[0.5, 1.02, -0.4]} min={0} max={10} step={1} initial={0} unit="st" length={0.2} /> : null}
      {!done('clean-up') ? (
        <HoldControl object="spilled-granulate" position={[0.45, 0.848, -0.745]} hitBox={[0.12, 0.03, 0.08]} progressMs={2000}>
          <LookMesh look={granulate} />
        </HoldControl>
      ) : null}
      {settingsOpen ? <ValueControl object="process-settings" probeId="process-settings-scale" position={[0.33, 1.19, -0.686]} min={180} max={260} step={1} initial={230} unit="°C" length={0.2} /> : null}
    </group>
  );
}
