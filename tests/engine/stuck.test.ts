import { describe, expect, test } from 'vitest';
import { initialState, step, type EngineState, type Scenario, type SessionEvent } from '../../src/engine';
import { isStuck, stuckRule } from '../../src/engine/stuck';
import { ev, labInput, parsed } from './helpers';

const play = (scenario: Scenario, events: SessionEvent[]): EngineState => events.reduce((s, e) => step(scenario, s, e).state, initialState(scenario, 'practice'));

describe('stuck, as the engine defines it', () => {
  const lab = parsed(labInput());

  test('three wrong actions on the step the trainee is on', () => {
    // Grabbing the product does nothing useful at the start: a mistake on the step that is due (the glasses).
    const wrong = (n: number) => Array.from({ length: n }, (_, i) => ev(1000 + i * 100, 'grab', 'product'));
    const two = play(lab, wrong(stuckRule.mistakes - 1));
    const three = play(lab, wrong(stuckRule.mistakes));
    const due = three.available[0];
    expect(three.steps.find((s) => s.id === due)!.mistakes).toBe(stuckRule.mistakes);
    expect(isStuck(two, due, 2000)).toBe(false);
    expect(isStuck(three, due, 2000)).toBe(true);
  });

  test('two minutes on a step; not on a step done, nor after the end', () => {
    const start = initialState(lab, 'practice');
    const first = start.available[0];
    expect(isStuck(start, first, stuckRule.onStepMs - 1)).toBe(false);
    expect(isStuck(start, first, stuckRule.onStepMs)).toBe(true);
    const worn = play(lab, [ev(1000, 'wear', 'glasses')]);
    expect(isStuck(worn, 'glasses', 10 * stuckRule.onStepMs)).toBe(false);
    expect(isStuck(worn, undefined, 10 * stuckRule.onStepMs)).toBe(false);
    expect(isStuck({ ...worn, ended: true }, worn.available[0], 10 * stuckRule.onStepMs)).toBe(false);
  });
});
