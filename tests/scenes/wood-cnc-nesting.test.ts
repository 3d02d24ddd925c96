import { describe, expect, test } from 'vitest';
import { competencies, score } from '../../src/engine';
import { ev, stationLog } from './station-log';

// The CNC nesting router: the protective devices (mat, bumper, emergency stop), the sheet on the
// vacuum, the gantry's area while it runs, unloading and labelling the part, cleaning without
// compressed air and the hand-over, as short event logs on the real scenario file
// (docs/procedures/cnc-nesting.md is the checklist behind them).

const { scene, sc, ideal, at, before, from, tOf, without, live, pointsOf, expectCritical } = stationLog('scenes/wood/cnc-nesting/scenario.json');
const startAt = tOf('press', 'start-button');
// v2: the vacuum drops just after the first start; the job runs its 90 s after the restart.
const restartAt = tOf('press', 'start-button', 1);

describe('wood-cnc-nesting: the station data', () => {
  test('loads without issues, every competency, 12+ Dutch terms, critical rules with safe states, cards at most a quarter, no review yet', () => {
    expect(scene.issues).toEqual([]);
    expect(sc.version).toBe(2);
    expect(sc.steps.filter((s) => s.action === 'answer' || s.action === 'classify').length * 4).toBeLessThanOrEqual(sc.steps.length);
    for (const c of competencies) expect(sc.steps.some((s) => s.competency === c), c).toBe(true);
    expect(new Set(sc.objects.map((o) => o.term)).size).toBeGreaterThanOrEqual(12);
    for (const term of ['noodstop', 'veiligheidsmat', 'bumper', 'offerplaat', 'frees', 'vacuümheffer', 'etiket', 'restafval', 'persluchtpistool']) expect(sc.objects.map((o) => o.term)).toContain(term);
    expect(sc.rules.filter((r) => r.severity === 'critical').map((r) => r.id)).toEqual([
      'reach-into-work-area', 'run-with-bumper-blocked', 'start-without-glasses', 'start-without-vacuum',
      'vacuum-off-while-running', 'unload-while-running', 'clean-while-running', 'clear-offcut-while-running', 'restart-with-vacuum-low',
      'grab-shifted-part-running',
    ]);
    for (const r of sc.rules.filter((x) => x.severity === 'critical')) expect(r.safeState, r.id).toBeDefined();
    expect(sc.reviewed).toBeUndefined();
    expect(scene.warnings.join('\n')).toContain('not reviewed yet');
  });

  test('the ideal path scores 100 in practice and exam and ends with the job done, the machine off and handed over', () => {
    for (const mode of ['practice', 'exam'] as const) expect(score(sc, ideal, mode)).toMatchObject({ total: 100, passed: true, violations: [], mistakes: [] });
    const end = live(ideal).state;
    expect(end.machines.power!.state).toBe('off');
    expect(end.machines.cnc!.state).toBe('done');
    expect(end.machines.vacuum!.state).toBe('off');
    expect(end.machines.extraction!.state).toBe('off');
    expect(end.completed.at(-1)!.id).toBe('hand-over');
  });
});

describe('wood-cnc-nesting: the gantry and the protective devices', () => {
  test('coming into the gantry area while it runs is critical; the job is started again from the console', () => {
    expectCritical([...before('press', 'vacuum-off-button'), ev(restartAt + 10000, 'enter', 'work-zone')], 'reach-into-work-area');
  });

  test('the gantry area at rest is no violation (checking the router bit and the hood)', () => {
    const t = tOf('inspect', 'router-bit');
    const events = [...before('inspect', 'router-bit'), ev(t - 1000, 'enter', 'work-zone'), ev(t - 500, 'exit', 'work-zone'), ...from('inspect', 'router-bit')];
    expect(score(sc, events, 'exam')).toMatchObject({ total: 100, violations: [] });
  });

  test('starting with the wedge still under the bumper is critical; practice goes on from the bumper check', () => {
    const events = [...without(['press', 'bumper-wedge']).filter((e) => e.t < startAt), ev(startAt, 'press', 'start-button')];
    expectCritical(events, 'run-with-bumper-blocked');
  });

  test('the emergency stop is tested at rest: pressed in, the machine does not start until it is reset', () => {
    expect(live(before('press', 'reset-button')).state.machines.cnc!.state).toBe('tripped');
    const cnc = sc.machines.find((m) => m.id === 'cnc')!;
    // Out of tripped only by the reset button: the start button does nothing there.
    expect(cnc.transitions.filter((x) => [x.from].flat().includes('tripped')).map((x) => x.on?.object)).toEqual(['reset-button']);
    expect(live(before('inspect', 'spoil-board')).state.machines.cnc!.state).toBe('idle');
    expect(ideal[at('press', 'emergency-stop') - 1]).toMatchObject({ action: 'press', object: 'bumper-wedge' });
  });

  test('with the main switch off nothing starts', () => {
    const { state } = live([...before('press', 'start-button'), ev(startAt - 1000, 'press', 'main-switch'), ev(startAt, 'press', 'start-button')]);
    expect(state.machines.cnc!.state).toBe('idle');
  });
});

describe('wood-cnc-nesting: the operator protected', () => {
  test('starting without safety glasses is critical; practice goes on from the glasses', () => {
    expectCritical([...without(['wear', 'safety-glasses']).filter((e) => e.t < startAt), ev(startAt, 'press', 'start-button')], 'start-without-glasses');
  });

  test('starting without hearing protection or without extraction is major', () => {
    const a = score(sc, [...without(['wear', 'hearing-protection']).filter((e) => e.t < startAt), ev(startAt, 'press', 'start-button')], 'practice');
    expect(a.violations.map((v) => [v.rule, v.severity])).toEqual([['start-without-hearing', 'major']]);
    const b = score(sc, [...without(['press', 'extraction-on-button']).filter((e) => e.t < startAt), ev(startAt, 'press', 'start-button')], 'practice');
    expect(b.violations.map((v) => [v.rule, v.severity])).toEqual([['run-without-extraction', 'major']]);
  });

  test('lifting the 70 kg sheet by hand is major; the vacuum lifter is the step', () => {
    const t = tOf('press', 'lifter-button');
    const r = score(sc, [...before('press', 'lifter-button'), ev(t - 1000, 'grab', 'sheet'), ...from('press', 'lifter-button')], 'practice');
    expect(r.violations).toEqual([expect.objectContaining({ rule: 'lift-sheet-by-hand', severity: 'major' })]);
    expect(r.total).toBe(85);
  });

  test('taking the compressed-air gun is major: the industrial vacuum cleaner is the step', () => {
    const t = tOf('hold-start', 'vacuum-nozzle');
    const r = score(sc, [...before('hold-start', 'vacuum-nozzle'), ev(t - 1000, 'grab', 'air-gun'), ...from('hold-start', 'vacuum-nozzle')], 'practice');
    expect(r.violations).toEqual([expect.objectContaining({ rule: 'use-air-gun', severity: 'major' })]);
  });

  test('vacuuming too briefly is not yet clean', () => {
    const t = tOf('hold-start', 'vacuum-nozzle');
    expect(live([...before('hold-end', 'vacuum-nozzle'), ev(t + 1500, 'hold-end', 'vacuum-nozzle')]).feedback.at(-1)).toMatchObject({ kind: 'too-short', step: 'clean-table' });
  });
});

describe('wood-cnc-nesting: the sheet on the vacuum', () => {
  test('starting without the vacuum is critical; practice goes on from the vacuum', () => {
    const events = [...without(['press', 'vacuum-on-button'], ['inspect', 'vacuum-gauge']).filter((e) => e.t < startAt), ev(startAt, 'press', 'start-button')];
    expectCritical(events, 'start-without-vacuum');
  });

  test('the vacuum off while the job runs is critical; the vacuum is back on in the safe state', () => {
    expectCritical([...before('press', 'vacuum-off-button'), ev(restartAt + 20000, 'press', 'vacuum-off-button')], 'vacuum-off-while-running');
  });

  test('the vacuum gauge is read only with the vacuum on', () => {
    const t = tOf('inspect', 'vacuum-gauge');
    const { state } = live([...before('press', 'vacuum-on-button'), ev(t, 'inspect', 'vacuum-gauge')]);
    expect(state.completed.map((c) => c.id)).not.toContain('check-vacuum');
    expect(state.machines.vacuum!.state).toBe('off');
  });

  test('the wrong program is major, and the card is a mistake', () => {
    const t = tOf('answer', 'control-panel');
    const r = score(sc, [...before('answer', 'control-panel'), ev(t - 1000, 'answer', 'control-panel', '4512'), ...from('answer', 'control-panel')], 'practice');
    expect(r.violations.map((v) => v.rule)).toEqual(['wrong-program']);
  });
});

describe('wood-cnc-nesting: the vacuum drops during the job (problem solving)', () => {
  const faultStopAt = tOf('press', 'emergency-stop', 1);
  const setterAt = tOf('press', 'setter');

  test('after the first start the job never ends by itself: the vacuum no longer holds until the setter has fixed it', () => {
    const { state } = live([...before('press', 'emergency-stop', 1), ev(startAt + 200000, 'inspect', 'work-order')]);
    expect(state.machines.cnc!.state).toBe('running');
    expect(state.available).toContain('fault-estop');
  });

  test('the emergency stop is the response: the machine is tripped and the setter is called while it stays stopped', () => {
    const { state } = live(before('press', 'reset-button', 1));
    expect(state.machines.cnc!.state).toBe('tripped');
    expect(state.completed.map((c) => c.id).slice(-2)).toEqual(['fault-estop', 'call-setter']);
    expect(sc.steps.find((s) => s.id === 'fault-estop')).toMatchObject({ competency: 'problem-solving', requires: { machine: 'cnc', in: ['running'] } });
  });

  test('holding the shifted part by hand is critical (a hand in the gantry area while it runs)', () => {
    expectCritical([...before('press', 'emergency-stop', 1), ev(faultStopAt - 1000, 'enter', 'work-zone')], 'reach-into-work-area');
  });

  test('switching the vacuum off to free the part is critical', () => {
    expectCritical([...before('press', 'emergency-stop', 1), ev(faultStopAt - 1000, 'press', 'vacuum-off-button')], 'vacuum-off-while-running');
  });

  test('starting again before the setter has fixed the vacuum is critical; practice goes on from calling the setter', () => {
    const events = [...before('press', 'setter'), ev(setterAt, 'press', 'reset-button'), ev(setterAt + 2000, 'press', 'start-button')];
    const practice = live(events);
    expect(practice.feedback).toContainEqual(expect.objectContaining({ kind: 'rule-violated', rule: 'restart-with-vacuum-low', severity: 'critical', critical: true }));
    expect(practice.state).toMatchObject({ failed: true, failedByCritical: true });
    expect(practice.state.halted).toMatchObject({ resumeAt: 'call-setter' });
    expect(practice.state.machines.cnc).toEqual({ state: 'tripped', since: setterAt + 2000 });
    expect(live(events, 'exam').state).toMatchObject({ ended: true, failed: true, failedByCritical: true });
    for (const mode of ['practice', 'exam'] as const) expect(score(sc, events, mode)).toMatchObject({ passed: false, failedByCritical: true });
    // Going on: the setter, reset, the gauge, start again and the rest of the work: every step done, the attempt still failed.
    const goOn = ev(setterAt + 5000, 'continue', 'restart-with-vacuum-low');
    const shift = goOn.t + 1000 - setterAt;
    const rest = from('press', 'setter').map((e) => ({ ...e, t: e.t + shift }));
    const r = score(sc, [...events, goOn, ...rest], 'practice');
    expect(r.steps.filter((s) => !s.done).map((s) => s.id)).toEqual([]);
    expect(r).toMatchObject({ ended: true, passed: false, failedByCritical: true, countsForMastery: false });
  });

  test('taking hold of the part that shifts while the machine runs is critical', () => {
    expectCritical([...before('press', 'emergency-stop', 1), ev(faultStopAt - 1000, 'grab', 'shifted-part')], 'grab-shifted-part-running');
  });

  test('the part that shifted is cut wrong: looked at after the job and scrapped; on the parts cart it is major (quality)', () => {
    const t = tOf('place', 'shifted-part');
    const r = score(sc, [...before('place', 'shifted-part'), ev(t, 'place', 'shifted-part', 'parts-cart')], 'practice');
    expect(r.violations.map((v) => [v.rule, v.severity, v.competency])).toEqual([['scrap-part-to-cart', 'major', 'quality']]);
    expect(ideal[at('place', 'shifted-part')]).toMatchObject({ value: 'waste-bin' });
    // Before the job has ended the part cannot be looked at and scrapped.
    const early = live([...before('press', 'vacuum-off-button'), ev(restartAt + 10000, 'inspect', 'shifted-part')]);
    expect(early.state.completed.map((c) => c.id)).not.toContain('inspect-shifted-part');
  });

  test('the gauge is read again before the restart: inspecting it during the fault does not count', () => {
    const { state } = live([...before('press', 'emergency-stop', 1), ev(faultStopAt - 1000, 'inspect', 'vacuum-gauge')]);
    expect(state.completed.map((c) => c.id)).not.toContain('recheck-vacuum');
  });
});

describe('wood-cnc-nesting: unloading, the product and cleaning', () => {
  test('the vacuum goes off only after the 90 s job: before, the step waits', () => {
    const { feedback } = live([...before('press', 'vacuum-off-button'), ev(restartAt + 60000, 'enter', 'work-zone')]);
    expect(feedback.some((f) => f.kind === 'rule-violated')).toBe(true);
    const { state } = live(ideal.slice(0, at('press', 'vacuum-off-button') + 1));
    expect(state.machines.cnc).toEqual({ state: 'done', since: restartAt + 90000 });
    expect(state.completed.at(-1)!.id).toBe('vacuum-off');
  });

  test('taking the part, the offcut or cleaning while the job runs is critical', () => {
    const running = before('press', 'vacuum-off-button');
    expectCritical([...running, ev(restartAt + 5000, 'place', 'cut-part', 'parts-cart')], 'unload-while-running');
    expectCritical([...running, ev(restartAt + 5000, 'place', 'offcut', 'waste-bin')], 'clear-offcut-while-running');
    expectCritical([...running, ev(restartAt + 5000, 'hold-start', 'vacuum-nozzle')], 'clean-while-running');
  });

  test('the part measured: 560 mm within 1 mm; 566 is out of tolerance', () => {
    const t = tOf('set', 'part-width');
    expect(live([...before('set', 'part-width'), ev(t, 'set', 'part-width', 566)]).feedback.at(-1)).toMatchObject({ kind: 'out-of-tolerance', step: 'measure-part', target: 560 });
    expect(live([...before('set', 'part-width'), ev(t, 'set', 'part-width', 559)]).state.completed.at(-1)!.id).toBe('measure-part');
  });

  test('a part on the cart without its label is major', () => {
    const t = tOf('press', 'part-label');
    const r = score(sc, [...before('press', 'part-label'), ev(t, 'place', 'cut-part', 'parts-cart')], 'practice');
    expect(r.violations.map((v) => [v.rule, v.severity])).toEqual([['part-without-label', 'major']]);
  });
});

describe('wood-cnc-nesting: stopping and the hand-over', () => {
  test('the extraction off while the job runs is minor', () => {
    const r = score(sc, [...before('press', 'vacuum-off-button'), ev(restartAt + 30000, 'press', 'extraction-off-button')], 'practice');
    expect(r.violations.map((v) => [v.rule, v.severity])).toEqual([['extraction-off-running', 'minor']]);
  });

  test('handing over with the machine still switched on is major', () => {
    const r = score(sc, [...before('press', 'main-switch'), ev(tOf('press', 'main-switch'), 'press', 'team-leader')], 'practice');
    expect(r.violations.map((v) => [v.rule, v.severity])).toEqual([['hand-over-power-on', 'major']]);
  });

  test('the hand-over is worth its points and comes last', () => {
    expect(pointsOf('hand-over')).toBe(10);
    expect(ideal.at(-1)).toMatchObject({ action: 'press', object: 'team-leader' });
  });
});
