import { describe, expect, test } from 'vitest';
import { initialState, replay, score, step, type EngineState, type Feedback, type SessionEvent } from '../../src/engine';
import { ev, lab, labIdeal } from './helpers';

const sc = lab();

function live(events: readonly SessionEvent[], mode: 'practice' | 'exam' = 'practice'): { state: EngineState; feedback: Feedback[] } {
  let state = initialState(sc, mode);
  const feedback: Feedback[] = [];
  for (const e of events) {
    const r = step(sc, state, e);
    state = r.state;
    feedback.push(...r.feedback);
  }
  return { state, feedback };
}

describe('practice goes on from a critical rule\'s safe state (docs/scoring.md)', () => {
  // The lab's critical rule no-glasses: safe state { resumeAt: 'glasses', machines: { saw: 'stopped' } }.
  const upToStart = labIdeal.slice(0, 3); // glasses, dial, start
  const unsafe = [...upToStart, ev(3500, 'remove', 'glasses'), ev(3600, 'press', 'stop'), ev(3700, 'press', 'start')];

  test('the machine stops at once and the resumed step and everything after it are undone', () => {
    const { state } = live(unsafe);
    expect(state.halted).toEqual({ t: 3700, rules: ['no-glasses'], resumeAt: 'glasses' });
    expect(state.machines.saw).toEqual({ state: 'stopped', since: 3700 });
    // glasses, dial and start depend on glasses: all undone; the trainee starts again from the glasses.
    expect(state.steps.filter((p) => p.done)).toEqual([]);
    expect(state.completed).toEqual([]);
    expect(state.available).toEqual(['glasses']);
    // The earlier mistakes stay on record.
    expect(state.mistakes.length).toBeGreaterThan(0);
  });

  test('continue, then the work again: every step done, still failed, never toward mastery; the record has the continuation', () => {
    const log = [...unsafe, ev(9000, 'continue', 'no-glasses'), ...labIdeal.map((e) => ({ ...e, t: e.t + 10000 }))];
    const r = score(sc, log, 'practice');
    expect(r.steps.every((s) => s.done)).toBe(true);
    expect(r).toMatchObject({ ended: true, passed: false, failedByCritical: true, countsForMastery: false });
    expect(r.total).toBeLessThan(sc.passScore);
    expect(r.continuations).toEqual([{ rule: 'no-glasses', rules: ['no-glasses'], stoppedAt: 3700, continuedAt: 9000, resumeAt: 'glasses' }]);
    // The server's re-scoring of the same log gives the very same result as the live play.
    expect(score(sc, JSON.parse(JSON.stringify(log)) as SessionEvent[], 'practice')).toEqual(r);
    expect(replay(sc, log, 'practice')).toEqual(live(log).state);
    // The resumed step's clock starts at the continuation, not while the explanation was read.
    expect(r.steps.find((s) => s.id === 'glasses')!.durationMs).toBe(11000 - 9000);
  });

  test('while halted every other event is ignored and costs nothing; a second continue is an ordinary wrong action', () => {
    const halted = live(unsafe).state;
    const ignored = live([...unsafe, ev(4000, 'wear', 'glasses'), ev(4100, 'hint', 'glasses'), ev(4200, 'press', 'start')]).state;
    expect(ignored).toEqual(halted);
    const twice = live([...unsafe, ev(5000, 'continue', 'no-glasses'), ev(5100, 'continue', 'no-glasses')]);
    expect(twice.state.continuations).toHaveLength(1);
    expect(twice.feedback.at(-1)).toMatchObject({ kind: 'wrong-action', action: 'continue' });
  });

  test('a clean attempt counts toward mastery; an attempt left while halted does not', () => {
    expect(score(sc, labIdeal, 'practice')).toMatchObject({ passed: true, countsForMastery: true, continuations: [] });
    expect(score(sc, unsafe, 'practice')).toMatchObject({ ended: false, passed: false, countsForMastery: false, continuations: [] });
  });

  test('the exam keeps its hard stop: no halt, continue does nothing', () => {
    const { state, feedback } = live([...unsafe, ev(9000, 'continue', 'no-glasses'), ...labIdeal.map((e) => ({ ...e, t: e.t + 10000 }))], 'exam');
    expect(feedback).toEqual([]);
    expect(state).toMatchObject({ ended: true, halted: null, continuations: [], failedByCritical: true });
    expect(state.steps.find((p) => p.id === 'glasses')!.done).toBe(true);
    expect(state.steps.find((p) => p.id === 'clean')!.done).toBe(false);
  });

  test('practice feedback: stopped names where it goes on; continued names the step', () => {
    const { feedback } = live([...unsafe, ev(9000, 'continue', 'no-glasses')]);
    expect(feedback.filter((f) => f.kind === 'stopped' || f.kind === 'continued')).toEqual([
      { kind: 'stopped', rule: 'no-glasses', key: 'lab:rules.no-glasses', t: 3700, resumeAt: 'glasses' },
      { kind: 'continued', rule: 'no-glasses', step: 'glasses', key: 'feedback:continued', t: 9000 },
    ]);
  });
});
