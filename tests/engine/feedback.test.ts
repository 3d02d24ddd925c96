import { describe, expect, test } from 'vitest';
import { initialState, step, type EngineState, type Feedback, type SessionEvent } from '../../src/engine';
import { ev, lab, labIdeal } from './helpers';

const sc = lab();

/** Plays events live (as the app does) and returns the state plus the feedback of the last event. */
function play(events: readonly SessionEvent[], mode: 'practice' | 'exam' = 'practice'): { state: EngineState; feedback: Feedback[] } {
  let state = initialState(sc, mode);
  let feedback: Feedback[] = [];
  for (const e of events) ({ state, feedback } = step(sc, state, e));
  return { state, feedback };
}

/** The ideal path up to (not including) the event at index n. */
const upTo = (n: number) => labIdeal.slice(0, n);

describe('feedback kinds (practice mode)', () => {
  test('step-completed: the step is done, timed, and the next one becomes available', () => {
    const { state, feedback } = play([ev(1200, 'wear', 'glasses')]);
    expect(feedback).toEqual([{ kind: 'step-completed', step: 'glasses', key: 'feedback:step-completed', t: 1200 }]);
    expect(state.completed).toEqual([{ id: 'glasses', t: 1200 }]);
    expect(state.available).toEqual(['dial']);
    expect(state.stepTime.glasses).toBe(1200);
  });

  test('wrong-order names the missing prerequisites and counts a mistake on the attempted step', () => {
    const { state, feedback } = play([ev(500, 'set', 'dial', 50)]);
    expect(feedback).toEqual([{ kind: 'wrong-order', step: 'dial', key: 'feedback:wrong-order', t: 500, missing: ['glasses'] }]);
    expect(state.steps[1]).toMatchObject({ id: 'dial', done: false, mistakes: 1 });
    expect(state.mistakes).toEqual([{ t: 500, kind: 'wrong-order', step: 'dial', action: 'set', object: 'dial' }]);
  });

  test('out-of-tolerance: outside target ± tolerance is a mistake, the edge of the band counts', () => {
    const low = play([...upTo(1), ev(2000, 'set', 'dial', 47.9)]);
    expect(low.feedback).toEqual([{ kind: 'out-of-tolerance', step: 'dial', key: 'feedback:out-of-tolerance', t: 2000, value: 47.9, target: 50, tolerance: 2 }]);
    expect(low.state.available).toEqual(['dial']);
    const edge = play([...upTo(1), ev(2000, 'set', 'dial', 48)]);
    expect(edge.feedback[0]?.kind).toBe('step-completed');
    const text = play([...upTo(1), ev(2000, 'set', 'dial', 'fifty')]);
    expect(text.feedback[0]?.kind).toBe('out-of-tolerance');
  });

  test('wrong-classification carries the chosen class', () => {
    const { feedback, state } = play([...upTo(3), ev(4000, 'classify', 'piece', 'b')]);
    expect(feedback).toEqual([{ kind: 'wrong-classification', step: 'sort', key: 'feedback:wrong-classification', t: 4000, value: 'b' }]);
    expect(state.steps[3]!.mistakes).toBe(1);
  });

  test('wrong-answer; a numeric answer sent as text still counts', () => {
    expect(play([...upTo(4), ev(5000, 'answer', 'order', 5)]).feedback).toEqual([{ kind: 'wrong-answer', step: 'count', key: 'feedback:wrong-answer', t: 5000, value: 5 }]);
    expect(play([...upTo(4), ev(5000, 'answer', 'order', '4')]).feedback[0]?.kind).toBe('step-completed');
  });

  test('too-short: a hold released early is a mistake and the step stays open for a new try', () => {
    const { feedback, state } = play([...upTo(5), ev(6000, 'hold-start', 'clamp'), ev(7500, 'hold-end', 'clamp')]);
    expect(feedback).toEqual([{ kind: 'too-short', step: 'clamp', key: 'feedback:too-short', t: 7500, durationMs: 1500, minMs: 2000 }]);
    expect(state.available).toEqual(['clamp']);
    const retry = play([...upTo(5), ev(6000, 'hold-start', 'clamp'), ev(7500, 'hold-end', 'clamp'), ev(8000, 'hold-start', 'clamp'), ev(10000, 'hold-end', 'clamp')]);
    expect(retry.feedback[0]).toMatchObject({ kind: 'step-completed', step: 'clamp' });
    expect(retry.state.steps[5]!.mistakes).toBe(1);
  });

  test('too-early: the wait after a step is measured from when that step was done', () => {
    // stop at 9000, the rag needs 5000 ms; the saw is stopped by 13000 (4 s run-down).
    const early = play([...upTo(8), ev(13500, 'grab', 'rag')]);
    expect(early.feedback).toEqual([{ kind: 'too-early', step: 'clean', key: 'feedback:too-early', t: 13500, waitedMs: 4500, waitMs: 5000 }]);
    expect(play([...upTo(8), ev(14000, 'grab', 'rag')]).feedback[0]).toMatchObject({ kind: 'step-completed', step: 'clean' });
  });

  test('not-ready: the step requires a machine state that does not hold', () => {
    // Clamping before the saw runs: the saw is started only at labIdeal[2]; here it was stopped again.
    const events = [...upTo(5), ev(5500, 'press', 'stop'), ev(6000, 'hold-start', 'clamp')];
    const { feedback, state } = play(events);
    expect(state.machines.saw?.state).toBe('running-down');
    expect(feedback).toEqual([{ kind: 'not-ready', step: 'clamp', key: 'feedback:not-ready', t: 6000 }]);
  });

  test('wrong-action: an action that does nothing counts against the current step', () => {
    const { feedback, state } = play([ev(100, 'inspect', 'piece')]);
    expect(feedback).toEqual([{ kind: 'wrong-action', step: 'glasses', key: 'feedback:wrong-action', t: 100, action: 'inspect', object: 'piece' }]);
    expect(state.steps[0]!.mistakes).toBe(1);
    expect(state.machines.saw).toEqual({ state: 'stopped', since: 0 });
  });

  test('repeating a completed step is a wrong action, not a second completion', () => {
    const { feedback, state } = play([ev(100, 'wear', 'glasses'), ev(200, 'set', 'dial', 50), ev(300, 'set', 'dial', 50)]);
    expect(feedback[0]).toMatchObject({ kind: 'wrong-action', step: 'start' });
    expect(state.completed.map((c) => c.id)).toEqual(['glasses', 'dial']);
  });

  test('rule-violated (non-critical): penalty recorded, the attempt goes on', () => {
    const { feedback, state } = play([...upTo(3), ev(3500, 'enter', 'blade-zone')]);
    expect(feedback).toEqual([{ kind: 'rule-violated', rule: 'hand-in-blade', key: 'lab:rules.hand-in-blade', t: 3500, severity: 'major', critical: false }]);
    expect(state.violations).toEqual([{ t: 3500, rule: 'hand-in-blade', severity: 'major', critical: false, penalty: 15, competency: 'safety' }]);
    expect(state.ended).toBe(false);
    expect(state.inside).toEqual(['blade-zone']);
  });

  test('rule-violated (critical) + stopped: practice halts at the safe state with the explanation; the action still counts as an attempt', () => {
    const { feedback, state } = play([ev(1000, 'set', 'dial', 50), ev(1500, 'press', 'start')]);
    expect(feedback).toEqual([
      { kind: 'rule-violated', rule: 'no-glasses', key: 'lab:rules.no-glasses', t: 1500, severity: 'critical', critical: true },
      { kind: 'wrong-order', step: 'start', key: 'feedback:wrong-order', t: 1500, missing: ['dial'] },
      { kind: 'stopped', rule: 'no-glasses', key: 'lab:rules.no-glasses', t: 1500, resumeAt: 'glasses' },
    ]);
    expect(state).toMatchObject({ ended: false, failed: true, failedByCritical: true, halted: { t: 1500, rules: ['no-glasses'], resumeAt: 'glasses' } });
    expect(state.machines.saw).toEqual({ state: 'stopped', since: 1500 });
  });

  test('hint: the named step, or the current one; each use is counted', () => {
    const one = play([ev(100, 'hint', 'glasses')]);
    expect(one.feedback).toEqual([{ kind: 'hint', step: 'glasses', key: 'lab:hints.glasses', t: 100 }]);
    const other = play([ev(100, 'hint', 'no-such-step'), ev(200, 'hint', 'clean')]);
    // 'clean' is not available yet: the hint is for what the trainee should do now.
    expect(other.feedback).toEqual([{ kind: 'hint', step: 'glasses', key: 'lab:hints.glasses', t: 200 }]);
    expect(other.state.hints).toEqual({ glasses: 2 });
    expect(other.state.steps[0]!.hints).toBe(2);
  });

  test('all-done comes with the last step, and the session has ended', () => {
    const { feedback, state } = play(labIdeal);
    expect(feedback.map((f) => f.kind)).toEqual(['step-completed', 'all-done']);
    expect(state).toMatchObject({ ended: true, failed: false, available: [] });
    expect(state.completed.map((c) => c.id)).toEqual(['glasses', 'dial', 'start', 'sort', 'count', 'clamp', 'stop', 'wash', 'clean']);
  });
});

describe('generic feedback keys', () => {
  test('every `feedback:` key the engine emits is in the Dutch and English feedback namespace', async () => {
    const { readFileSync } = await import('node:fs');
    const kinds = ['step-completed', 'wrong-order', 'out-of-tolerance', 'too-short', 'too-early', 'not-ready', 'wrong-classification', 'wrong-answer', 'wrong-action', 'all-done'];
    for (const lng of ['nl', 'en']) {
      const ns = JSON.parse(readFileSync(`locales/${lng}/feedback.json`, 'utf8')) as Record<string, unknown>;
      for (const k of kinds) expect(typeof ns[k], `${lng} feedback:${k}`).toBe('string');
    }
  });
});
