import { describe, expect, test } from 'vitest';
import { competencies, score } from '../../src/engine';
import { ev, stationLog } from './station-log';

// The injection moulding station (v4): taking over, the checks before starting, the first part weighed
// against the work order, the quality drift (stop, set aside, call the setter), the alarm 30 s after the
// restart, lockout before clearing, the end of the shift — and every hazard.

const { scene, sc, ideal, at, before, from, tOf, live, stepOf, expectCritical } = stationLog('scenes/plastics/injection-moulding/scenario.json');
/** The first run starts at the second press on start; the run after the setter's call at the third. */
const firstStart = tOf('press', 'cycle-start', 1);
const restart = tOf('press', 'cycle-start', 2);
const alarmAt = restart + 30000;

describe('plastics-injection-moulding: the station data', () => {
  test('loads without issues, every competency, 12+ Dutch words, cards at most a quarter of the steps, no review yet', () => {
    expect(scene.issues).toEqual([]);
    for (const c of competencies) expect(sc.steps.some((s) => s.competency === c), c).toBe(true);
    expect(new Set(sc.objects.map((o) => o.term)).size).toBeGreaterThanOrEqual(12);
    expect(sc.steps.filter((s) => s.action === 'answer' || s.action === 'classify').length).toBeLessThanOrEqual(sc.steps.length / 4);
    expect(sc.rules.filter((r) => r.severity === 'critical').map((r) => r.id).sort()).toEqual(['bypass-interlock-place', 'bypass-interlock-press', 'clear-without-lockout', 'reach-into-running-mould', 'touch-hot-nozzle']);
    expect(sc.reviewed).toBeUndefined();
  });

  test('the ideal path scores 100 in both modes; the hand in the locked-out mould is no violation', () => {
    for (const mode of ['practice', 'exam'] as const) {
      expect(score(sc, ideal, mode)).toMatchObject({ total: 100, passed: true, ended: true, violations: [], mistakes: [] });
    }
    expect(live(before('grab', 'stuck-part')).state).toMatchObject({ inside: ['mould-zone'], machines: { imm: { state: 'locked-out' }, gate: { state: 'open' } } });
  });
});

describe('plastics-injection-moulding: critical hazards, each continued from its safe state', () => {
  test('reaching into the mould area while the machine runs (first run or after the restart)', () => {
    expectCritical([...before('place', 'part-1'), ev(firstStart + 3000, 'enter', 'mould-zone')], 'reach-into-running-mould');
    expectCritical([...before('answer', 'alarm-display'), ev(restart + 5000, 'enter', 'mould-zone')].sort((a, b) => a.t - b.t).filter((e) => e.t <= restart + 5000), 'reach-into-running-mould');
  });

  test('bypassing the gate interlock', () => {
    expectCritical([ev(2000, 'wear', 'safety-glasses'), ev(5000, 'press', 'door-switch')], 'bypass-interlock-press');
    expectCritical([...before('place', 'part-1'), ev(firstStart + 2000, 'place', 'spare-actuator', 'door-switch')], 'bypass-interlock-place');
  });

  test('a hand at the nozzle with the purge guard open is critical (a burn), also with the machine stopped; with the guard closed it meets the guard', () => {
    expect(live([ev(3000, 'enter', 'nozzle-zone')]).state.violations).toEqual([]);
    expectCritical([ev(1000, 'open', 'purge-guard'), ev(3000, 'enter', 'nozzle-zone')], 'touch-hot-nozzle');
    expectCritical([...before('place', 'part-1'), ev(firstStart + 1000, 'open', 'purge-guard'), ev(firstStart + 2000, 'enter', 'nozzle-zone')], 'touch-hot-nozzle');
    // Opening the guard is the setter's job: major on its own.
    expect(live([ev(1000, 'open', 'purge-guard')]).state.violations).toEqual([expect.objectContaining({ rule: 'open-purge-guard', severity: 'major' })]);
  });

  test('clearing the stuck part without lockout is critical (the mould can still close)', () => {
    const t = tOf('lock', 'main-switch');
    expectCritical([...before('lock', 'main-switch'), ev(t, 'open', 'safety-gate'), ev(t + 2000, 'grab', 'stuck-part')], 'clear-without-lockout');
  });
});

describe('plastics-injection-moulding: the product — weighed, drift acted on, faults cost quality', () => {
  test('the weight written on the control card must be what the scale shows (24.8 g): 25 is a mistake', () => {
    const t = tOf('set', 'control-card');
    const { feedback, state } = live([...before('set', 'control-card'), ev(t - 1000, 'set', 'control-card', 25), ev(t, 'set', 'control-card', 24.8)]);
    expect(feedback).toContainEqual(expect.objectContaining({ kind: 'out-of-tolerance', step: 'record-weight' }));
    expect(stepOf(state, 'record-weight')).toMatchObject({ done: true, mistakes: 1 });
  });

  test('packing the first part straight from the belt, unweighed, is a quality violation', () => {
    const t = tOf('place', 'part-1');
    const r = score(sc, [...before('place', 'part-1'), ev(t, 'place', 'part-1', 'good-box')], 'exam');
    expect(r.violations.map((v) => [v.rule, v.severity, v.competency])).toEqual([['pack-without-weighing', 'major', 'quality']]);
  });

  test('sorting on and packing the short shots costs quality points, named at the end; the box count does not change what was packed', () => {
    const t2 = tOf('place', 'part-2');
    const t3 = tOf('place', 'part-3');
    const events = ideal.map((e) => (e.t === t2 || e.t === t3 ? { ...e, value: 'good-box' } : e));
    const r = score(sc, events, 'exam');
    expect(r.violations.map((v) => [v.rule, v.severity, v.competency])).toEqual([
      ['pack-short-shot-2', 'major', 'quality'],
      ['pack-short-shot-3', 'major', 'quality'],
    ]);
    expect(r.competencies.quality).toBeLessThan(100);
    expect(r.total).toBeLessThan(100);
  });

  test('restarting after the drift stop before calling the setter is a problem-solving violation and gives the first run again', () => {
    const t = tOf('press', 'setter', 1);
    const { state } = live([...before('press', 'setter', 1), ev(t, 'press', 'cycle-start')]);
    expect(state.violations).toEqual([expect.objectContaining({ rule: 'restart-before-setter', severity: 'major', competency: 'problem-solving' })]);
    expect(state.machines.imm!.state).toBe('running');
  });

  test('the drift: parts are set aside only after the machine is stopped (order), and the setter only after both', () => {
    const t = tOf('press', 'cycle-stop');
    const early = live([...before('press', 'cycle-stop'), ev(t, 'place', 'part-2', 'scrap-bin')]);
    expect(early.feedback.at(-1)).toMatchObject({ kind: 'wrong-order', step: 'set-aside-part-2', missing: ['stop-for-drift'] });
    const ts = tOf('press', 'setter', 1);
    const tooSoon = live([...before('place', 'part-3'), ev(ts, 'press', 'setter')]);
    expect(tooSoon.feedback.at(-1)).toMatchObject({ kind: 'wrong-order', step: 'call-setter', missing: ['set-aside-part-3'] });
  });
});

describe('plastics-injection-moulding: the alarm after the restart, lockout, end of shift', () => {
  test('the first run never ends in the alarm; the run after the setter does, exactly 30 s after the restart', () => {
    const firstRun = live([...before('press', 'cycle-stop'), ev(firstStart + 60000, 'answer', 'alarm-display', 'part-stuck')].filter((e) => e.t < tOf('press', 'cycle-stop') || e.action === 'answer'));
    expect(firstRun.state.machines.imm!.state).toBe('running');
    // The last event before the alarm is the restart: the part after the correction is looked at once the alarm is due.
    const upToAlarm = before('inspect', 'part-4');
    const early = live([...upToAlarm, ev(alarmAt - 1, 'inspect', 'part-4')]);
    expect(early.state.machines.imm).toEqual({ state: 'resumed', since: restart });
    const onTime = live([...upToAlarm, ev(alarmAt, 'inspect', 'part-4')]);
    expect(onTime.state.machines.imm).toEqual({ state: 'alarm', since: alarmAt });
    expect(stepOf(live(before('answer', 'alarm-display', 1)).state, 'read-alarm')).toMatchObject({ done: true, mistakes: 0 });
  });

  test('pressing start during the alarm is a violation (resetting is the setter\'s decision); the card choices other than the setter are mistakes', () => {
    const events = [
      ...before('answer', 'alarm-display'),
      ev(alarmAt + 500, 'press', 'cycle-start'),
      ev(alarmAt + 1000, 'answer', 'alarm-display', 'part-stuck'),
      ev(alarmAt + 2000, 'answer', 'alarm-display', 'reset-restart'),
      ev(alarmAt + 3000, 'answer', 'alarm-display', 'call-setter'),
    ];
    const { state, feedback } = live(events);
    expect(state.violations.map((v) => v.rule)).toEqual(['restart-on-alarm']);
    expect(feedback.filter((f) => f.kind === 'wrong-answer').map((f) => f.step)).toEqual(['alarm-response']);
    expect(stepOf(state, 'alarm-response')).toMatchObject({ done: true, mistakes: 1 });
  });

  test('locked out, start does nothing (the try-out); without gloves the clearing is major; the padlock comes off only with the gate closed', () => {
    const locked = live(before('open', 'safety-gate', 1));
    expect(stepOf(locked.state, 'tryout').done).toBe(true);
    expect(locked.state.machines.imm!.state).toBe('locked-out');
    // Gloves taken off just before the clearing (a remove at the lockout): the hot part in bare hands.
    const noGloves = [...before('lock', 'main-switch'), ev(tOf('lock', 'main-switch') - 500, 'remove', 'work-gloves'), ...from('lock', 'main-switch')];
    expect(live(before('exit', 'mould-zone').length ? noGloves.slice(0, at('exit', 'mould-zone') + 1) : noGloves).state.violations.map((v) => [v.rule, v.severity])).toEqual([['clear-without-gloves', 'major']]);
    const t = tOf('close', 'safety-gate', 1);
    const { feedback } = live([...before('close', 'safety-gate', 1), ev(t, 'unlock', 'main-switch')]);
    expect(feedback.at(-1)).toMatchObject({ kind: 'not-ready', step: 'remove-lock' });
  });

  test('end of shift: 12 on the box label (the part after the correction forgotten) and 2 rejects are mistakes; the hand-over waits for the count, the report and the clean-up', () => {
    const t = tOf('set', 'box-card');
    const { feedback, state } = live([...before('set', 'box-card'), ev(t - 500, 'set', 'box-card', 12), ev(t, 'set', 'box-card', 13), ev(t + 1000, 'set', 'shift-report', 2)]);
    expect(feedback.filter((f) => f.kind === 'out-of-tolerance').map((f) => f.step)).toEqual(['record-count', 'record-rejects']);
    expect(stepOf(state, 'record-count')).toMatchObject({ done: true, mistakes: 1 });
    const early = live([...before('hold-start', 'spilled-granulate'), ev(tOf('hold-start', 'spilled-granulate'), 'press', 'setter')]);
    expect(early.feedback.at(-1)).toMatchObject({ kind: 'wrong-order', step: 'hand-over', missing: ['clean-up'] });
    expect(score(sc, [...before('press', 'setter', 2)], 'exam').total).toBeLessThan(100);
    expect(from('press', 'setter', 2)).toHaveLength(1);
    expect(at('press', 'setter', 2)).toBe(ideal.length - 1);
  });
});
