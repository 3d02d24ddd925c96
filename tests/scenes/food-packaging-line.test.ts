import { describe, expect, test } from 'vitest';
import { competencies, score } from '../../src/engine';
import { ev, stationLog } from './station-log';

// The end of a food packing line: line clearance and the right labels, the metal detector's start-up
// and hourly tests, the checkweigher and its lower limit at T1, the first-pack label check, and the
// failed test (stop, hold, call the team leader), as short event logs on the real scenario file
// (docs/procedures/packaging-line.md is the checklist behind them).

const { scene, sc, ideal, at, before, from, tOf, without, live, pointsOf, expectCritical } = stationLog('scenes/food/packaging-line/scenario.json');

describe('food-packaging-line: the station data', () => {
  test('loads without issues, every competency, 12+ Dutch terms, critical rules with safe states, cards at most a quarter, no country, no review yet', () => {
    expect(scene.issues).toEqual([]);
    expect(sc.version).toBe(1);
    expect(sc.country).toBeUndefined();
    expect(sc.steps.filter((s) => s.action === 'answer' || s.action === 'classify').length * 4).toBeLessThanOrEqual(sc.steps.length);
    for (const c of competencies) expect(sc.steps.some((s) => s.competency === c), c).toBe(true);
    expect(new Set(sc.objects.map((o) => o.term)).size).toBeGreaterThanOrEqual(12);
    for (const term of ['afkeurbak', 'testpakje Fe', 'testpakje non-Fe', 'testpakje RVS', 'ondergrens', 'datumcodeerder', 'blokkeerkaart', 'etiketrol', 'uitwerper']) expect(sc.objects.map((o) => o.term)).toContain(term);
    expect(sc.rules.filter((r) => r.severity === 'critical').map((r) => r.id)).toEqual([
      'hand-at-reject-pusher',
      'start-without-clearance',
      'wrong-label-roll',
      'hold-while-running',
      'call-while-running',
      'restart-after-failed-test',
    ]);
    for (const r of sc.rules.filter((x) => x.severity === 'critical')) expect(r.safeState, r.id).toBeDefined();
    expect(sc.reviewed).toBeUndefined();
    expect(scene.warnings.join('\n')).toContain('not reviewed yet');
  });

  test('the ideal path scores 100 in practice and exam and ends with the line stopped, the detector failed and the team leader told', () => {
    for (const mode of ['practice', 'exam'] as const) expect(score(sc, ideal, mode)).toMatchObject({ total: 100, passed: true, violations: [], mistakes: [] });
    const end = live(ideal).state;
    expect(end.machines.line!.state).toBe('stopped');
    expect(end.machines.detector!.state).toBe('failed');
    expect(end.completed.at(-1)!.id).toBe('call-team-leader');
  });
});

describe('food-packaging-line: the machine', () => {
  test('a hand at the reject pusher while the line runs is critical; practice goes on from the start of the line', () => {
    expectCritical([...before('place', 'test-fe'), ev(tOf('press', 'start-button') + 1000, 'enter', 'reject-zone')], 'hand-at-reject-pusher');
  });

  test('a hand at the reject pusher with the line stopped is no violation (checking the guard)', () => {
    const t = tOf('inspect', 'reject-guard');
    const events = [...before('inspect', 'reject-guard'), ev(t - 500, 'enter', 'reject-zone'), ev(t - 200, 'exit', 'reject-zone'), ...from('inspect', 'reject-guard')];
    expect(score(sc, events, 'exam')).toMatchObject({ total: 100, violations: [] });
  });

  test('the guard is checked with the line stopped: with the line running the check is not ready', () => {
    const t = tOf('inspect', 'reject-guard');
    const events = [...before('inspect', 'reject-guard'), ev(t - 1000, 'press', 'start-button'), ev(t, 'inspect', 'reject-guard')];
    expect(live(events).feedback.at(-1)).toMatchObject({ kind: 'not-ready', step: 'check-guards' });
  });

  test('starting without the hair net is major', () => {
    const r = score(sc, without(['wear', 'hairnet']), 'practice');
    expect(r.violations.map((v) => [v.rule, v.severity])).toEqual([['start-without-hairnet', 'major']]);
  });
});

describe('food-packaging-line: line clearance and labels', () => {
  test('starting before the line clearance is critical (old labels or packs with this product); practice goes on from the clearance', () => {
    expectCritical([ev(1000, 'press', 'start-button')], 'start-without-clearance');
    expectCritical([...before('place', 'old-pack'), ev(tOf('place', 'old-pack'), 'press', 'start-button')], 'start-without-clearance');
  });

  test('the previous product\'s label roll on the labeller is critical (undeclared hazelnut); the right one is the step', () => {
    const t = tOf('place', 'label-roll');
    expectCritical([...before('place', 'label-roll'), ev(t, 'place', 'old-label-roll', 'labeller')], 'wrong-label-roll');
    expect(live(before('press', 'start-button')).state.completed.map((c) => c.id)).toContain('load-label-roll');
  });

  test('the allergens: gluten and hazelnut, not gluten alone (the old product) nor hazelnut and milk', () => {
    const t = tOf('answer', 'label-roll');
    for (const wrong of ['gluten', 'hazelnut-milk']) expect(live([...before('answer', 'label-roll'), ev(t, 'answer', 'label-roll', wrong)]).feedback.at(-1), wrong).toMatchObject({ kind: 'wrong-answer', step: 'check-allergens' });
  });

  test('the first pack has yesterday\'s date: "good" is wrong; packed on the pallet it is major, to rework it is the step', () => {
    const t = tOf('classify', 'first-pack');
    expect(live([...before('classify', 'first-pack'), ev(t, 'classify', 'first-pack', 'good')]).feedback.at(-1)).toMatchObject({ kind: 'wrong-classification', step: 'classify-first-label' });
    const tp = tOf('place', 'first-pack');
    const r = score(sc, [...before('place', 'first-pack'), ev(tp - 1000, 'place', 'first-pack', 'finished-pallet'), ...from('place', 'first-pack')], 'exam');
    expect(r.violations).toEqual([expect.objectContaining({ rule: 'wrong-date-packed', severity: 'major', competency: 'quality' })]);
  });
});

describe('food-packaging-line: the metal detector and the checkweigher', () => {
  test('the start-up test: Fe, non-Fe, RVS in that order, with the line running; before the start the test is out of order', () => {
    expect(ideal.slice(at('place', 'test-fe'), at('place', 'test-fe') + 3).map((e) => e.object)).toEqual(['test-fe', 'test-nfe', 'test-ss']);
    const t = tOf('press', 'start-button');
    expect(live([...before('press', 'start-button'), ev(t, 'place', 'test-fe', 'md-infeed')]).feedback.at(-1)).toMatchObject({ kind: 'wrong-order', step: 'test-fe', missing: ['start-line'] });
  });

  test('the start-up test passes (the detector stays ok); the hourly RVS test fails it', () => {
    expect(live(before('inspect', 'reject-bin', 1)).state.machines.detector!.state).toBe('ok');
    expect(live(before('press', 'stop-button')).state.machines.detector).toEqual({ state: 'failed', since: tOf('place', 'test-ss', 1) });
  });

  test('the lower limit is T1 = 500 - 15 = 485 g; T2 (470) or the nominal weight (500) is out of tolerance', () => {
    const t = tOf('set', 'reject-limit');
    for (const wrong of [470, 500, 484]) expect(live([...before('set', 'reject-limit'), ev(t, 'set', 'reject-limit', wrong)]).feedback.at(-1), String(wrong)).toMatchObject({ kind: 'out-of-tolerance', step: 'set-reject-limit', target: 485 });
    expect(pointsOf('set-reject-limit')).toBe(15);
  });
});

describe('food-packaging-line: the failed test (stop, hold, call the team leader)', () => {
  test('holding the pallet or calling the team leader with the line still running is critical; practice goes on from the stop', () => {
    const t = tOf('press', 'stop-button');
    expectCritical([...before('press', 'stop-button'), ev(t, 'place', 'hold-tag', 'finished-pallet')], 'hold-while-running');
    expectCritical([...before('press', 'stop-button'), ev(t, 'press', 'team-leader')], 'call-while-running');
  });

  test('starting the line again after the failed test is critical', () => {
    const t = tOf('place', 'hold-tag');
    expectCritical([...before('place', 'hold-tag'), ev(t, 'press', 'start-button')], 'restart-after-failed-test');
  });

  test('handing over without the pallet on hold is major, and the hold is still to be done', () => {
    const t = tOf('place', 'hold-tag');
    const r = score(sc, [...before('place', 'hold-tag'), ev(t, 'press', 'team-leader'), ...from('place', 'hold-tag')], 'practice');
    expect(r.violations.map((v) => [v.rule, v.severity])).toEqual([['hold-forgotten', 'major']]);
    expect(live([...before('place', 'hold-tag'), ev(t, 'press', 'team-leader')]).feedback.at(-1)).toMatchObject({ step: 'call-team-leader' });
  });

  test('the stop is only the step after the failed test: pressing stop while the detector works does not do it', () => {
    const t = tOf('place', 'test-ss', 1);
    expect(live([...before('place', 'test-ss', 1), ev(t - 1000, 'press', 'stop-button')]).feedback.at(-1)).toMatchObject({ step: 'stop-line' });
    expect(live([...before('place', 'test-ss', 1), ev(t - 1000, 'press', 'stop-button')]).state.completed.map((c) => c.id)).not.toContain('stop-line');
  });
});
