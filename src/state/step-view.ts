import type { EngineState, Scenario } from '../engine';
import { nextStepId } from './next-step';

/** The listening pictogram (an ear) a listening step shows instead of its words, on the overlay and the VR panel. */
export const listenPictogram = 'pictograms/listen.svg';

export interface StepView {
  stepId: string;
  objectId: string;
  instructionKey: string;
  hintKey: string | undefined;
  /** The Dutch word for the object of this step — vocabulary is trained inside the task. */
  dutchTerm: string | undefined;
  /** The step's picture (a path under assets/), for the panel's pictogram slot. */
  pictogram: string | undefined;
  /** A language step (scenario `listen`): the instruction is heard in Dutch only. */
  listen: boolean;
  /** Its words are kept off the screen and the panel: a listening step no hint has opened yet. */
  textHidden: boolean;
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
    listen: step.listen === true,
    // A hint (practice) may give the words away in the trainee's language; it is charged as any hint.
    textHidden: step.listen === true && (engine.hints[step.id] ?? 0) === 0,
  };
}

/**
 * A language step just done: the instruction key to show in Dutch beside its translation, so the
 * trainee learns the sentence they heard. Undefined for any other feedback.
 */
export function heardInstructionKey(scenario: Scenario, feedback: { kind: string; step?: string | null } | undefined): string | undefined {
  if (feedback?.kind !== 'step-completed' || !feedback.step) return undefined;
  const step = scenario.steps.find((s) => s.id === feedback.step);
  return step?.listen === true ? step.instruction : undefined;
}
