import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { initialState, parseScenario, step, type EngineState, type Mode, type Scenario, type SessionEvent } from '../../src/engine';
import { attemptReview } from '../../src/state/attempt-review';

function load(file: string): Scenario {
  const r = parseScenario(JSON.parse(readFileSync(file, 'utf8')), file);
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.scenario;
}
const ev = (t: number, action: string, object: string, value?: string | number): SessionEvent => (value === undefined ? { t, action, object, device: 'desktop' } : { t, action, object, value, device: 'desktop' });
function play(sc: Scenario, events: SessionEvent[], mode: Mode = 'practice'): EngineState {
  let s = initialState(sc, mode);
  for (const e of events) s = step(sc, s, e).state;
  return s;
}

describe('what a trainee learns from an attempt', () => {
  const saw = load('scenes/wood/panel-saw/scenario.json');
  const ideal = (JSON.parse(readFileSync('scenes/wood/panel-saw/ideal-path.json', 'utf8')) as { events: SessionEvent[] }).events.map((e) => ({ ...e, device: 'desktop' as const }));

  test('the panel saw started without safety glasses (exam): every rule that fired with the right way, the missed steps, pictures on all', () => {
    // Everything up to the start, without the glasses.
    const upTo = ideal.findIndex((e) => e.action === 'press' && e.object === 'saw-start');
    const events = [...ideal.slice(0, upTo).filter((e) => e.object !== 'safety-glasses'), ideal[upTo]!];
    const review = attemptReview(saw, play(saw, events, 'exam'));
    const rule = review.problems.find((p) => p.kind === 'rule' && p.id === 'start-without-glasses')!;
    expect(rule).toEqual({
      kind: 'rule',
      id: 'start-without-glasses',
      critical: true,
      textKey: 'wood-panel-saw:rules.start-without-glasses',
      rightKey: 'wood-panel-saw:steps.wear-glasses.instruction',
      pictogram: saw.steps.find((s) => s.id === 'wear-glasses')!.pictogram,
    });
    expect(review.problems.filter((p) => p.kind === 'missed').map((p) => p.id)).toEqual(['wear-glasses']);
    expect(review.problems.every((p) => typeof p.pictogram === 'string' && p.pictogram.length > 0)).toBe(true);
    // Critical rules first, and first among the things to practise next.
    expect(review.problems[0]).toMatchObject({ kind: 'rule', critical: true });
    expect(review.practiseNext[0]).toMatchObject({ kind: 'rule', id: 'start-without-glasses' });
    expect(review.practiseNext.length).toBeLessThanOrEqual(2);
    // What went well: the steps done at once.
    expect(review.wentWellCount).toBeGreaterThan(5);
    expect(review.wentWell).toHaveLength(3);
  });

  test('a step done wrong (a value out of tolerance) is named with its instruction; a clean attempt has nothing to practise', () => {
    const bench = load('scenes/wood/intro-workbench/scenario.json');
    const wrong = attemptReview(bench, play(bench, [ev(500, 'press', 'stop-button'), ev(1000, 'wear', 'safety-glasses'), ev(2000, 'press', 'start-button'), ev(3000, 'press', 'stop-button')]));
    expect(wrong.problems).toEqual([expect.objectContaining({ kind: 'wrong', id: 'stop-drill', textKey: 'wood-intro-workbench:steps.stop-drill.instruction' })]);
    expect(wrong.practiseNext.map((p) => p.id)).toEqual(['stop-drill']);
    expect(wrong.wentWellCount).toBe(2);
    const clean = attemptReview(bench, play(bench, [ev(1000, 'wear', 'safety-glasses'), ev(2000, 'press', 'start-button'), ev(3000, 'press', 'stop-button')]));
    expect(clean).toMatchObject({ problems: [], practiseNext: [], wentWellCount: 3 });
  });
});
