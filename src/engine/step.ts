import type { Scenario } from './schema';
import { applyEvent } from './apply-event';
import { compiled } from './compile';
import { cloneState } from './state';
import type { EngineState, Feedback, SessionEvent } from './types';

/**
 * One event, live. Pure: the input state is copied, never changed. In exam mode the trainee gets
 * no feedback until the end, so the list is always empty; the mistakes are in the state and result.
 */
export function step(scenario: Scenario, state: EngineState, event: SessionEvent): { state: EngineState; feedback: Feedback[] } {
  if (state.ended) return { state, feedback: [] };
  const next = cloneState(state);
  const feedback: Feedback[] = [];
  applyEvent(scenario, compiled(scenario), next, event, next.mode === 'practice' ? feedback : null);
  return { state: next, feedback };
}
