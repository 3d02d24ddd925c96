import { Suspense, useState } from 'react';
import { ClassifyCards, Grabbable, LookMesh, ValueControl, cylinder, lazyAfterFirstFrame, useAfterFrames, useSession, type ClassifyCard } from '../../../src/world';
import { MachineMotion, type ShownState } from './machine-motion';

const StationText = lazyAfterFirstFrame(() => import('./station-text'));

const NS = 'plastics-injection-moulding';
const readAlarmCards: ClassifyCard[] = ['part-stuck', 'mould-too-hot', 'hopper-empty'].map((id) => ({ id, label: `${NS}:choices.read-alarm.${id}`, color: '#cf222e' }));
/** A good cap (7 cm, blue ABS), lying on its side in the open mould. */
const stuckCap = [cylinder(0.035, 0.025, [0, 0, 0], '#2f7fd1', [0, 0, Math.PI / 2], 12, 0.03675)];

/**
 * Injection moulding, what is unique to the machine (the cell, its controls, PPE, conveyor, parts,
 * bins and questions are layout.json's): the moving platen and the stack light, the alarm that comes
 * after the machine has run a while (its text, the part stuck in the open mould, the question to read
 * it — shown from the moment the machine stops, before any event tells the engine), and the mould
 * temperature's scale once the trainee opens the settings screen (changing it is the setter's job).
 */
export default function InjectionMoulding() {
  const [shown, setShown] = useState<ShownState>('stopped');
  const immAlarm = useSession((s) => s.engine?.machines.imm?.state === 'alarm');
  const alarmRead = useSession((s) => s.engine?.completed.some((c) => c.id === 'read-alarm') ?? false);
  const stuckCleared = useSession((s) => s.engine?.machines['stuck-part']?.state === 'scrapped');
  const settingsOpen = useSession((s) => s.events.some((e) => e.action === 'press' && e.object === 'process-settings'));
  // Text and cards (troika, ~40 KB gzip) come a few frames after the station was first drawn.
  const textReady = useAfterFrames(4);
  const alarm = shown === 'alarm' || immAlarm;
  const alarmSeen = alarm || alarmRead;

  return (
    <group name="plastics-station-unique">
      <MachineMotion onShown={setShown} />
      {textReady ? (
        <Suspense fallback={null}>
          <StationText alarm={alarm} />
        </Suspense>
      ) : null}
      {alarmSeen && !stuckCleared ? (
        <Grabbable object="stuck-part" position={[0.0, 1.03, -0.93]} hitBox={[0.06, 0.08, 0.08]}>
          <LookMesh look={stuckCap} />
        </Grabbable>
      ) : null}
      {textReady && alarmSeen && !alarmRead ? <ClassifyCards object="alarm-display" action="answer" cards={readAlarmCards} position={[0.33, 1.4, -0.64]} /> : null}
      {settingsOpen ? <ValueControl object="process-settings" probeId="process-settings-scale" position={[0.33, 1.19, -0.686]} min={180} max={260} step={1} initial={230} unit="°C" length={0.2} /> : null}
    </group>
  );
}
