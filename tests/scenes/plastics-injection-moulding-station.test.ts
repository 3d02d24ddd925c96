import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { initialState, placedObjects, step } from '../../src/engine';
import { loadLayoutFile } from '../../scripts/layout-file';
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
  test('every scenario object has its place in the 3D station: a kit part of layout.json, a drop zone, or station.tsx (listed)', () => {
    const { layout, issues } = loadLayoutFile(process.cwd(), join(process.cwd(), 'scenes/plastics/injection-moulding/scenario.json'), sc);
    expect(issues).toEqual([]);
    const placed = new Set([...layout!.station, ...layout!.parts.flatMap(placedObjects), ...layout!.parts.flatMap((p) => ('zone' in p && p.zone ? [p.zone] : []))]);
    expect(sc.objects.map((o) => o.id).filter((id) => !placed.has(id))).toEqual([]);
    // The caps are kit workpieces with their look: the good first part once the machine runs, the two short shots (the drift) once
    // it is packed, the good part after the setter's correction (looked over, then carried to the box).
    const caps = layout!.parts.filter((p) => p.part === 'workpiece' && /^part-\d$/.test(p.object));
    expect(caps.map((p) => p.part === 'workpiece' && p.when?.done)).toEqual(['start-cycle', 'pack-part-1', 'pack-part-1', 'restart-cycle', 'check-part-4']);
    expect(new Set(caps.map((p) => JSON.stringify(p.part === 'workpiece' && p.look))).size).toBe(2);
  });

  test('the machine shows its alarm at the scenario\'s moment, before any event tells the engine', () => {
    // The alarm comes in the run after the setter's call (the third press on start), never in the first run.
    const start = tOf('press', 'cycle-start', 2);
    const after = sc.machines.find((m) => m.id === 'imm')!.transitions.find((t) => t.after)!.after!;
    const firstRun = session(before('place', 'part-1'));
    expect(firstRun.engine!.machines.imm!.state).toBe('running');
    expect(shownState(firstRun, Number.MAX_SAFE_INTEGER)).toBe('running');
    const running = session(before('inspect', 'part-4'));
    expect(running.engine!.machines.imm!.state).toBe('resumed');
    expect(shownState(running, running.startedAt + start + after - 1)).toBe('running');
    expect(shownState(running, running.startedAt + start + after)).toBe('alarm');
    expect(shownState(session([]), 0)).toBe('stopped');
    expect(shownState(session(before('open', 'safety-gate', 1)), Number.MAX_SAFE_INTEGER)).toBe('locked-out');
  });
});
