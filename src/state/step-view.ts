import type { EngineState, Scenario } from '../engine';

export interface StepView {
  stepId: string;
  objectId: string;
  instructionKey: string;
  hintKey: string | undefined;
  /** The Dutch word for the object of this step — vocabulary is trained inside the task. */
  dutchTerm: string | undefined;
  /** The step's picture (a path under assets/), for the panel's pictogram slot. */
  pictogram: string | undefined;
}

/** What the trainee should do next: the first step the engine says is available. */
export function currentStepView(scenario: Scenario, engine: EngineState): StepView | null {
  const nextId = engine.available[0];
  if (nextId === undefined) return null;
  const step = scenario.steps.find((s) => s.id === nextId);
  if (!step) return null;
  const object = scenario.objects.find((o) => o.id === step.object);
  return {
    stepId: step.id,
    objectId: step.object,
    instructionKey: step.instruction,
    hintKey: step.hint,
    dutchTerm: object?.term,
    pictogram: step.pictogram ?? object?.pictogram,
  };
}
