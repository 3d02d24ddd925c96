import { describe, expect, test } from 'vitest';
import { competencies, score } from '../../src/engine';
import { ev, stationLog } from './station-log';

// The extrusielijn (PVC pipe extrusion line) station: every hazard (haul-off nip, saw, die, glasses),
// the product checks (diameter and wall against the work order, the marking, the wall that drifts
// under the minimum) and the end of the order, played as short event logs against the real scenario
// file (docs/procedures/extrusion-line.md is the checklist behind them).

const { scene, sc, ideal, before, from, tOf, without, live, stepOf, expectCritical } = stationLog('scenes/plastics/extrusion-line/scenario.json');
const violations = (events: Parameters<typeof score>[1]) => score(sc, events, 'practice').violations.map((v) => `${v.rule}:${v.severity}`);

describe('plastics-extrusion-line: the station data', () => {
  test('loads without issues, 20–30 steps, every competency, 12+ Dutch words, cards at most a quarter, no review yet', () => {
    expect(scene.issues).toEqual([]);
    expect(sc.steps.length).toBeGreaterThanOrEqual(20);
    expect(sc.steps.length).toBeLessThanOrEqual(30);
    expect(ideal.length).toBeLessThanOrEqual(30);
    for (const c of competencies) expect(sc.steps.some((s) => s.competency === c), c).toBe(true);
    expect(new Set(sc.objects.map((o) => o.term)).size).toBeGreaterThanOrEqual(12);
    expect(sc.steps.filter((s) => s.action === 'answer' || s.action === 'classify').length).toBeLessThanOrEqual(sc.steps.length / 4);
    expect(sc.rules.filter((r) => r.severity === 'critical').map((r) => r.id).sort()).toEqual(['hand-at-die', 'hand-in-haul-off', 'hand-in-saw', 'start-without-glasses']);
    expect(sc.reviewed).toBeUndefined();
  });

  test('the ideal path scores 100 in practice and in exam', () => {
    for (const mode of ['practice', 'exam'] as const) expect(score(sc, ideal, mode)).toMatchObject({ total: 100, passed: true, mistakes: [], violations: [] });
  });
});

describe('plastics-extrusion-line: hazards', () => {
  const start = () => tOf('press', 'start-button');

  test('a hand at the haul-off nip, at the saw or at the die while the line runs is critical; with the line stopped it is not', () => {
    const running = before('inspect', 'wall-gauge');
    expectCritical([...running, ev(start() + 5000, 'enter', 'haul-off-zone')], 'hand-in-haul-off');
    expectCritical([...running, ev(start() + 5000, 'enter', 'saw-zone')], 'hand-in-saw');
    expectCritical([...running, ev(start() + 5000, 'enter', 'die-zone')], 'hand-at-die');
    const stopped = before('hold-start', 'spilled-granulate');
    const t = tOf('press', 'stop-button');
    for (const zone of ['haul-off-zone', 'saw-zone', 'die-zone']) expect(live([...stopped, ev(t + 500, 'enter', zone)]).state.violations).toEqual([]);
  });

  test('starting without safety glasses is critical (the line stays stopped); without hearing protection major (15)', () => {
    const noGlasses = without(['wear', 'safety-glasses']);
    const events = noGlasses.slice(0, noGlasses.findIndex((e) => e.action === 'press' && e.object === 'start-button') + 1);
    expectCritical(events, 'start-without-glasses');
    expect(live(events).state.machines.line!.state).toBe('stopped');
    const t = start();
    const noHearing = [...before('press', 'start-button'), ev(t - 600, 'remove', 'hearing-protection'), ev(t, 'press', 'start-button'), ev(t + 300, 'wear', 'hearing-protection'), ...from('wear', 'work-gloves')];
    const r = score(sc, noHearing, 'practice');
    expect(r.violations).toEqual([expect.objectContaining({ rule: 'start-without-hearing', severity: 'major', penalty: 15 })]);
    expect(r).toMatchObject({ total: 85, passed: true, failedByCritical: false });
  });

  test('the emergency stop is tested with the line stopped and must be reset before the line starts', () => {
    const r = live([...before('press', 'reset-button'), ev(tOf('press', 'reset-button'), 'press', 'start-button')]);
    expect(r.state.machines.line!.state).toBe('estop');
    expect(stepOf(r.state, 'start-line').done).toBe(false);
  });
});

describe('plastics-extrusion-line: the product', () => {
  test('diameter and wall are recorded as read on the gauge, within the work order', () => {
    const at = (object: string, value: number) => [...before('set', object), ev(tOf('set', object), 'set', object, value)];
    expect(live(at('diameter-entry', 110.5)).feedback).toContainEqual(expect.objectContaining({ kind: 'out-of-tolerance', step: 'record-diameter' }));
    expect(live(at('wall-entry', 3.2)).feedback).toContainEqual(expect.objectContaining({ kind: 'out-of-tolerance', step: 'record-wall' }));
    expect(stepOf(live(at('wall-entry', 3.5)).state, 'record-wall').done).toBe(true);
    expect(live(at('haul-off-speed', 4)).feedback).toContainEqual(expect.objectContaining({ kind: 'out-of-tolerance', step: 'set-speed' }));
  });

  test('the first gauge reading only counts once the first pipe is there (20 s after the start)', () => {
    const early = [...before('inspect', 'wall-gauge'), ev(tOf('press', 'start-button') + 10_000, 'inspect', 'wall-gauge')];
    expect(stepOf(live(early).state, 'check-gauge-1').done).toBe(false);
  });

  test('a pipe racked unmeasured, the thin pipe racked, the speed changed while running each cost 15 points, said at the end', () => {
    const unchecked = [...before('set', 'diameter-entry'), ev(tOf('set', 'diameter-entry'), 'place', 'pipe-1', 'pipe-rack')];
    expect(violations(unchecked)).toEqual(['pipe-unchecked:major']);
    const thin = [...before('place', 'pipe-2'), ev(tOf('place', 'pipe-2'), 'place', 'pipe-2', 'pipe-rack')];
    const r = score(sc, thin, 'exam');
    expect(r.violations).toEqual([expect.objectContaining({ rule: 'thin-pipe-to-rack', severity: 'major', competency: 'quality' })]);
    const tweak = [...before('press', 'setter', 1), ev(tOf('press', 'setter', 1) - 500, 'set', 'haul-off-speed', 3.3), ...from('press', 'setter', 1)];
    expect(violations(tweak)).toEqual(['change-speed-running:major']);
  });

  test('the judgement of the drift: 3,0 mm is too thin, not good', () => {
    const wrong = [...before('answer', 'wall-gauge'), ev(tOf('answer', 'wall-gauge'), 'answer', 'wall-gauge', 'good')];
    expect(stepOf(live(wrong).state, 'judge-drift').done).toBe(false);
  });
});

describe('plastics-extrusion-line: ending the order', () => {
  test('the hand-over comes after stopping, cleaning and the shift report; the line is stopped', () => {
    const early = [...before('press', 'stop-button'), ev(tOf('press', 'stop-button'), 'press', 'setter')];
    expect(live(early).feedback).toContainEqual(expect.objectContaining({ kind: 'wrong-order', step: 'hand-over' }));
    expect(live(ideal).state.machines.line!.state).toBe('stopped');
  });
});
