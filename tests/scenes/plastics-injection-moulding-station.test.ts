import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { initialState, step } from '../../src/engine';
import type { SessionState } from '../../src/state/session-store';
import { shownState } from '../../scenes/plastics/injection-moulding/machine-motion';
import { stationLog } from './station-log';

const { sc, before, tOf } = stationLog('scenes/plastics/injection-moulding/scenario.json');

/** The session as the station reads it: the engine state after `events`, started at `startedAt`. */
function session(events: ReturnType<typeof before>, startedAt = 1_000_000): SessionState {
  let engine = initialState(sc, 'practice');
  for (const e of events) engine = step(sc, engine, e).state;
  return { scenario: sc, engine, startedAt } as SessionState;
}

describe('plastics-injection-moulding station', () => {
  test('every scenario object has its place in the 3D station', () => {
    const source = readFileSync('scenes/plastics/injection-moulding/station.tsx', 'utf8');
    for (const o of sc.objects) expect(source, o.id).toMatch(new RegExp(`['"]${o.id}['"]`));
    // The parts are listed by id and each becomes a Grabbable.
    expect(source).toContain('object={p.id}');
  });

  test('the machine shows its alarm at the scenario\'s moment, before any event tells the engine', () => {
    const start = tOf('press', 'cycle-start', 1);
    const after = sc.machines.find((m) => m.id === 'imm')!.transitions.find((t) => t.after)!.after!;
    const running = session(before('classify', 'part-1'));
    expect(running.engine!.machines.imm!.state).toBe('running');
    expect(shownState(running, running.startedAt + start + after - 1)).toBe('running');
    expect(shownState(running, running.startedAt + start + after)).toBe('alarm');
    expect(shownState(session([]), 0)).toBe('stopped');
    expect(shownState(session(before('open', 'safety-gate', 1)), Number.MAX_SAFE_INTEGER)).toBe('locked-out');
  });
});
