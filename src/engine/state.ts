import type { Scenario } from './schema';
import { compiled } from './compile';
import type { EngineState, Mode } from './types';

/** The state before the first event: root steps are available from t = 0, machines in their initial state. */
export function initialState(scenario: Scenario, mode: Mode): EngineState {
  const c = compiled(scenario);
  const s: EngineState = {
    mode,
    t: 0,
    completed: [],
    available: [],
    steps: scenario.steps.map((st) => ({ id: st.id, done: false, doneAt: null, availableAt: null, mistakes: 0, hints: 0, openSince: null })),
    machines: {},
    wearing: [],
    inside: [],
    armed: [],
    mistakes: [],
    violations: [],
    hints: {},
    stepTime: {},
    ended: false,
    failed: false,
    failedByCritical: false,
    halted: null,
    continuations: [],
  };
  for (const m of scenario.machines) s.machines[m.id] = { state: m.initial, since: 0 };
  refreshAvailable(c.prereqs, s, 0);
  return s;
}

/**
 * A copy deep enough that applying an event to it never touches the original. `step()` copies once
 * per event; `score()` does not copy at all. Entries of the append-only lists (completed, mistakes,
 * violations) are never changed once appended, so the lists are copied but their entries shared:
 * a long session's copy stays cheap.
 */
export function cloneState(s: EngineState): EngineState {
  const machines: EngineState['machines'] = {};
  for (const k in s.machines) {
    const m = s.machines[k]!;
    machines[k] = { state: m.state, since: m.since };
  }
  return {
    mode: s.mode,
    t: s.t,
    completed: s.completed.slice(),
    available: s.available.slice(),
    steps: s.steps.map((p) => ({ ...p })),
    machines,
    wearing: s.wearing.slice(),
    inside: s.inside.slice(),
    armed: s.armed.slice(),
    mistakes: s.mistakes.slice(),
    violations: s.violations.slice(),
    hints: { ...s.hints },
    stepTime: { ...s.stepTime },
    ended: s.ended,
    failed: s.failed,
    failedByCritical: s.failedByCritical,
    halted: s.halted,
    continuations: s.continuations.slice(),
  };
}

export function prereqsMet(prereqs: readonly number[], s: EngineState): boolean {
  for (const p of prereqs) if (s.steps[p]?.done !== true) return false;
  return true;
}

/** Recomputed only when a step completes (rare), so per-event cost stays flat. */
export function refreshAvailable(prereqs: readonly (readonly number[])[], s: EngineState, t: number): void {
  const available: string[] = [];
  for (let i = 0; i < s.steps.length; i++) {
    const p = s.steps[i]!;
    if (p.done || !prereqsMet(prereqs[i]!, s)) continue;
    if (p.availableAt === null) p.availableAt = t;
    available.push(p.id);
  }
  s.available = available;
}
