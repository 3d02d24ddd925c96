import { describe, expect, test } from 'vitest';
import { score } from '../../src/engine';
import { ev, stationLog } from './station-log';

// The rapier loom: taking over a stopped loom, the warp break (drop wire, weaver's knot, heald before
// reed), the weft break (pick finding, the broken pick out), the starting mark, the pick density, doffing,
// cleaning with the cover open and the hand-over, as short event logs on the real scenario file
// (docs/procedures/weaving-loom.md is the checklist behind them).

const { sc, ideal, at, before, from, tOf, without, live, pointsOf, expectCritical, expectStationData } = stationLog('scenes/textile/weaving-loom/scenario.json');

describe('textile-weaving-loom: the station data', () => {
  test('loads without issues, every competency, 12+ Dutch terms, critical rules with safe states, cards at most a quarter, no review yet', () => {
    expectStationData({ terms: ['lamel', 'hevel', 'riet', 'gaap', 'inslagzoeker', 'draadteller', 'signaallamp', 'grijperkap', 'gehoorbescherming'], critical: ['run-with-hair-loose', 'hand-in-shed', 'start-with-cover-open', 'open-cover-while-running', 'doff-while-running'] });
    expect(sc.version).toBe(1);
  });

  test('the ideal path scores 100 in practice and exam and ends with the loom running, the cover closed and the loom handed over', () => {
    for (const mode of ['practice', 'exam'] as const) expect(score(sc, ideal, mode)).toMatchObject({ total: 100, passed: true, violations: [], mistakes: [] });
    const end = live(ideal).state;
    expect(end.machines.loom!.state).toBe('running');
    expect(end.machines.cover!.state).toBe('closed');
    expect(end.completed.at(-1)!.id).toBe('hand-over');
  });
});

describe('textile-weaving-loom: the sley, the rapiers, the cloth beam and the hair', () => {
  test('a hand in the shed while the loom runs is critical; the safe state is the loom at its warp stop, restarted properly', () => {
    const t = tOf('press', 'start-button');
    expectCritical([...before('classify', 'stop-light', 1), ev(t + 1500, 'enter', 'shed-zone')], 'hand-in-shed');
  });

  test('a hand in the shed with the loom stopped is no violation: the warp end is drawn in there', () => {
    const t = tOf('press', 'heald');
    const events = [...before('press', 'heald'), ev(t - 500, 'enter', 'shed-zone'), ev(t - 200, 'exit', 'shed-zone'), ...from('press', 'heald')];
    expect(score(sc, events, 'exam')).toMatchObject({ total: 100, violations: [] });
  });

  test('starting with long hair loose is critical; practice goes on from the hair net', () => {
    const events = [...without(['wear', 'hairnet']).slice(0, at('press', 'start-button') - 1), ev(tOf('press', 'start-button'), 'press', 'start-button')];
    expectCritical(events, 'run-with-hair-loose');
  });

  test('starting with the rapier cover open is critical; opening it while the loom runs is critical too', () => {
    const t = tOf('close', 'rapier-cover');
    expectCritical([...before('close', 'rapier-cover'), ev(t, 'press', 'start-button')], 'start-with-cover-open');
    const run = tOf('press', 'start-button', 2);
    expectCritical([...before('press', 'team-leader'), ev(run + 1000, 'open', 'rapier-cover')], 'open-cover-while-running');
    // Opened at the piece stop (the loom stopped) it is the cleaning step.
    expect(live(before('press', 'air-gun')).state.machines.cover!.state).toBe('open');
  });

  test('doffing the cloth roll while the loom still winds is critical; at the piece stop it is the step', () => {
    const t = tOf('inspect', 'restart-cloth');
    expectCritical([...before('press', 'doff-trolley'), ev(t + 2000, 'press', 'doff-trolley')], 'doff-while-running');
    expect(live([...before('press', 'doff-trolley'), ev(tOf('press', 'doff-trolley') - 1, 'hint', 'doff-roll')]).state.machines.loom!.state).toBe('piece-stop');
  });

  test('starting without hearing protection is major (over 85 dB(A))', () => {
    const r = score(sc, without(['wear', 'hearing-protection']), 'practice');
    expect(r.violations.map((v) => [v.rule, v.severity])).toContainEqual(['no-hearing-protection', 'major']);
  });

  test('the air gun while the loom runs is major', () => {
    const r = score(sc, [...before('press', 'team-leader'), ev(tOf('press', 'team-leader') - 500, 'press', 'air-gun'), ...from('press', 'team-leader')], 'exam');
    expect(r.violations.map((v) => [v.rule, v.severity])).toEqual([['air-gun-while-running', 'major']]);
  });
});

describe('textile-weaving-loom: the stops, the repairs and the cloth', () => {
  test('the signal lamp: amber is a warp stop (kettingbreuk), not a weft stop; the second stop is white (inslagbreuk)', () => {
    const t = tOf('classify', 'stop-light');
    for (const wrong of ['weft', 'other']) expect(live([...before('classify', 'stop-light'), ev(t, 'classify', 'stop-light', wrong)]).feedback.at(-1), wrong).toMatchObject({ kind: 'wrong-classification', step: 'read-stop-light' });
    expect(live([...before('classify', 'stop-light', 1), ev(tOf('classify', 'stop-light', 1) - 1, 'hint', 'read-weft-light')]).state.machines.loom!.state).toBe('weft-stop');
  });

  test('the loom does not start on its warp stop before the end is drawn in; it stops on the broken pick 4 s after the restart', () => {
    const t = tOf('press', 'heald');
    expect(live([...before('press', 'heald'), ev(t, 'press', 'start-button')]).state.machines.loom!.state).toBe('warp-stop');
    const start = tOf('press', 'start-button');
    expect(live([...before('classify', 'stop-light', 1), ev(start + 3999, 'hint', 'read-weft-light')]).state.machines.loom!.state).toBe('running');
    expect(live([...before('classify', 'stop-light', 1), ev(start + 4000, 'hint', 'read-weft-light')]).state.machines.loom).toEqual({ state: 'weft-stop', since: start + 4000 });
  });

  test('the weaver\'s knot is held until it is tied: letting go at once is too short', () => {
    const t = tOf('hold-start', 'warp-end');
    expect(live([...before('hold-end', 'warp-end'), ev(t + 1000, 'hold-end', 'warp-end')]).feedback.at(-1)).toMatchObject({ kind: 'too-short', step: 'tie-knot' });
  });

  test('drawing the end through the reed before the heald is major (a crossed end) and the reed step waits for the heald', () => {
    const t = tOf('press', 'heald');
    const events = [...before('press', 'heald'), ev(t - 500, 'press', 'reed'), ...from('press', 'heald')];
    const r = score(sc, events, 'exam');
    expect(r.violations).toEqual([expect.objectContaining({ rule: 'reed-before-heald', severity: 'major', competency: 'quality' })]);
    expect(live(events.slice(0, at('press', 'heald') + 1)).feedback.some((f) => f.kind === 'wrong-order' && f.step === 'draw-reed')).toBe(true);
  });

  test('restarting with the broken pick still in the shed is major: a fault across the width, said at the end', () => {
    const t = tOf('place', 'faulty-pick');
    const r = score(sc, [...before('place', 'faulty-pick'), ev(t - 500, 'press', 'start-button')], 'exam');
    expect(r.violations).toEqual([expect.objectContaining({ rule: 'restart-with-faulty-pick', severity: 'major', competency: 'quality' })]);
    expect(r.competencies.quality).toBeLessThan(100);
    // The loom runs on with the half pick in it (restart-weft is not done: the pick is still to come out).
    expect(live([...before('place', 'faulty-pick'), ev(t - 500, 'press', 'start-button')]).state.machines.loom!.state).toBe('running');
  });

  test('the float found at the take-over: weaving on without marking it is major', () => {
    const events = without(['press', 'defect-sticker']);
    const r = score(sc, events, 'exam');
    expect(r.violations.map((v) => v.rule)).toContain('float-not-marked');
    expect(r.steps.find((s) => s.id === 'mark-float')).toMatchObject({ done: false });
  });

  test('the pick density: 12 picks in half a centimetre is 24 per cm; 12 (the window count) or 6 is out of tolerance', () => {
    const t = tOf('set', 'pick-glass');
    for (const wrong of [12, 6, 26])
      expect(live([...before('set', 'pick-glass'), ev(t, 'set', 'pick-glass', wrong)]).feedback.at(-1), String(wrong)).toMatchObject({ kind: 'out-of-tolerance', step: 'count-picks', target: 24 });
  });

  test('the piece runs to its length on the scenario clock: the doff waits for the piece stop', () => {
    const start = tOf('press', 'start-button', 1);
    expect(live([...before('press', 'doff-trolley'), ev(start + 19_999, 'hint', 'doff-roll')]).state.machines.loom!.state).toBe('running');
    expect(live([...before('press', 'doff-trolley'), ev(start + 20_000, 'hint', 'doff-roll')]).state.machines.loom).toEqual({ state: 'piece-stop', since: start + 20_000 });
  });

  test('the hand-over: the warp beam reported to the team leader, then the loom handed to the next weaver', () => {
    const r = score(sc, ideal, 'exam');
    expect(r.steps.find((s) => s.id === 'report-beam')).toMatchObject({ done: true, earned: pointsOf('report-beam') });
    expect(live([...before('press', 'team-leader'), ev(tOf('press', 'team-leader'), 'press', 'next-weaver')]).feedback.at(-1)).toMatchObject({ kind: 'wrong-order', step: 'hand-over' });
  });
});
