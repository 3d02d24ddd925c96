import { describe, expect, test } from 'vitest';
import { competencies, score } from '../../src/engine';
import { ev, stationLog } from './station-log';

// The injection moulding station: every hazard, the machine's own timing (alarm after 30 s of automatic),
// the interlock test, lockout/tagout before clearing, classification, counting and the alarm decision.

const { scene, sc, ideal, at, before, from, tOf, live, stepOf, totalPoints, expectCritical } = stationLog('scenes/plastics/injection-moulding/scenario.json');
/** The second press on the start button in the ideal path starts the automatic cycle. */
const cycleStart = tOf('press', 'cycle-start', 1);
const alarmAt = cycleStart + 30000;

describe('plastics-injection-moulding: the station data', () => {
  test('loads without issues, 10–20 steps, every competency, 12+ Dutch words, five defect classes, no review yet', () => {
    expect(scene.issues).toEqual([]);
    expect(sc.steps.length).toBeGreaterThanOrEqual(10);
    expect(sc.steps.length).toBeLessThanOrEqual(20);
    for (const c of competencies) expect(sc.steps.some((s) => s.competency === c), c).toBe(true);
    expect(new Set(sc.objects.map((o) => o.term)).size).toBeGreaterThanOrEqual(12);
    expect(sc.rules.filter((r) => r.severity === 'critical').length).toBeGreaterThanOrEqual(1);
    expect(new Set(sc.steps.filter((s) => s.action === 'classify').map((s) => s.expect))).toEqual(new Set(['short-shot', 'flash', 'sink-mark', 'burn-mark', 'good']));
    for (const s of sc.sources) expect(s.url, s.title).toMatch(/^https?:\/\//);
    expect(sc.reviewed).toBeUndefined();
  });

  test('the ideal path scores 100 in both modes; the hand in the locked-out mould is no violation', () => {
    for (const mode of ['practice', 'exam'] as const) {
      expect(score(sc, ideal, mode)).toMatchObject({ total: 100, passed: true, ended: true, violations: [], mistakes: [] });
    }
    expect(live(before('grab', 'stuck-part')).state).toMatchObject({ inside: ['mould-zone'], machines: { imm: { state: 'locked-out' }, gate: { state: 'open' } } });
  });
});

describe('plastics-injection-moulding: hazards', () => {
  test('reaching into the mould area while the machine runs is critical', () => {
    expectCritical([...before('classify', 'part-1'), ev(cycleStart + 3000, 'enter', 'mould-zone')], 'reach-into-running-mould');
  });

  test('bypassing the gate interlock (pressing the switch, or putting something on it) is critical', () => {
    expectCritical([ev(2000, 'wear', 'safety-glasses'), ev(5000, 'press', 'door-switch')], 'bypass-interlock-press');
    expectCritical([...before('classify', 'part-1'), ev(cycleStart + 2000, 'place', 'spare-actuator', 'door-switch')], 'bypass-interlock-place');
  });

  test('opening the gate during the cycle is major; the interlock stops the machine and no alarm comes', () => {
    const events = [...before('classify', 'part-1'), ev(cycleStart + 5000, 'open', 'safety-gate'), ev(alarmAt + 1000, 'answer', 'alarm-display', 'part-stuck')];
    const { state, feedback } = live(events);
    expect(state.violations).toEqual([expect.objectContaining({ rule: 'open-gate-during-cycle', severity: 'major', penalty: 15 })]);
    expect(state.machines).toMatchObject({ imm: { state: 'stopped', since: cycleStart + 5000 }, gate: { state: 'open' } });
    expect(feedback.at(-1)).toMatchObject({ kind: 'not-ready', step: 'read-alarm' });
  });

  test('touching the hot nozzle is major, also when the machine is locked out', () => {
    expect(live([ev(3000, 'enter', 'nozzle-zone')]).state.violations).toEqual([expect.objectContaining({ rule: 'touch-hot-nozzle', severity: 'major', penalty: 15 })]);
    const locked = [...before('press', 'cycle-start', 2), ev(tOf('press', 'cycle-start', 2), 'enter', 'nozzle-zone')];
    expect(live(locked).state.violations.map((v) => v.rule)).toEqual(['touch-hot-nozzle']);
  });

  test('starting without safety glasses is major', () => {
    const r = score(sc, ideal.filter((e) => !(e.action === 'wear' && e.object === 'safety-glasses')), 'exam');
    // The interlock test and the start itself: twice 15 (the try-out, locked out, is not a start); both steps wait for the glasses.
    expect(r.violations.map((v) => [v.rule, v.severity])).toEqual([
      ['start-without-glasses', 'major'],
      ['start-without-glasses', 'major'],
    ]);
    expect(r.passed).toBe(false);
  });

  test('touching the process settings is a violation of the problem-solving competency', () => {
    const events = [...before('answer', 'alarm-display'), ev(alarmAt + 1000, 'press', 'process-settings'), ev(alarmAt + 2000, 'set', 'process-settings', 120), ...from('answer', 'alarm-display')];
    const r = score(sc, events, 'exam');
    expect(r.violations.map((v) => [v.rule, v.severity, v.competency])).toEqual([
      ['open-settings', 'minor', 'problem-solving'],
      ['change-settings', 'major', 'problem-solving'],
    ]);
    expect(r.competencies['problem-solving']).toBe(80);
    expect(r.total).toBe(80);
    expect(r.mistakes).toEqual([]);
  });

  test('the box is counted once the conveyor is empty: counting with a defect still on the belt is not-ready', () => {
    const t = tOf('place', 'part-4');
    const early = live([...before('place', 'part-4'), ev(t, 'place', 'part-5', 'good-box'), ev(t + 1000, 'answer', 'box-card', 12)]);
    expect(early.feedback.at(-1)).toMatchObject({ kind: 'not-ready', step: 'record-count' });
    const done = live(before('answer', 'box-card'));
    expect(done.state.machines).toMatchObject({ 'part-1': { state: 'scrapped' }, 'part-4': { state: 'scrapped' } });
    expect(done.state.mistakes).toEqual([]);
  });

  test("placing the parts and the stuck part in the bin matches each part's machine: no wrong-action mistakes", () => {
    const r = score(sc, ideal, 'exam');
    expect(r.mistakes).toEqual([]);
    expect(live(before('close', 'safety-gate', 1)).state.machines['stuck-part']!.state).toBe('scrapped');
  });
});

describe('plastics-injection-moulding: the interlock and the machine timing', () => {
  test('with the gate open the start button moves nothing (the test step); with the gate closed it starts', () => {
    const open = live(before('close', 'safety-gate'));
    expect(stepOf(open.state, 'test-interlock').done).toBe(true);
    expect(open.state.machines.imm!.state).toBe('stopped');
    expect(live(before('classify', 'part-1')).state.machines.imm).toEqual({ state: 'running', since: cycleStart });
  });

  test('pressing start for the test with the gate still closed is not-ready and really starts the machine', () => {
    const t = tOf('open', 'safety-gate');
    const { state, feedback } = live([...before('open', 'safety-gate'), ev(t, 'press', 'cycle-start')]);
    expect(feedback.at(-1)).toMatchObject({ kind: 'not-ready', step: 'test-interlock' });
    expect(state.machines.imm!.state).toBe('running');
  });

  test('the alarm comes exactly 30 s after the cycle start: answering it earlier is not-ready', () => {
    // The box is packed while the machine runs on; the last event before the alarm is the last scrapped part.
    const upToAlarm = before('place', 'part-5');
    expect(upToAlarm.at(-1)!.t).toBeLessThan(alarmAt - 1);
    const early = live([...upToAlarm, ev(alarmAt - 1, 'answer', 'alarm-display', 'part-stuck')]);
    expect(early.feedback.at(-1)).toMatchObject({ kind: 'not-ready', step: 'read-alarm' });
    expect(early.state.machines.imm).toEqual({ state: 'running', since: cycleStart });
    const onTime = live([...upToAlarm, ev(alarmAt, 'answer', 'alarm-display', 'part-stuck')]);
    expect(stepOf(onTime.state, 'read-alarm')).toMatchObject({ done: true, mistakes: 0 });
    expect(onTime.state.machines.imm).toEqual({ state: 'alarm', since: alarmAt });
  });
});

describe('plastics-injection-moulding: lockout before clearing the stuck part', () => {
  test('clearing without lockout is major and does not count: the step needs the machine locked out and the gate open', () => {
    const t = tOf('lock', 'main-switch');
    const events = [...before('lock', 'main-switch'), ev(t, 'open', 'safety-gate'), ev(t + 2000, 'grab', 'stuck-part')];
    const { state, feedback } = live(events);
    expect(state.violations).toEqual([expect.objectContaining({ rule: 'clear-without-lockout', severity: 'major', penalty: 15 })]);
    expect(feedback).toContainEqual(expect.objectContaining({ kind: 'wrong-order', step: 'clear-stuck-part', missing: ['tryout'] }));
    expect(stepOf(state, 'clear-stuck-part').done).toBe(false);
  });

  test('locked out with the gate still closed: taking the part is not-ready', () => {
    const t = tOf('open', 'safety-gate', 1);
    const { feedback } = live([...before('open', 'safety-gate', 1), ev(t, 'grab', 'stuck-part')]);
    expect(feedback.at(-1)).toMatchObject({ kind: 'not-ready', step: 'clear-stuck-part' });
  });

  test('the try-out before the lockout is out of order and would start the machine; locked out, start does nothing', () => {
    const t = tOf('lock', 'main-switch');
    const early = live([...before('lock', 'main-switch'), ev(t, 'press', 'cycle-start')]);
    expect(early.feedback.at(-1)).toMatchObject({ kind: 'wrong-order', step: 'tryout', missing: ['lockout'] });
    const locked = live(before('open', 'safety-gate', 1));
    expect(stepOf(locked.state, 'tryout').done).toBe(true);
    expect(locked.state.machines.imm).toEqual({ state: 'locked-out', since: t });
  });

  test('without gloves the clearing is a minor violation (hot mould); the padlock comes off only with the gate closed', () => {
    const noGloves = ideal.filter((e) => !(e.action === 'wear' && e.object === 'work-gloves'));
    expect(score(sc, noGloves, 'exam').violations.map((v) => [v.rule, v.severity])).toEqual([['clear-without-gloves', 'minor']]);
    const t = tOf('close', 'safety-gate', 1);
    const { feedback, state } = live([...before('close', 'safety-gate', 1), ev(t, 'unlock', 'main-switch')]);
    expect(feedback.at(-1)).toMatchObject({ kind: 'not-ready', step: 'remove-lock' });
    expect(state.machines.imm!.state).toBe('stopped');
  });
});

describe('plastics-injection-moulding: reading, counting, classifying and the alarm decision', () => {
  test('reading the dryer: 60 (the mould temperature) is wrong, 80 is right', () => {
    const t = tOf('answer', 'dryer-display');
    const { feedback, state } = live([...before('answer', 'dryer-display'), ev(t, 'answer', 'dryer-display', 60), ev(t + 500, 'answer', 'dryer-display', '80')]);
    expect(feedback).toContainEqual(expect.objectContaining({ kind: 'wrong-answer', step: 'read-dryer', value: 60 }));
    expect(stepOf(state, 'read-dryer')).toMatchObject({ done: true, mistakes: 1 });
  });

  test('each part has its own class: a sink mark called flash and a good part called a short shot are mistakes', () => {
    const t3 = tOf('classify', 'part-3');
    const t5 = tOf('classify', 'part-5');
    const events = [
      ...before('classify', 'part-3'),
      ev(t3 - 500, 'classify', 'part-3', 'flash'),
      ...ideal.slice(at('classify', 'part-3'), at('classify', 'part-5')),
      ev(t5 - 500, 'classify', 'part-5', 'short-shot'),
      ...from('classify', 'part-5'),
    ];
    const practice = live(events.slice(0, at('classify', 'part-3') + 1));
    expect(practice.feedback.at(-1)).toMatchObject({ kind: 'wrong-classification', step: 'classify-part-3', value: 'flash' });
    const r = score(sc, events, 'exam');
    expect(r.mistakes.map((m) => [m.kind, m.step])).toEqual([
      ['wrong-classification', 'classify-part-3'],
      ['wrong-classification', 'classify-part-5'],
    ]);
    const quality = sc.steps.filter((x) => x.competency === 'quality').reduce((sum, x) => sum + x.points, 0);
    expect(quality).toBe(50);
    expect(r.competencies.quality).toBe(Math.round((100 * (quality - 5)) / quality));
    expect(r.total).toBe(Math.round((100 * (totalPoints - 5)) / totalPoints));
  });

  test('counting: 11 on the box card is a wrong answer, 12 is right', () => {
    const t = tOf('answer', 'box-card');
    const { feedback, state } = live([...before('answer', 'box-card'), ev(t, 'answer', 'box-card', 11), ev(t + 1000, 'answer', 'box-card', 12)]);
    expect(feedback).toContainEqual(expect.objectContaining({ kind: 'wrong-answer', step: 'record-count', value: 11 }));
    expect(stepOf(state, 'record-count')).toMatchObject({ done: true, mistakes: 1 });
  });

  test('the alarm: misreading the message, then choosing to change settings or reset are mistakes; calling the setter completes it', () => {
    const events = [
      ...before('answer', 'alarm-display'),
      ev(alarmAt + 1000, 'answer', 'alarm-display', 'mould-too-hot'),
      ev(alarmAt + 2000, 'answer', 'alarm-display', 'part-stuck'),
      ev(alarmAt + 3000, 'answer', 'alarm-display', 'change-settings'),
      ev(alarmAt + 4000, 'answer', 'alarm-display', 'reset-restart'),
      ev(alarmAt + 5000, 'answer', 'alarm-display', 'call-setter'),
    ];
    const { feedback, state } = live(events);
    expect(feedback.filter((f) => f.kind === 'wrong-answer').map((f) => f.step)).toEqual(['read-alarm', 'alarm-response', 'alarm-response']);
    expect(stepOf(state, 'read-alarm')).toMatchObject({ done: true, mistakes: 1 });
    expect(stepOf(state, 'alarm-response')).toMatchObject({ done: true, mistakes: 2 });
    const r = score(sc, [...events, ...from('lock', 'main-switch')], 'exam');
    expect(r.competencies['problem-solving']).toBe(50);
    expect(r.competencies.language).toBe(75);
    expect(r.passed).toBe(true);
  });
});
