import { describe, expect, test } from 'vitest';
import { competencies, score } from '../../src/engine';
import { ev, stationLog } from './station-log';

// The materiaalstation (material station of an injection moulding shop): every hazard (the hot
// dryer without gloves, a hand in the hopper while the loader runs, the wrong bag in the dryer, the
// hose on the wrong machine), the material itself (labels against the order, the PA66 bag that must be
// blocked, masterbatch and regrind percentages, grams per bag) and the hand-over, played as short event
// logs against the real scenario file (docs/procedures/material-station.md is the checklist behind them).

const { scene, sc, ideal, before, from, tOf, without, live, stepOf, expectCritical } = stationLog('scenes/plastics/material-station/scenario.json');
const violations = (events: Parameters<typeof score>[1]) => score(sc, events, 'practice').violations.map((v) => `${v.rule}:${v.severity}`);

describe('plastics-material-station: the station data', () => {
  test('loads without issues, 20–30 steps, every competency, 12+ Dutch words, cards at most a quarter, no review yet', () => {
    expect(scene.issues).toEqual([]);
    expect(sc.steps.length).toBeGreaterThanOrEqual(20);
    expect(sc.steps.length).toBeLessThanOrEqual(30);
    expect(ideal.length).toBeLessThanOrEqual(30);
    for (const c of competencies) expect(sc.steps.some((s) => s.competency === c), c).toBe(true);
    expect(new Set(sc.objects.map((o) => o.term)).size).toBeGreaterThanOrEqual(12);
    expect(sc.steps.filter((s) => s.action === 'answer' || s.action === 'classify').length).toBeLessThanOrEqual(sc.steps.length / 4);
    expect(sc.rules.filter((r) => r.severity === 'critical').map((r) => r.id).sort()).toEqual(['hand-in-hopper', 'hose-wrong-machine', 'open-lid-without-gloves', 'wrong-bag-in-dryer']);
    expect(sc.reviewed).toBeUndefined();
  });

  test('the ideal path scores 100 in practice and in exam', () => {
    for (const mode of ['practice', 'exam'] as const) expect(score(sc, ideal, mode)).toMatchObject({ total: 100, passed: true, mistakes: [], violations: [] });
  });
});

describe('plastics-material-station: hazards', () => {
  test('opening the hot dryer without heat-resistant gloves is critical; the lid is shut again', () => {
    const noGloves = without(['wear', 'heat-gloves']);
    const events = noGloves.slice(0, noGloves.findIndex((e) => e.action === 'open' && e.object === 'dryer-lid') + 1);
    expectCritical(events, 'open-lid-without-gloves');
    expect(live(events).state.machines['dryer-lid']!.state).toBe('closed');
  });

  test('a hand in the machine hopper while the loader runs is critical; with the loader off it is not', () => {
    const t = tOf('press', 'loader-start');
    expectCritical([...before('inspect', 'hopper-glass'), ev(t + 2000, 'enter', 'hopper-zone')], 'hand-in-hopper');
    expect(live([...before('press', 'loader-start'), ev(t - 500, 'enter', 'hopper-zone')]).state.violations).toEqual([]);
  });

  test('filling the dryer without safety glasses costs 15 points', () => {
    const t = tOf('place', 'bag-pa6');
    const events = [...before('place', 'bag-pa6'), ev(t - 600, 'remove', 'safety-glasses'), ev(t, 'place', 'bag-pa6', 'dryer'), ev(t + 300, 'wear', 'safety-glasses'), ...from('close', 'dryer-lid')];
    const r = score(sc, events, 'practice');
    expect(r.violations).toEqual([expect.objectContaining({ rule: 'fill-without-glasses', severity: 'major', penalty: 15 })]);
    expect(r).toMatchObject({ total: 85, passed: true, failedByCritical: false });
  });

  test('starting the loader with the drying hopper or the machine hopper open is major', () => {
    const t = tOf('press', 'loader-start');
    const dryerOpen = [...before('press', 'loader-start'), ev(t - 500, 'open', 'dryer-lid'), ev(t, 'press', 'loader-start')];
    expect(violations(dryerOpen)).toEqual(['loader-dryer-open:major']);
    const hopperOpen = [...without(['close', 'hopper-lid']).filter((e) => e.t < t), ev(t, 'press', 'loader-start')];
    expect(violations(hopperOpen)).toEqual(['loader-hopper-open:major']);
  });
});

describe('plastics-material-station: the material', () => {
  test('the PA66 bag tipped into the dryer is critical (a mix-up); judged right it is not done', () => {
    const t = tOf('place', 'bag-pa6');
    const events = [...without(['place', 'bag-wrong']).filter((e) => e.t < t), ev(t, 'place', 'bag-wrong', 'dryer')];
    expectCritical(events, 'wrong-bag-in-dryer');
    const right = [...before('classify', 'bag-wrong'), ev(tOf('classify', 'bag-wrong'), 'classify', 'bag-wrong', 'right')];
    expect(stepOf(live(right).state, 'judge-bag').done).toBe(false);
  });

  test('the hose on machine M4 is critical; the loader stays off', () => {
    const events = [...before('place', 'hose'), ev(tOf('place', 'hose'), 'place', 'hose', 'coupling-m4')];
    expectCritical(events, 'hose-wrong-machine');
    expect(live(events).state.machines.loader!.state).toBe('off');
  });

  test('a bag or masterbatch loaded before its label is checked costs 15 points each', () => {
    const bag = [...without(['inspect', 'bag-label']).filter((e) => e.t < tOf('place', 'bag-pa6')), ev(tOf('place', 'bag-pa6'), 'place', 'bag-pa6', 'dryer')];
    expect(violations(bag)).toEqual(['fill-unchecked:major']);
    const mb = [...before('inspect', 'mb-label'), ev(tOf('inspect', 'mb-label'), 'place', 'mb-bag', 'dosing-hopper')];
    expect(violations(mb)).toEqual(['mb-unchecked:major']);
  });

  test('the percentages are set as the order says: 2 % masterbatch, 15 % regrind; 2 % of 25 kg is 500 g', () => {
    const at = (object: string, value: number) => [...before('set', object), ev(tOf('set', object), 'set', object, value)];
    expect(live(at('dosing-unit', 2.5)).feedback).toContainEqual(expect.objectContaining({ kind: 'out-of-tolerance', step: 'set-mb' }));
    expect(live(at('regrind-valve', 25)).feedback).toContainEqual(expect.objectContaining({ kind: 'out-of-tolerance', step: 'set-regrind' }));
    expect(stepOf(live(at('dosing-unit', 2)).state, 'set-mb').done).toBe(true);
    const grams = [...before('answer', 'dosing-unit'), ev(tOf('answer', 'dosing-unit'), 'answer', 'dosing-unit', '50')];
    expect(stepOf(live(grams).state, 'mb-grams').done).toBe(false);
    const dryer = [...before('answer', 'dryer-display'), ev(tOf('answer', 'dryer-display'), 'answer', 'dryer-display', 'too-wet')];
    expect(stepOf(live(dryer).state, 'check-dryer').done).toBe(false);
  });

  test('the material in the sight glass only counts once it has come (10 s after the loader starts)', () => {
    const early = [...before('inspect', 'hopper-glass'), ev(tOf('press', 'loader-start') + 4000, 'inspect', 'hopper-glass')];
    expect(stepOf(live(early).state, 'check-flow').done).toBe(false);
  });
});

describe('plastics-material-station: ending the shift', () => {
  test('the hand-over comes after sweeping, the shift report and the blocked bag; the loader runs on for production', () => {
    const early = [...before('hold-start', 'spilled-pellets'), ev(tOf('hold-start', 'spilled-pellets'), 'press', 'team-leader')];
    expect(live(early).feedback).toContainEqual(expect.objectContaining({ kind: 'wrong-order', step: 'hand-over' }));
    expect(live(ideal).state.machines.loader!.state).toBe('on');
    expect(live(ideal).state.machines['dryer-lid']!.state).toBe('closed');
  });
});
