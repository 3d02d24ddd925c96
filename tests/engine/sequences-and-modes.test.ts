import { describe, expect, test } from 'vitest';
import { initialState, replay, score, step } from '../../src/engine';
import { ev, lab, labIdeal } from './helpers';

const sc = lab();

describe('sequence rules', () => {
  test('first, then, with no reset in between is a violation', () => {
    const s = replay(sc, [ev(100, 'grab', 'face'), ev(200, 'grab', 'product')], 'practice');
    expect(s.violations).toEqual([{ t: 200, rule: 'face-then-product', severity: 'major', critical: false, penalty: 15, competency: 'safety' }]);
  });

  test('a reset in between (leaving the sink) disarms it', () => {
    const s = replay(sc, [ev(100, 'grab', 'face'), ev(150, 'enter', 'sink'), ev(160, 'exit', 'sink'), ev(200, 'grab', 'product')], 'practice');
    expect(s.violations).toEqual([]);
    expect(s.armed).toEqual([]);
  });

  test('then without first is fine; each touch while armed counts again', () => {
    expect(replay(sc, [ev(100, 'grab', 'product')], 'practice').violations).toEqual([]);
    const twice = replay(sc, [ev(100, 'grab', 'face'), ev(200, 'grab', 'product'), ev(300, 'grab', 'product')], 'practice');
    expect(twice.violations.map((v) => v.t)).toEqual([200, 300]);
  });
});

describe('modes', () => {
  test('exam: no feedback during the attempt, but mistakes are recorded for the end', () => {
    let s = initialState(sc, 'exam');
    const out = step(sc, s, ev(100, 'set', 'dial', 50));
    expect(out.feedback).toEqual([]);
    s = out.state;
    expect(s.mistakes).toEqual([{ t: 100, kind: 'wrong-order', step: 'dial', action: 'set', object: 'dial' }]);
    expect(score(sc, [ev(100, 'set', 'dial', 50)], 'exam').mistakes).toHaveLength(1);
  });

  test('exam: hints are refused and cost nothing', () => {
    const s = replay(sc, [ev(100, 'hint', 'glasses'), ...labIdeal], 'exam');
    expect(s.hints).toEqual({});
    expect(score(sc, [ev(100, 'hint', 'glasses'), ...labIdeal], 'exam').total).toBe(100);
    expect(score(sc, [ev(100, 'hint', 'glasses'), ...labIdeal], 'practice').total).toBeLessThan(100);
  });

  test('exam: a critical violation ends and fails the attempt', () => {
    const r = score(sc, [ev(100, 'press', 'start'), ...labIdeal], 'exam');
    expect(r).toMatchObject({ ended: true, failedByCritical: true, passed: false });
    expect(r.steps.every((s) => !s.done)).toBe(true);
  });

  test('practice: a critical violation halts the attempt at its safe state; later events are ignored until "continue"', () => {
    const stopped = replay(sc, [ev(100, 'press', 'start')], 'practice');
    expect(stopped).toMatchObject({ ended: false, failed: true, failedByCritical: true, halted: { t: 100, rules: ['no-glasses'], resumeAt: 'glasses' } });
    const after = step(sc, stopped, ev(200, 'wear', 'glasses'));
    expect(after.state).toEqual(stopped);
    expect(after.feedback).toEqual([]);
    const went = step(sc, stopped, ev(300, 'continue', 'no-glasses'));
    expect(went.state.halted).toBeNull();
    expect(went.feedback).toEqual([{ kind: 'continued', rule: 'no-glasses', step: 'glasses', key: 'feedback:continued', t: 300 }]);
  });

  test('a non-critical violation neither ends nor fails', () => {
    const r = score(sc, [ev(50, 'grab', 'face'), ev(60, 'grab', 'product'), ...labIdeal], 'exam');
    expect(r).toMatchObject({ ended: true, failedByCritical: false, total: 85, passed: true });
  });

  test('both modes give the ideal path 100', () => {
    expect(score(sc, labIdeal, 'practice')).toMatchObject({ total: 100, passed: true, ended: true });
    expect(score(sc, labIdeal, 'exam')).toMatchObject({ total: 100, passed: true, ended: true });
  });
});
