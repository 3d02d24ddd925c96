import type { TFunction } from 'i18next';
import type { EngineState, Feedback, Scenario } from '../engine';
import { formatNumber } from '../i18n/format-number';
import { stepToDoFirst } from './next-step';

/**
 * The words for one piece of engine feedback in the trainee's language. Numbers are written the
 * way the trainee's language writes them (85,5 in Dutch), and a value out of tolerance says what
 * it should have been: that is where numeracy is learned.
 */
export function feedbackText(t: TFunction, language: string, scenario: Scenario, feedback: Feedback, engine?: EngineState | null): string {
  const first = firstStep(scenario, feedback, engine);
  if (first) return t('feedback:wrong-order-named', { step: t(`${scenario.id}:${first.instruction}`), interpolation: { escapeValue: false } });
  if (feedback.kind === 'out-of-tolerance') {
    const step = scenario.steps.find((s) => s.id === feedback.step);
    const unit = step?.value?.unit ?? '';
    // Western digits as on the machine's scale and display, with the language's decimal sign.
    const number = (n: number) => formatNumber(n, language);
    return t('feedback:out-of-tolerance-values', {
      value: number(feedback.value),
      target: number(feedback.target),
      tolerance: number(feedback.tolerance),
      unit,
      interpolation: { escapeValue: false },
    });
  }
  return t(feedback.key);
}

/** Safety first: a violation outranks "well done" from the same action; hints are shown on their own. */
export function leadingFeedback(feedback: readonly Feedback[]): Feedback | undefined {
  const shown = feedback.filter((f) => f.kind !== 'hint');
  return shown.find((f) => f.kind === 'rule-violated' || f.kind === 'stopped') ?? shown[shown.length - 1];
}

/** For "not yet": the step to do first (its instruction and picture name it), when the engine state is known. */
export function firstStep(scenario: Scenario, feedback: Feedback, engine?: EngineState | null): Scenario['steps'][number] | undefined {
  if (feedback.kind !== 'wrong-order') return undefined;
  const id = (engine ? stepToDoFirst(scenario, engine, feedback.step) : undefined) ?? feedback.missing[0];
  return scenario.steps.find((s) => s.id === id);
}
