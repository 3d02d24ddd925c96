import type { Scenario } from './schema';
import { applyEvent } from './apply-event';
import { compiled } from './compile';
import { initialState } from './state';
import { competencies, type Competency, type EngineState, type Mode, type ScoreResult, type SessionEvent, type StepScore } from './types';

/** The formula is documented in docs/scoring.md; keep the two in step. */

const clamp = (x: number) => (x < 0 ? 0 : x > 100 ? 100 : x);

export function result(scenario: Scenario, state: EngineState): ScoreResult {
  const { hintCost, mistakeCost } = scenario.scoring;
  const steps: StepScore[] = scenario.steps.map((st, i) => {
    const p = state.steps[i]!;
    const factor = 1 - hintCost * p.hints - mistakeCost * p.mistakes;
    return {
      id: st.id,
      done: p.done,
      points: st.points,
      earned: p.done && factor > 0 ? st.points * factor : 0,
      mistakes: p.mistakes,
      hints: p.hints,
      durationMs: p.done ? (state.stepTime[st.id] ?? null) : null,
      competency: st.competency,
    };
  });

  const earned = steps.reduce((sum, s) => sum + s.earned, 0);
  const max = steps.reduce((sum, s) => sum + s.points, 0);
  const allDone = steps.every((s) => s.done);
  const base = max > 0 ? (100 * earned) / max : allDone ? 100 : 0;
  const penalties = state.violations.reduce((sum, v) => sum + v.penalty, 0);
  let total = Math.round(clamp(base - penalties));
  // A critical violation fails the attempt whatever else went right; the number must not say "pass".
  if (state.failedByCritical) total = Math.max(0, Math.min(total, scenario.passScore - 1));

  const comp = {} as Record<Competency, number | null>;
  for (const k of competencies) {
    const own = steps.filter((s) => s.competency === k);
    if (own.length === 0) {
      comp[k] = null;
      continue;
    }
    const e = own.reduce((sum, s) => sum + s.earned, 0);
    const m = own.reduce((sum, s) => sum + s.points, 0);
    const b = m > 0 ? (100 * e) / m : own.every((s) => s.done) ? 100 : 0;
    const pen = state.violations.reduce((sum, v) => (v.competency === k ? sum + v.penalty : sum), 0);
    comp[k] = Math.round(clamp(b - pen));
  }

  const passed = !state.failedByCritical && total >= scenario.passScore;
  return {
    total,
    passed,
    passScore: scenario.passScore,
    steps: steps.map((s) => ({ ...s, earned: Math.round(s.earned * 100) / 100 })),
    violations: state.violations.map((v) => ({ ...v })),
    mistakes: state.mistakes.map((m) => ({ ...m })),
    competencies: comp,
    failedByCritical: state.failedByCritical,
    continuations: state.continuations.map((x) => ({ ...x, rules: x.rules.slice() })),
    countsForMastery: passed && state.continuations.length === 0 && state.halted === null,
    ended: state.ended,
    stepPoints: { earned: Math.round(earned * 100) / 100, max },
    penalties,
  };
}

/** Replay: what the server computes from an uploaded log. One state copy for the whole fold. */
export function replay(scenario: Scenario, events: readonly SessionEvent[], mode: Mode): EngineState {
  const c = compiled(scenario);
  const s = initialState(scenario, mode);
  for (const e of events) {
    if (s.ended) break;
    applyEvent(scenario, c, s, e, null);
  }
  return s;
}

export function score(scenario: Scenario, events: readonly SessionEvent[], mode: Mode): ScoreResult {
  return result(scenario, replay(scenario, events, mode));
}
