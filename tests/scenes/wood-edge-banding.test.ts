import { describe, expect, test } from 'vitest';
import { competencies, score } from '../../src/engine';
import { ev, stationLog } from './station-log';

// The kantenlijmmachine (edge banding machine) station: every hazard, the glue pot's heating, the
// run-down before the lock-out, the product checks and the end of the shift, played as short event
// logs against the real scenario file (docs/procedures/edge-banding.md is the checklist behind them).

const { scene, sc, ideal, before, from, tOf, without, live, stepOf, expectCritical } = stationLog('scenes/wood/edge-banding/scenario.json');
const violations = (events: Parameters<typeof score>[1]) => score(sc, events, 'practice').violations.map((v) => `${v.rule}:${v.severity}`);

describe('wood-edge-banding: the station data', () => {
  test('loads without issues, 20–30 steps (the ideal path is the e2e cost), every competency, 12+ Dutch words, cards at most a quarter, no review yet', () => {
    expect(scene.issues).toEqual([]);
    expect(sc.steps.length).toBeGreaterThanOrEqual(20);
    expect(sc.steps.length).toBeLessThanOrEqual(30);
    expect(ideal.length).toBeLessThanOrEqual(31);
    for (const c of competencies) expect(sc.steps.some((s) => s.competency === c), c).toBe(true);
    expect(new Set(sc.objects.map((o) => o.term)).size).toBeGreaterThanOrEqual(12);
    expect(sc.steps.filter((s) => s.action === 'answer' || s.action === 'classify').length).toBeLessThanOrEqual(sc.steps.length / 4);
    expect(sc.rules.filter((r) => r.severity === 'critical').map((r) => r.id).sort()).toEqual(
      ['clear-jam-unsafe', 'hand-in-feed', 'open-hood-running', 'refill-without-glasses', 'refill-without-heat-gloves', 'start-without-glasses'].sort(),
    );
    for (const s of sc.sources) expect(s.url, s.title).toMatch(/^https:\/\//);
    expect(sc.reviewed).toBeUndefined();
  });

  test('the ideal path scores 100 in practice and in exam', () => {
    for (const mode of ['practice', 'exam'] as const) expect(score(sc, ideal, mode)).toMatchObject({ total: 100, passed: true, mistakes: [], violations: [] });
  });
});

describe('wood-edge-banding: hazards', () => {
  test('a hand at the infeed while the machine runs, or in its run-down, is critical; once it stands still it is not', () => {
    expectCritical([...before('inspect', 'glue-line'), ev(tOf('place', 'panel') + 2000, 'enter', 'feed-zone')], 'hand-in-feed');
    const stop = tOf('press', 'machine-stop');
    const upToStop = before('lock', 'main-switch');
    expectCritical([...upToStop, ev(stop + 9999, 'enter', 'feed-zone')], 'hand-in-feed');
    expect(live([...upToStop, ev(stop + 10000, 'enter', 'feed-zone')]).state.violations).toEqual([]);
  });

  test('opening the hood while the cutters turn is critical: the machine stops, the hood is closed again, practice restarts the machine', () => {
    const events = [...before('place', 'panel'), ev(tOf('press', 'machine-start') + 2000, 'open', 'trim-hood')];
    expectCritical(events, 'open-hood-running');
    expect(live(events).state.machines.hood!.state).toBe('closed');
    // The interlock: with the hood open the machine does not start.
    const open = [...before('press', 'machine-start'), ev(tOf('press', 'machine-start') - 1000, 'open', 'trim-hood'), ev(tOf('press', 'machine-start'), 'press', 'machine-start')];
    expect(live(open).state.machines.machine!.state).toBe('stopped');
  });

  test('starting without safety glasses is critical; without hearing protection major (15)', () => {
    // The glasses taken off before the start (never worn, the glue pot's refill would fire first: refill-without-glasses).
    const start = tOf('press', 'machine-start');
    expectCritical([...before('press', 'machine-start'), ev(start - 600, 'remove', 'safety-glasses'), ev(start, 'press', 'machine-start')], 'start-without-glasses');
    const events = [...before('press', 'machine-start'), ev(start - 600, 'remove', 'hearing-protection'), ev(start, 'press', 'machine-start'), ev(start + 300, 'wear', 'hearing-protection'), ...from('place', 'panel')];
    const r = score(sc, events, 'practice');
    expect(r.violations).toEqual([expect.objectContaining({ rule: 'start-without-hearing', severity: 'major', penalty: 15 })]);
    expect(r).toMatchObject({ total: 85, passed: true, failedByCritical: false });
  });

  test('topping up the hot glue pot without the heat-resistant gloves is critical — the cut-resistant gloves do not count', () => {
    const t = tOf('place', 'granulate');
    expectCritical([...before('wear', 'heat-gloves'), ev(t - 1000, 'wear', 'cut-gloves'), ev(t, 'place', 'granulate', 'glue-pot-fill')], 'refill-without-heat-gloves');
  });

  test('topping up the hot glue pot without safety glasses is critical (a splash of glue at 200 °C in the eye); practice goes on from the glasses', () => {
    const noGlasses = without(['wear', 'safety-glasses']);
    const events = noGlasses.slice(0, noGlasses.findIndex((e) => e.action === 'place' && e.object === 'granulate') + 1);
    expectCritical(events, 'refill-without-glasses');
    expect(violations(events)).toEqual(['refill-without-glasses:critical']);
  });

  test('clearing the jam with the main switch on, or locked during the run-down, is critical; locking before standstill is major', () => {
    const stop = tOf('press', 'machine-stop');
    expectCritical([...before('press', 'machine-stop'), ev(stop, 'grab', 'jammed-edge')], 'clear-jam-unsafe');
    expectCritical([...before('lock', 'main-switch'), ev(stop + 3000, 'grab', 'jammed-edge')], 'clear-jam-unsafe');
    const early = [...before('lock', 'main-switch'), ev(stop + 2000, 'lock', 'main-switch'), ev(stop + 4000, 'grab', 'jammed-edge')];
    expect(violations(early)).toEqual(['isolate-running:major', 'clear-jam-unsafe:critical']);
    // Locked 2 s after stop the step is too early: the run-down takes 10 s.
    expect(live(early).feedback).toContainEqual(expect.objectContaining({ kind: 'too-early', step: 'lock-out', waitMs: 10000 }));
  });
});

describe('wood-edge-banding: the glue pot', () => {
  test('the machine starts as a step only once the glue is at temperature, 2 minutes after the heating went on', () => {
    const heat = tOf('press', 'glue-heat');
    const early = [...before('press', 'machine-start'), ev(heat + 119_000, 'press', 'machine-start')];
    const r = live(early);
    expect(r.feedback).toContainEqual(expect.objectContaining({ kind: 'not-ready', step: 'start-machine' }));
    expect(stepOf(r.state, 'start-machine').done).toBe(false);
    expect(live([...before('press', 'machine-start'), ev(heat + 120_000, 'press', 'machine-start')]).state.machines['glue-pot']!.state).toBe('ready');
  });

  test('a panel fed before the glue is hot costs quality (major); leaving the pot hot at the hand-over is minor', () => {
    const heat = tOf('press', 'glue-heat');
    const cold = [...before('press', 'machine-start'), ev(heat + 60_000, 'press', 'machine-start'), ev(heat + 65_000, 'place', 'panel', 'infeed')];
    expect(violations(cold)).toContain('cold-glue-feed:major');
    expect(score(sc, cold, 'practice').violations.find((v) => v.rule === 'cold-glue-feed')?.competency).toBe('quality');
    expect(violations(without(['press', 'glue-standby']))).toEqual(['glue-left-hot:minor']);
  });
});

describe('wood-edge-banding: the product', () => {
  test('the chipped panel fed instead of rejected, the wrong edge roll and the first piece stacked unchecked each cost quality points, said at the end', () => {
    const fed = [...before('place', 'faulty-panel'), ev(tOf('place', 'faulty-panel'), 'place', 'faulty-panel', 'infeed')];
    expect(violations(fed)).toEqual(['faulty-panel-fed:major']);
    const wrongRoll = [...before('place', 'edge-roll'), ev(tOf('place', 'edge-roll') - 2000, 'place', 'wrong-edge-roll', 'magazine'), ...from('place', 'edge-roll')];
    const r = score(sc, wrongRoll, 'exam');
    expect(r.violations).toEqual([expect.objectContaining({ rule: 'wrong-edge', severity: 'major', competency: 'quality' })]);
    expect(r.total).toBe(85);
    const unchecked = [...before('inspect', 'glue-line'), ev(tOf('inspect', 'glue-line'), 'place', 'banded-panel', 'finished-cart')];
    expect(violations(unchecked)).toEqual(['panel-unchecked:major']);
  });

  test('numeracy: the glue temperature within the label (180–210 °C), the top pressure 19 ± 0.5 mm, the edge 1 mm', () => {
    const at = (action: string, object: string, value: number) => [...before(action, object), ev(tOf(action, object), action, object, value)];
    expect(live(at('set', 'glue-temp', 175)).feedback).toContainEqual(expect.objectContaining({ kind: 'out-of-tolerance', step: 'set-glue-temp' }));
    expect(stepOf(live(at('set', 'glue-temp', 210)).state, 'set-glue-temp').done).toBe(true);
    expect(live(at('set', 'pressure-beam', 18)).feedback).toContainEqual(expect.objectContaining({ kind: 'out-of-tolerance', step: 'set-thickness' }));
    expect(live(at('set', 'edge-thickness', 2)).feedback).toContainEqual(expect.objectContaining({ kind: 'out-of-tolerance', step: 'set-edge-thickness' }));
  });
});

describe('wood-edge-banding: ending the shift', () => {
  test('handing over with the padlock taken off the main switch is major; the hood, the glue pot and the extraction are done first', () => {
    const end = tOf('press', 'team-leader');
    const unlocked = [...before('press', 'team-leader'), ev(end - 1000, 'unlock', 'main-switch'), ev(end, 'press', 'team-leader')];
    expect(violations(unlocked)).toEqual(['hand-over-not-locked:major']);
    const early = [...before('close', 'trim-hood'), ev(tOf('close', 'trim-hood'), 'press', 'team-leader')];
    expect(live(early).feedback).toContainEqual(expect.objectContaining({ kind: 'wrong-order', step: 'hand-over' }));
  });
});
