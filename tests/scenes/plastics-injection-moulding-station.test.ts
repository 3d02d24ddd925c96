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
    // The five caps are kit workpieces, each with its own look (the defect it shows), there once the machine has run.
    const caps = layout!.parts.filter((p) => p.part === 'workpiece' && /^part-\d$/.test(p.object));
    expect(caps.map((p) => p.part === 'workpiece' && p.when?.done)).toEqual(Array(5).fill('start-cycle'));
    expect(new Set(caps.map((p) => JSON.stringify(p.part === 'workpiece' && p.look))).size).toBe(5);
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
