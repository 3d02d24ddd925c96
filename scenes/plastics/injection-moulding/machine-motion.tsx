import { useMemo, useRef } from 'react';
import { MeshLambertMaterial, type Mesh } from 'three';
import { useFrame } from '@react-three/fiber';
import { useSessionStore, mergeStaticParts, staticPartsMaterial, type SessionState } from '../../../src/world';

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
  if (m.state === 'running' && now - s.startedAt - m.since >= alarmAfter(s)) return 'alarm';
  return m.state as ShownState;
}

const PLATEN_OPEN_X = -0.3;
const PLATEN_CLOSED_X = -0.12;
const CYCLE_S = 3;

/** Moving platen and its mould half (the cavity side faces the fixed half at +x). */
const platenGeometry = mergeStaticParts([
  { box: [0.06, 0.44, 0.4], position: [0, 0, 0], color: '#8a96a3' },
  { box: [0.05, 0.26, 0.26], position: [0.055, -0.02, 0], color: '#b9803f' },
]);

/**
 * The moving platen with its mould half, and the stack light: green while running, red on alarm,
 * amber when stopped or locked out. Read from the session store each frame (no React render);
 * React hears only when the shown state changes (`onShown`).
 */
export function MachineMotion({ onShown }: { onShown: (state: ShownState) => void }) {
  const session = useSessionStore();
  const platen = useRef<Mesh>(null);
  const shown = useRef<ShownState | null>(null);
  const latest = useRef(onShown);
  latest.current = onShown;
  const lamps = useMemo(
    () => ({
      green: new MeshLambertMaterial({ color: '#1a7f37', emissive: '#000000' }),
      amber: new MeshLambertMaterial({ color: '#bf8700', emissive: '#000000' }),
      red: new MeshLambertMaterial({ color: '#a40e26', emissive: '#000000' }),
    }),
    [],
  );
  const phase = useRef(0);

  useFrame((_, delta) => {
    const state = shownState(session.getState(), Date.now());
    if (state !== shown.current) {
      shown.current = state;
      lamps.green.emissive.set(state === 'running' ? '#2ea043' : '#000000');
      lamps.amber.emissive.set(state === 'stopped' || state === 'locked-out' ? '#d29922' : '#000000');
      lamps.red.emissive.set(state === 'alarm' ? '#f85149' : '#000000');
      latest.current(state);
    }
    const p = platen.current;
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
      <mesh ref={platen} position={[PLATEN_OPEN_X, 1.07, -0.95]} geometry={platenGeometry} material={staticPartsMaterial()} />
      <mesh position={[0.81, 1.36, -0.95]} material={lamps.red}>
        <cylinderGeometry args={[0.03, 0.03, 0.05, 10]} />
      </mesh>
      <mesh position={[0.81, 1.41, -0.95]} material={lamps.amber}>
        <cylinderGeometry args={[0.03, 0.03, 0.05, 10]} />
      </mesh>
      <mesh position={[0.81, 1.46, -0.95]} material={lamps.green}>
        <cylinderGeometry args={[0.03, 0.03, 0.05, 10]} />
      </mesh>
    </group>
  );
}
