import { describe, expect, test } from 'vitest';
import { score } from '../../src/engine';
import { ev, stationLog } from './station-log';

// The fabric inspection frame with the 4-point system: every hazard at the rollers, the lifting, the
// defects measured, given points and marked, the fold in the winding, the points per 100 m² and the
// grade, as short event logs on the real scenario file (docs/procedures/fabric-inspection.md is the
// checklist behind them).

const { sc, ideal, at, before, from, tOf, without, live, pointsOf, expectCritical, expectStationData } = stationLog('scenes/textile/fabric-inspection/scenario.json');

describe('textile-fabric-inspection: the station data', () => {
  test('loads without issues, every competency, 12+ Dutch terms, critical rules with safe states, cards at most a quarter, no review yet', () => {
    expectStationData({ terms: ['noodstop', 'knelpunt', 'rollenlift', 'foutsticker', 'keurrapport', 'eerste keus', 'tweede keus', 'vlek', 'gat'], critical: ['run-with-hair-loose', 'hand-in-nip', 'reach-into-wrap', 'free-fold-while-running', 'thread-while-running'] });
    expect(sc.version).toBe(1);
  });

  test('the ideal path scores 100 in practice and exam and ends with the frame off and the roll handed over', () => {
    for (const mode of ['practice', 'exam'] as const) expect(score(sc, ideal, mode)).toMatchObject({ total: 100, passed: true, violations: [], mistakes: [] });
    const end = live(ideal).state;
    expect(end.machines.power!.state).toBe('off');
    expect(end.machines.frame!.state).toBe('end');
    expect(end.completed.at(-1)!.id).toBe('hand-over');
  });
});

describe('textile-fabric-inspection: the rollers and the emergency stop', () => {
  test('a hand at the nip while the fabric runs is critical; the run starts again from the first defect', () => {
    expectCritical([...before('hold-end', 'run-pedal'), ev(tOf('hold-start', 'run-pedal') + 2000, 'enter', 'nip-zone')], 'hand-in-nip');
  });

  test('running the fabric with long hair loose is critical; practice goes on from the hair net', () => {
    const events = [...without(['wear', 'hairnet']).slice(0, at('hold-start', 'run-pedal') - 1), ev(tOf('hold-start', 'run-pedal'), 'hold-start', 'run-pedal')];
    expectCritical(events, 'run-with-hair-loose');
  });

  test('a hand at the nip with the frame stopped is no violation (checking the guard, straightening the fold)', () => {
    const events = [...before('press', 'emergency-stop'), ev(tOf('inspect', 'nip-guard') + 1000, 'enter', 'nip-zone'), ev(tOf('inspect', 'nip-guard') + 1500, 'exit', 'nip-zone'), ...from('press', 'emergency-stop')];
    expect(score(sc, events, 'exam')).toMatchObject({ total: 100, violations: [] });
  });

  test('the fold: reaching in or pulling it while the frame winds is critical; the safe state is the restart that folds it again', () => {
    const wrapAt = tOf('press', 'start-button');
    expectCritical([...before('press', 'emergency-stop', 1), ev(wrapAt + 1000, 'enter', 'nip-zone')], 'reach-into-wrap');
    expectCritical([...before('press', 'emergency-stop', 1), ev(wrapAt + 1000, 'press', 'fabric-fold')], 'free-fold-while-running');
    // The start for the rest of the roll folds the edge into the nip at once; the emergency stop stops it.
    expect(live(before('press', 'emergency-stop', 1)).state.machines.frame).toEqual({ state: 'wrapping', since: wrapAt });
    expect(live(before('press', 'fabric-fold')).state.machines.frame!.state).toBe('estop');
  });

  test('threading with the frame running is critical; threading with it stopped is the step', () => {
    const t = tOf('press', 'fabric-end');
    expectCritical([...before('press', 'fabric-end'), ev(t - 2000, 'hold-start', 'run-pedal'), ev(t - 1000, 'press', 'fabric-end')], 'thread-while-running');
  });

  test('the emergency stop is tested before the start: pressed in, the frame does not run until it is reset', () => {
    const t = tOf('press', 'reset-button');
    const { state } = live([...before('press', 'reset-button'), ev(t - 1000, 'hold-start', 'run-pedal')]);
    expect(state.machines.frame!.state).toBe('estop');
    expect(ideal[at('press', 'emergency-stop') - 1]).toMatchObject({ action: 'inspect', object: 'nip-guard' });
  });

  test('resetting with the fold still in the nip is major; the fold can only be cleared after stopping again', () => {
    const t = tOf('press', 'fabric-fold');
    const events = [...before('press', 'fabric-fold'), ev(t - 1000, 'press', 'reset-button')];
    const r = score(sc, events, 'practice');
    expect(r.violations).toEqual([expect.objectContaining({ rule: 'reset-before-clearing', severity: 'major', critical: false })]);
    expect(live(events).state.machines.frame!.state).toBe('off');
    // Straightening it with the frame reset (not at emergency stop) is not ready: stop first.
    expect(live([...events, ev(t, 'press', 'fabric-fold')]).feedback.at(-1)).toMatchObject({ kind: 'not-ready', step: 'clear-fold' });
  });

  test('lifting the 30 kg roll by hand is major; the roll lift is the step', () => {
    const t = tOf('press', 'hoist-button');
    const r = score(sc, [...before('press', 'hoist-button'), ev(t - 1000, 'grab', 'fabric-roll'), ...from('press', 'hoist-button')], 'practice');
    expect(r.violations).toEqual([expect.objectContaining({ rule: 'lift-roll-by-hand', severity: 'major' })]);
    expect(r.total).toBe(85);
  });

  test('with the main switch off nothing runs: the pedal is not ready and the frame stays off', () => {
    const t = tOf('hold-start', 'run-pedal');
    const { state, feedback } = live([...before('hold-start', 'run-pedal'), ev(t - 1000, 'press', 'main-switch'), ev(t, 'hold-start', 'run-pedal')]);
    expect(state.machines.frame!.state).toBe('off');
    expect(feedback.at(-1)).toMatchObject({ kind: 'not-ready', step: 'run-to-stain' });
  });

  test('handing over with the frame still on is major', () => {
    const r = score(sc, [...before('press', 'main-switch'), ev(tOf('press', 'main-switch'), 'press', 'team-leader')], 'practice');
    expect(r.violations.map((v) => [v.rule, v.severity])).toEqual([['frame-on-at-hand-over', 'major']]);
  });
});

describe('textile-fabric-inspection: defects, points and the grade', () => {
  test('the run pedal: letting go before the stain is under the light is too short; held long enough, the stain is there to measure', () => {
    const t = tOf('hold-start', 'run-pedal');
    expect(live([...before('hold-end', 'run-pedal'), ev(t + 3000, 'hold-end', 'run-pedal')]).feedback.at(-1)).toMatchObject({ kind: 'too-short', step: 'run-to-stain' });
    expect(live(before('set', 'stain')).state.available).toContain('measure-stain');
  });

  test('measuring the width: 160 cm selvage to selvage, within 1 cm; 150 is out of tolerance', () => {
    const t = tOf('set', 'fabric-width');
    expect(live([...before('set', 'fabric-width'), ev(t, 'set', 'fabric-width', 150)]).feedback.at(-1)).toMatchObject({ kind: 'out-of-tolerance', step: 'measure-width', target: 160 });
  });

  test('measuring the stain: 12 cm within half a centimetre; 15 cm is out of tolerance', () => {
    const t = tOf('set', 'stain');
    expect(live([...before('set', 'stain'), ev(t, 'set', 'stain', 15)]).feedback.at(-1)).toMatchObject({ kind: 'out-of-tolerance', step: 'measure-stain', target: 12 });
    expect(live([...before('set', 'stain'), ev(t, 'set', 'stain', 12.5)]).state.completed.at(-1)!.id).toBe('measure-stain');
  });

  test('the points by length: a 12 cm stain is 2 points (not 1 or 4); the 3 cm hole (over 1 in) is 4', () => {
    const ts = tOf('answer', 'stain');
    for (const wrong of ['1', '3', '4']) expect(live([...before('answer', 'stain'), ev(ts, 'answer', 'stain', wrong)]).feedback.at(-1), wrong).toMatchObject({ kind: 'wrong-answer', step: 'points-stain' });
    const th = tOf('answer', 'hole');
    for (const wrong of ['1', '2']) expect(live([...before('answer', 'hole'), ev(th, 'answer', 'hole', wrong)]).feedback.at(-1), wrong).toMatchObject({ kind: 'wrong-answer', step: 'points-hole' });
  });

  test('a defect run on without its sticker is wound into the roll unmarked: quality points, said at the end', () => {
    const t = tOf('hold-start', 'run-pedal', 1);
    const stain = score(sc, [...before('press', 'defect-sticker'), ev(t, 'hold-start', 'run-pedal')], 'exam');
    expect(stain.violations).toEqual([expect.objectContaining({ rule: 'unmarked-defect-passed-on', severity: 'major', competency: 'quality' })]);
    const hole = score(sc, [...before('press', 'defect-sticker', 1), ev(tOf('press', 'start-button'), 'press', 'start-button')], 'exam');
    expect(hole.violations).toEqual([expect.objectContaining({ rule: 'unmarked-hole-wound-up', severity: 'major', competency: 'quality' })]);
    expect(hole.competencies.quality).toBeLessThan(100);
  });

  test('the points per 100 m²: 6 points on 80 m² is 7.5; forgetting the × 100 (0.1) or using 100 m² (6) is out of tolerance', () => {
    const t = tOf('set', 'inspection-report');
    for (const wrong of [0, 6, 12])
      expect(live([...before('set', 'inspection-report'), ev(t, 'set', 'inspection-report', wrong)]).feedback.at(-1), String(wrong)).toMatchObject({ kind: 'out-of-tolerance', step: 'compute-score', target: 7.5 });
  });

  test('the rest of the roll runs 2 minutes on the scenario clock: the report waits for the end of the roll', () => {
    const start = tOf('press', 'start-button', 1);
    expect(live([...before('set', 'inspection-report'), ev(start + 119_999, 'hint', 'compute-score')]).state.machines.frame!.state).toBe('running');
    expect(live([...before('set', 'inspection-report'), ev(start + 120_000, 'hint', 'compute-score')]).state.machines.frame).toEqual({ state: 'end', since: start + 120_000 });
    expect(live([...before('set', 'inspection-report'), ev(start + 60_000, 'set', 'inspection-report', 7.5)]).feedback.at(-1)).toMatchObject({ step: 'compute-score' });
    expect(live([...before('set', 'inspection-report'), ev(start + 60_000, 'set', 'inspection-report', 7.5)]).state.steps.find((p) => p.id === 'compute-score')!.done).toBe(false);
  });

  test('7.5 is under the limit of 25: the tweede keus label is major and the grade step stays open', () => {
    const t = tOf('place', 'label-first');
    const events = [...before('place', 'label-first'), ev(t - 1000, 'place', 'label-second', 'roll-label'), ...from('place', 'label-first')];
    const r = score(sc, events, 'exam');
    expect(r.violations).toEqual([expect.objectContaining({ rule: 'wrong-grade-label', severity: 'major', competency: 'quality' })]);
    expect(r.steps.find((s) => s.id === 'label-roll')).toMatchObject({ done: true, earned: pointsOf('label-roll') });
  });
});
