import type { EngineState } from './types';

/**
 * How the engine tells that a trainee is stuck: on a step while playing (the live class view's "needs
 * help"), and on a module of their learning path (the trainer's view of the group on the path).
 */
export const stuckRule = {
  /** Finished attempts in a row at a module's current version that brought no progress (no counting practice pass, no passed exam). */
  attemptsWithoutProgress: 4,
  /** Wrong actions on the step the trainee is on since it became possible. */
  mistakes: 3,
  /** Time on that step with nothing done (ms since it became possible). */
  onStepMs: 120_000,
} as const;

/**
 * True when the trainee is stuck on `stepId` at time `t` (ms since the start, the same clock as
 * the events): three wrong actions on it, or two minutes on it. Pure, like the rest of the engine:
 * the app passes the time, since "two minutes on it" grows without any event.
 */
export function isStuck(state: EngineState, stepId: string | undefined, t: number): boolean {
  if (state.ended || stepId === undefined) return false;
  const progress = state.steps.find((s) => s.id === stepId);
  if (!progress || progress.done) return false;
  if (progress.mistakes >= stuckRule.mistakes) return true;
  return progress.availableAt !== null && t - progress.availableAt >= stuckRule.onStepMs;
}
