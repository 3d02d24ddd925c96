import { describe, expect, test } from 'vitest';
import { score } from '../../src/engine';
import { ev, stationLog } from './station-log';

// The fourth core module: the first day on the job. Clock in, the floor plan, greet the team leader
// (cards), his spoken answer (workstation 3 over the walkway), the fault read and reported, his spoken
// order (the defect board), a small cut to the first aider, the blue plaster, the first-aid register,
// washing the hands, packing, the carton stock, the handover note and the handover face to face,
// calling in sick, clock out. As short event logs on the real scenario file
// (docs/procedures/first-day.md is the checklist behind them).

const { sc, ideal, before, tOf, live, expectCritical, expectStationData } = stationLog('scenes/core/first-day/scenario.json');

const rulesOf = (events: Parameters<typeof live>[0]) => score(sc, events, 'practice').violations.map((v) => [v.rule, v.severity]);

describe('core-first-day: the station data', () => {
  test('loads without issues: sector core, every competency, 12+ Dutch terms, critical rules with safe states, cards at most a quarter, two listening steps, no country, no review yet', () => {
    expectStationData({
      terms: ['prikklok', 'grondplan', 'teamleider', 'heftruckroute', 'beschermkap', "EHBO'er", 'EHBO-register', 'blauwe pleister', 'overdrachtsblad'],
      critical: ['cross-forklift-route', 'repair-yourself', 'pack-with-open-wound'],
    });
    expect(sc).toMatchObject({ version: 1, sector: 'core', station: 'first-day' });
    expect(sc.country).toBeUndefined();
    expect(sc.steps.length).toBeGreaterThanOrEqual(14);
    expect(sc.steps.length).toBeLessThanOrEqual(20);
    expect(sc.steps.filter((s) => s.listen).map((s) => s.id)).toEqual(['go-to-station', 'hang-defect-sign']);
  });

  test('the ideal path scores 100 in practice and exam: clocked in first and out last, the machine still down with its fault', () => {
    for (const mode of ['practice', 'exam'] as const) expect(score(sc, ideal, mode)).toMatchObject({ total: 100, passed: true, violations: [], mistakes: [] });
    const end = live(ideal).state;
    expect(end.completed[0]!.id).toBe('clock-in');
    expect(end.completed.at(-1)!.id).toBe('clock-out');
    expect(end.machines.packer!.state).toBe('fault');
  });
});

describe('core-first-day: finding the workstation', () => {
  test('a shortcut across the forklift route is critical, whenever it happens; practice goes on from going to the workstation', () => {
    expectCritical([...before('press', 'station-3'), ev(tOf('press', 'station-3'), 'enter', 'forklift-lane')], 'cross-forklift-route');
    expectCritical([ev(1000, 'enter', 'forklift-lane')], 'cross-forklift-route');
  });

  test('the neighbour\'s workstation 2 is minor and does not do the step; the machine stops with its fault when the trainee reaches workstation 3', () => {
    const t = tOf('press', 'station-3');
    const wrong = [...before('press', 'station-3'), ev(t, 'press', 'station-2')];
    expect(rulesOf(wrong)).toEqual([['wrong-station', 'minor']]);
    expect(live(wrong).state.completed.map((c) => c.id)).not.toContain('go-to-station');
    expect(live(before('inspect', 'machine-display')).state.machines.packer!.state).toBe('fault');
  });

  test('the right sentence to the team leader: "where must I be?" or "hello" alone is wrong', () => {
    const t = tOf('answer', 'team-leader');
    for (const wrong of ['where', 'hello']) expect(live([...before('answer', 'team-leader'), ev(t, 'answer', 'team-leader', wrong)]).feedback.at(-1), wrong).toMatchObject({ kind: 'wrong-answer', step: 'greet-leader' });
  });
});

describe('core-first-day: a fault and a small accident', () => {
  test('opening the guard to fix the machine oneself is critical; practice goes on from reporting the fault, the machine still in fault', () => {
    const t = tOf('answer', 'team-leader', 1);
    expectCritical([...before('answer', 'team-leader', 1), ev(t, 'open', 'machine-guard')], 'repair-yourself');
    expect(live([...before('answer', 'team-leader', 1), ev(t, 'open', 'machine-guard')]).state.machines.packer!.state).toBe('fault');
  });

  test('pressing start on the faulty machine is major', () => {
    const t = tOf('answer', 'team-leader', 1);
    expect(rulesOf([...before('answer', 'team-leader', 1), ev(t, 'press', 'start-button')])).toEqual([['start-faulty-machine', 'major']]);
  });

  test('the fault is reported with the machine and what is wrong: "machine broken" or "I open it myself" is wrong', () => {
    const t = tOf('answer', 'team-leader', 1);
    for (const wrong of ['broken', 'fixed']) expect(live([...before('answer', 'team-leader', 1), ev(t, 'answer', 'team-leader', wrong)]).feedback.at(-1), wrong).toMatchObject({ kind: 'wrong-answer', step: 'report-fault' });
  });

  test('packing with the cut not covered is critical (blood on the product); practice goes on from the first aider', () => {
    const t = tOf('press', 'first-aider');
    expectCritical([...before('press', 'first-aider'), ev(t, 'place', 'product-tray', 'carton')], 'pack-with-open-wound');
    expectCritical([...before('wear', 'blue-plaster'), ev(tOf('wear', 'blue-plaster'), 'place', 'product-tray', 'carton')], 'pack-with-open-wound');
  });

  test('packing with the plaster on but the hands not washed is major', () => {
    const t = tOf('hold-start', 'tap');
    expect(rulesOf([...before('hold-start', 'tap'), ev(t, 'place', 'product-tray', 'carton')])).toEqual([['pack-without-washing', 'major']]);
  });

  test('the hands are washed 20 s: a 5 s rinse does not do the step', () => {
    const t = tOf('hold-start', 'tap');
    const r = live([...before('hold-start', 'tap'), ev(t, 'hold-start', 'tap'), ev(t + 5000, 'hold-end', 'tap')]);
    expect(r.state.completed.map((c) => c.id)).not.toContain('wash-hands');
  });

  test('the first-aid register is checked after the first aider, before going back to the line', () => {
    const s = live(before('place', 'product-tray')).state;
    expect(s.completed.map((c) => c.id)).toEqual(expect.arrayContaining(['go-to-first-aider', 'cover-wound', 'check-register', 'wash-hands']));
  });
});

describe('core-first-day: the end of the shift', () => {
  test('the handover note says what runs, what is wrong and what is short: "all fine" or "machine 3 defect" alone is wrong', () => {
    const t = tOf('answer', 'handover-sheet');
    for (const wrong of ['all-ok', 'machine-only']) expect(live([...before('answer', 'handover-sheet'), ev(t, 'answer', 'handover-sheet', wrong)]).feedback.at(-1), wrong).toMatchObject({ kind: 'wrong-answer', step: 'handover-note' });
  });

  test('clocking out before the handover face to face is major', () => {
    const t = tOf('press', 'next-shift');
    expect(rulesOf([...before('press', 'next-shift'), ev(t, 'press', 'time-clock')])).toEqual([['leave-without-handover', 'major']]);
  });

  test('calling in sick: the team leader by phone before the shift; a message to a colleague after the start, or nothing, is wrong', () => {
    const t = tOf('answer', 'phone');
    for (const wrong of ['text-colleague', 'stay-home']) expect(live([...before('answer', 'phone'), ev(t, 'answer', 'phone', wrong)]).feedback.at(-1), wrong).toMatchObject({ kind: 'wrong-answer', step: 'call-in-sick' });
  });
});
