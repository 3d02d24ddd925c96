/** A headset's progress message for the sample station (wood intro workbench, 3 steps). */
export function progress(attemptId: string, overrides: Record<string, unknown> = {}) {
  return {
    v: 1,
    attemptId,
    seq: 1,
    scenarioId: 'wood-intro-workbench',
    mode: 'practice',
    device: 'desktop',
    language: 'nl',
    elapsedMs: 4000,
    step: { id: 'start-drill', onStepMs: 1500 },
    stepsDone: 1,
    stepsTotal: 3,
    mistakes: 0,
    violations: 0,
    critical: 0,
    hints: 0,
    stuck: false,
    helpAsked: 0,
    helpAnswered: 0,
    finished: null,
    ...overrides,
  };
}
