import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { initialState, parseScenario, step, type EngineState, type Scenario, type SessionEvent } from '../../src/engine';
import { nextStepId, stepToDoFirst } from '../../src/state/next-step';

function load(file: string): Scenario {
  const r = parseScenario(JSON.parse(readFileSync(file, 'utf8')), file);
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.scenario;
}
const ev = (t: number, action: string, object: string, value?: string | number): SessionEvent => (value === undefined ? { t, action, object, device: 'desktop' } : { t, action, object, value, device: 'desktop' });
function play(sc: Scenario, events: SessionEvent[]): EngineState {
  let s = initialState(sc, 'practice');
  for (const e of events) s = step(sc, s, e).state;
  return s;
}

describe('the step shown next', () => {
  const saw = load('scenes/wood/panel-saw/scenario.json');

  test('at the start: the first step in file order', () => {
    expect(nextStepId(saw, initialState(saw, 'practice'))).toBe('read-order');
  });

  test('a step done in another allowed order: the instruction follows on from it, not back to an older step', () => {
    // Glasses and hearing protection first (allowed: they need nothing before them), the work order
    // (first in the file) left for later: the two open "lock the saw out".
    const s = play(saw, [ev(1000, 'wear', 'safety-glasses'), ev(2000, 'wear', 'hearing-protection')]);
    expect(s.available).toContain('read-order');
    expect(nextStepId(saw, s)).toBe('isolate-saw');
  });

  test('after going on from a safe state: the step practice resumes at', () => {
    const bench = load('scenes/wood/intro-workbench/scenario.json');
    const s = play(bench, [ev(1000, 'press', 'start-button'), ev(2000, 'continue', 'start-without-glasses')]);
    expect(nextStepId(bench, s)).toBe('wear-glasses');
  });

  test('"not yet": the step to do first is followed down to one that can be done now', () => {
    const bench = load('scenes/wood/intro-workbench/scenario.json');
    const s = initialState(bench, 'practice');
    // stop-drill needs start-drill, which needs the glasses: the glasses come first.
    expect(stepToDoFirst(bench, s, 'stop-drill')).toBe('wear-glasses');
    expect(stepToDoFirst(bench, s, 'start-drill')).toBe('wear-glasses');
    expect(stepToDoFirst(bench, s, 'wear-glasses')).toBeUndefined();
  });
});
