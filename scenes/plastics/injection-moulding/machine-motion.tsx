import { useRef, useState } from 'react';
import type { Group } from 'three';
import { useFrame } from '@react-three/fiber';
import { appClock, box, cylinder, LookMesh, useSessionStore, type SessionState } from '../../../src/world';

/** What the machine shows: the engine's state, with the timed alarm applied at the current moment. */
export type ShownState = 'stopped' | 'running' | 'alarm' | 'locked-out';

const alarmAfterByScenario = new WeakMap<object, number>();

/** How long the machine runs before the stuck-part alarm, from the scenario's own timed transition (looked up once). */
function alarmAfter(s: SessionState): number {
  if (!s.scenario) return Number.POSITIVE_INFINITY;
  let after = alarmAfterByScenario.get(s.scenario);
  if (after === undefined) {
    const imm = s.scenario.machines.find((m) => m.id === 'imm');
    after = imm?.transitions.find((tr) => tr.after !== undefined && tr.to === 'alarm')?.after ?? Number.POSITIVE_INFINITY;
    alarmAfterByScenario.set(s.scenario, after);
  }
  return after;
}

/**
 * The engine fires the timed alarm when the next event arrives; the machine must stop visibly at
 * that moment, so the shown state applies the timer against the clock every frame.
 */
export function shownState(s: SessionState, now: number): ShownState {
  const m = s.engine?.machines.imm;
  if (!m) return 'stopped';
  // After the setter's call the machine runs on as 'resumed' (the run that ends in the alarm): shown as running.
  if (m.state === 'resumed') return now - s.startedAt - m.since >= alarmAfter(s) ? 'alarm' : 'running';
  return m.state as ShownState;
}

const PLATEN_OPEN_X = -0.3;
const PLATEN_CLOSED_X = -0.12;
const CYCLE_S = 3;

/** Moving platen and its mould half (the cavity side faces the fixed half at +x). */
const platen = [box([0.06, 0.44, 0.4], [0, 0, 0], '#8a96a3'), box([0.05, 0.26, 0.26], [0.055, -0.02, 0], '#b9803f')];
/** The lit lens over the stack light's tier (layout.json: red, amber, green from the top, on the cabinet). */
const TIER_Y = { red: 0.249, amber: 0.197, green: 0.145 } as const;
const lit = {
  running: [cylinder(0.032, 0.046, [0, TIER_Y.green, 0], '#7dff9a', undefined, 16)],
  alarm: [cylinder(0.032, 0.046, [0, TIER_Y.red, 0], '#ff6b6b', undefined, 16)],
  stopped: [cylinder(0.032, 0.046, [0, TIER_Y.amber, 0], '#ffd166', undefined, 16)],
};
const STACK_LIGHT: [number, number, number] = [0.81, 1.32, -0.96];

/**
 * The moving platen with its mould half, and the lit tier of the stack light: green while running,
 * red on alarm, amber when stopped or locked out — both drawn by the station's live batch. Read from
 * the session store each frame (no React render); React hears only when the shown state changes.
 */
export function MachineMotion({ onShown }: { onShown: (state: ShownState) => void }) {
  const session = useSessionStore();
  const moving = useRef<Group>(null);
  const shown = useRef<ShownState | null>(null);
  const [lamp, setLamp] = useState<keyof typeof lit>('stopped');
  const latest = useRef(onShown);
  latest.current = onShown;
  const phase = useRef(0);

  useFrame((_, delta) => {
    const state = shownState(session.getState(), appClock.now());
    if (state !== shown.current) {
      shown.current = state;
      setLamp(state === 'locked-out' ? 'stopped' : state);
      latest.current(state);
    }
    const p = moving.current;
    if (!p) return;
    if (state === 'running') {
      // Close, hold (inject and cool), open, eject: a smooth back and forth every few seconds.
      phase.current = (phase.current + delta / CYCLE_S) % 1;
      const closed = Math.min(1, Math.max(0, 1.6 * Math.sin(phase.current * Math.PI * 2) + 0.5));
      p.position.x = PLATEN_OPEN_X + (PLATEN_CLOSED_X - PLATEN_OPEN_X) * closed;
    } else if (state === 'alarm') {
      // Stuck part: the mould stays open with the part in it.
      p.position.x = PLATEN_OPEN_X;
    }
  });

  return (
    <group name="machine-motion">
      <group ref={moving} position={[PLATEN_OPEN_X, 1.07, -0.95]}>
        <LookMesh look={platen} />
      </group>
      <group position={STACK_LIGHT}>
        <LookMesh look={lit[lamp]} />
      </group>
    </group>
  );
}
