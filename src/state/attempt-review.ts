import type { Condition, EngineState, Scenario, ScenarioStep } from '../engine';

/** One thing to learn from an attempt: a rule that fired, or a step missed or done wrong. */
export interface ReviewItem {
  kind: 'rule' | 'missed' | 'wrong';
  /** Rule id or step id. */
  id: string;
  critical: boolean;
  /** What went wrong: the rule's message, or the step's instruction (`namespace:key`). */
  textKey: string;
  /** The right way, for a rule: the instruction of the step to do instead (`namespace:key`), or null. */
  rightKey: string | null;
  /** A picture for the item (path under assets/). */
  pictogram: string | undefined;
}

export interface WellDone {
  step: string;
  textKey: string;
  pictogram: string | undefined;
}

export interface AttemptReview {
  /** Critical rules first, then other rules, then steps done wrong, then steps missed. */
  problems: ReviewItem[];
  /** Steps done at once, without a mistake or a hint (at most three, in the order they were done). */
  wentWell: WellDone[];
  /** How many steps went well in all. */
  wentWellCount: number;
  /** The one or two things to practise next. */
  practiseNext: ReviewItem[];
}

const warning = 'pictograms/warning-general.svg';

/** Steps a condition asks to be done or worn: where "the right way" of a rule usually lies. */
function conditionSteps(scenario: Scenario, c: Condition | undefined, out: ScenarioStep[] = []): ScenarioStep[] {
  if (!c) return out;
  if ('done' in c) {
    const s = scenario.steps.find((x) => x.id === c.done);
    if (s) out.push(s);
  } else if ('wearing' in c) {
    const s = scenario.steps.find((x) => x.action === 'wear' && x.object === c.wearing);
    if (s) out.push(s);
  } else if ('not' in c) conditionSteps(scenario, c.not, out);
  else if ('all' in c) c.all.forEach((x) => conditionSteps(scenario, x, out));
  else if ('any' in c) c.any.forEach((x) => conditionSteps(scenario, x, out));
  return out;
}

function stepPicture(scenario: Scenario, step: ScenarioStep): string | undefined {
  return step.pictogram ?? scenario.objects.find((o) => o.id === step.object)?.pictogram;
}

/**
 * What a trainee learns from an attempt, from the scenario and the engine state alone (pure): every
 * rule that fired with the right way to do it, every step missed (it could be done, it was not) or
 * done wrong, what went well, and the one or two things to practise next.
 */
export function attemptReview(scenario: Scenario, engine: EngineState): AttemptReview {
  const ns = scenario.id;
  const stepById = new Map(scenario.steps.map((s) => [s.id, s] as const));
  const rules: ReviewItem[] = [];
  const seen = new Set<string>();
  for (const v of engine.violations) {
    if (seen.has(v.rule)) continue;
    seen.add(v.rule);
    const def = scenario.rules.find((r) => r.id === v.rule) ?? scenario.sequences.find((r) => r.id === v.rule);
    if (!def) continue;
    const right = (def.safeState ? stepById.get(def.safeState.resumeAt) : undefined) ?? conditionSteps(scenario, 'when' in def ? def.when : undefined)[0];
    const objectPicture = 'on' in def ? scenario.objects.find((o) => o.id === def.on.object)?.pictogram : undefined;
    rules.push({
      kind: 'rule',
      id: v.rule,
      critical: v.critical,
      textKey: `${ns}:${def.message}`,
      rightKey: right ? `${ns}:${right.instruction}` : null,
      pictogram: (right ? stepPicture(scenario, right) : undefined) ?? objectPicture ?? warning,
    });
  }
  rules.sort((a, b) => Number(b.critical) - Number(a.critical));

  const wrong: (ReviewItem & { mistakes: number })[] = [];
  const missed: ReviewItem[] = [];
  engine.steps.forEach((p, i) => {
    const st = scenario.steps[i]!;
    const item = { id: st.id, critical: false, textKey: `${ns}:${st.instruction}`, rightKey: null, pictogram: stepPicture(scenario, st) };
    if (!p.done && engine.available.includes(p.id)) missed.push({ ...item, kind: 'missed' });
    else if (p.mistakes > 0) wrong.push({ ...item, kind: 'wrong', mistakes: p.mistakes });
  });

  const wentWellSteps = engine.completed
    .map((c) => engine.steps.find((p) => p.id === c.id)!)
    .filter((p) => p.done && p.mistakes === 0 && p.hints === 0);
  const wentWell = wentWellSteps.slice(0, 3).map((p) => {
    const st = stepById.get(p.id)!;
    return { step: st.id, textKey: `${ns}:${st.instruction}`, pictogram: stepPicture(scenario, st) };
  });

  const strip = ({ mistakes: _m, ...item }: ReviewItem & { mistakes: number }): ReviewItem => item;
  const byMistakes = [...wrong].sort((a, b) => b.mistakes - a.mistakes).map(strip);
  const practiseNext = [...rules.filter((r) => r.critical), ...byMistakes, ...rules.filter((r) => !r.critical), ...missed].slice(0, 2);

  return { problems: [...rules, ...wrong.map(strip), ...missed], wentWell, wentWellCount: wentWellSteps.length, practiseNext };
}
