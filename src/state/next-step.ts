import type { EngineState, Scenario } from '../engine';

/**
 * The step the trainee is shown next. The engine lists every step that can be done now in file
 * order; after a step done in another allowed order, the instruction follows the trainee's own
 * thread (a step that step just opened up) instead of going back to an older one. After going on
 * from a critical rule's safe state, it is the step practice resumes at.
 */
export function nextStepId(scenario: Scenario, engine: EngineState): string | undefined {
  const available = engine.available;
  if (available.length <= 1) return available[0];
  const lastDone = engine.completed[engine.completed.length - 1];
  const lastGoOn = engine.continuations[engine.continuations.length - 1];
  if (lastGoOn && (!lastDone || lastDone.t <= lastGoOn.continuedAt) && available.includes(lastGoOn.resumeAt)) return lastGoOn.resumeAt;
  if (lastDone) {
    const opened = available.find((id) => scenario.steps.find((s) => s.id === id)?.after.includes(lastDone.id));
    if (opened !== undefined) return opened;
  }
  return available[0];
}

/**
 * The step to do first before `stepId` can be done: its first prerequisite not done yet, followed
 * down to one that can be done now (the trainee is told what to do, not what is missing further up).
 */
export function stepToDoFirst(scenario: Scenario, engine: EngineState, stepId: string): string | undefined {
  const done = new Set(engine.completed.map((c) => c.id));
  const seen = new Set<string>();
  let current = stepId;
  for (;;) {
    if (seen.has(current)) return undefined;
    seen.add(current);
    const st = scenario.steps.find((s) => s.id === current);
    const missing = st?.after.find((a) => !done.has(a));
    if (missing === undefined) return current === stepId ? undefined : current;
    if (engine.available.includes(missing)) return missing;
    current = missing;
  }
}
