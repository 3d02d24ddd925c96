import type { Device } from '../engine';
// Not through the engine's index: that index is in the first frame's chunk, and re-exporting a
// function only this late chunk uses made the bundler split the first chunk to break the cycle
// (1.3 KB gzip more before the first VR frame, over its budget).
import { isStuck } from '../engine/stuck';
import type { ProgressBody } from '../shared/live-progress';
import type { HelpRequestState } from './help-request';
import type { SessionState } from './session-store';
import { nextStepId } from './next-step';

export type ProgressSnapshot = ProgressBody;

/**
 * What the trainer's tile shows of a live attempt now, from the session and the call for help;
 * null when no attempt is under way. Times are measured at `now` (the session's clock).
 */
export function progressSnapshot(s: SessionState, help: HelpRequestState, now: number, device: Device): ProgressSnapshot | null {
  if (!s.scenario || !s.engine || !s.sessionId || s.status === 'idle') return null;
  const e = s.engine;
  const elapsedMs = Math.max(0, Math.round((s.endedAt ?? now) - s.startedAt));
  const stepId = s.status === 'playing' ? nextStepId(s.scenario, e) : undefined;
  const progress = stepId === undefined ? undefined : e.steps.find((p) => p.id === stepId);
  return {
    attemptId: s.sessionId,
    scenarioId: s.scenario.id,
    mode: s.mode,
    device: s.events.at(-1)?.device ?? device,
    language: s.language,
    elapsedMs,
    step: stepId === undefined ? null : { id: stepId, onStepMs: Math.max(0, elapsedMs - (progress?.availableAt ?? 0)) },
    stepsDone: e.completed.length,
    stepsTotal: s.scenario.steps.length,
    mistakes: e.mistakes.length,
    violations: e.violations.length,
    critical: e.violations.filter((v) => v.critical).length,
    hints: Object.values(e.hints).reduce((a, b) => a + b, 0),
    stuck: isStuck(e, stepId, elapsedMs),
    helpAsked: help.asked,
    helpAnswered: help.answered,
    finished: s.status === 'ended' && s.result ? { score: s.result.total, passed: s.result.passed } : null,
  };
}
