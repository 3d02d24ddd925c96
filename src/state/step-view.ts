import type { EngineState, Scenario } from '../engine';
import { nextStepId } from './next-step';

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

/** What the trainee should do next: one of the steps the engine says can be done now (src/app/next-step.ts). */
export function currentStepView(scenario: Scenario, engine: EngineState): StepView | null {
  const nextId = nextStepId(scenario, engine);
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
