import { describe, expect, test } from 'vitest';
import { result, score, initialState } from '../../src/engine';
import { ev, lab, labIdeal, labInput, parsed } from './helpers';

const sc = lab();
// The lab has 9 steps of 10 points: 90 points in all.

describe('scoring formula (docs/scoring.md)', () => {
  test('a hint costs a quarter of its step: 100·(90 − 2.5)/90 = 97.2 → 97', () => {
    const r = score(sc, [ev(10, 'hint', 'glasses'), ...labIdeal], 'practice');
    expect(r.total).toBe(97);
    expect(r.steps[0]).toMatchObject({ id: 'glasses', hints: 1, earned: 7.5, points: 10 });
    expect(r.stepPoints).toEqual({ earned: 87.5, max: 90 });
  });

  test('mistakes cost a quarter each and a step never goes below zero', () => {
    const wrong = [1, 2, 3, 4, 5].map((i) => ev(1000 + i, 'set', 'dial', 10));
    const events = [labIdeal[0]!, ...wrong, ...labIdeal.slice(1)];
    const r = score(sc, events, 'practice');
    expect(r.steps[1]).toMatchObject({ id: 'dial', mistakes: 5, earned: 0, done: true });
    expect(r.total).toBe(89); // 80/90
    expect(r.competencies.numeracy).toBe(0);
  });

  test('rule penalties come off the total and off the rule\'s competency', () => {
    const r = score(sc, [ev(10, 'enter', 'blade-zone'), ...labIdeal], 'practice');
    expect(r.penalties).toBe(2);
    expect(r.total).toBe(98);
    expect(r.competencies).toEqual({ safety: 100, quality: 98, numeracy: 100, language: null, 'problem-solving': null, procedure: 100 });
  });

  test('the total is clamped at 0 and is always an integer', () => {
    const many = Array.from({ length: 30 }, (_, i) => ev(10 + i, 'enter', 'blade-zone'));
    const r = score(sc, [...labIdeal.slice(0, 3), ...many.map((e, i) => ({ ...e, t: 3100 + i }))], 'practice');
    expect(r.total).toBe(0);
    expect(Number.isInteger(score(sc, labIdeal.slice(0, 4), 'practice').total)).toBe(true);
  });

  test('an unfinished attempt scores its done steps only', () => {
    const r = score(sc, labIdeal.slice(0, 3), 'practice');
    expect(r).toMatchObject({ total: 33, ended: false, passed: false }); // 30/90
  });

  test('a critical violation caps the total below the pass score', () => {
    const input = labInput();
    // Critical with no penalty and the steps already done: without the cap this would read 100.
    input.rules = [{ id: 'late-critical', on: { action: 'inspect', object: 'piece' }, severity: 'critical', penalty: 0, message: 'rules.no-glasses', safeState: { resumeAt: 'clean' } }];
    const m = parsed(input);
    const r = score(m, [...labIdeal.slice(0, -1), ev(14500, 'inspect', 'piece'), labIdeal.at(-1)!], 'practice');
    expect(r).toMatchObject({ failedByCritical: true, passed: false, total: 69, passScore: 70 });
  });

  test('pass threshold: passed exactly at passScore', () => {
    const input = labInput();
    input.passScore = 97;
    const m = parsed(input);
    expect(score(m, [ev(10, 'hint', 'glasses'), ...labIdeal], 'practice')).toMatchObject({ total: 97, passed: true });
    expect(score(m, [ev(10, 'hint', 'glasses'), ev(11, 'hint', 'glasses'), ...labIdeal], 'practice')).toMatchObject({ total: 94, passed: false });
  });

  test('hintCost and mistakeCost are per scenario', () => {
    const input = labInput();
    input.scoring = { hintCost: 0, mistakeCost: 1 };
    const m = parsed(input);
    expect(score(m, [ev(10, 'hint', 'glasses'), ...labIdeal], 'practice').total).toBe(100);
    expect(score(m, [ev(10, 'inspect', 'piece'), ...labIdeal], 'practice').total).toBe(89);
  });

  test('competencies are null when the scenario has no step of that competency', () => {
    const r = result(sc, initialState(sc, 'practice'));
    expect(r.competencies).toEqual({ safety: 0, quality: 0, numeracy: 0, language: null, 'problem-solving': null, procedure: 0 });
    expect(r.total).toBe(0);
  });

  test('zero-point steps: all done reads 100, nothing done reads 0', () => {
    const input = labInput();
    input.steps = input.steps.map((s) => ({ ...s, points: 0 }));
    const m = parsed(input);
    expect(score(m, labIdeal, 'practice').total).toBe(100);
    expect(score(m, [], 'practice').total).toBe(0);
  });
});

describe('the worked example in docs/scoring.md', () => {
  test('matches the engine', async () => {
    const { readFileSync } = await import('node:fs');
    const file = 'scenes/wood/intro-workbench/scenario.json';
    const wb = parsed(JSON.parse(readFileSync(file, 'utf8')), file);
    const wear = ev(1, 'wear', 'safety-glasses');
    const start = ev(2, 'press', 'start-button');
    const stop = ev(3, 'press', 'stop-button');
    expect(score(wb, [wear, start, stop], 'practice').total).toBe(100);
    expect(score(wb, [ev(0, 'hint', 'wear-glasses'), wear, start, stop], 'practice').total).toBe(92);
    expect(score(wb, [ev(0, 'press', 'stop-button'), wear, start, stop], 'practice').total).toBe(92);
    expect(score(wb, [ev(0, 'press', 'start-button'), wear, start, stop], 'practice')).toMatchObject({ total: 0, passed: false, failedByCritical: true });
  });
});
