import type { EventMatch, SafeState, Scenario } from './schema';
import { compileCondition, type CompiledCondition } from './conditions';
import type { Severity } from './types';

/**
 * Per-scenario indexes, built once and cached on the scenario object: re-scoring 10,000 events must
 * not scan the step, rule or transition arrays per event (the server re-scores every upload).
 */

export interface CompiledTransition {
  machine: string;
  from: readonly string[] | null;
  to: string;
  when: CompiledCondition;
}

export interface TimedTransition extends CompiledTransition {
  after: number;
}

/** Everything one (action, object) pair can touch. */
export interface EventTargets {
  /** Steps this event completes directly (indices, scenario order). */
  complete: number[];
  /** hold/stay steps this event starts (hold-start / enter). */
  start: number[];
  /** hold/stay steps this event ends (hold-end / exit). */
  end: number[];
  rules: number[];
  transitions: CompiledTransition[];
  seqFirst: number[];
  seqThen: number[];
  seqReset: number[];
}

export interface CompiledRule {
  id: string;
  severity: Severity;
  critical: boolean;
  penalty: number;
  competency: import('./types').Competency;
  key: string;
  /** Only events with this value trigger the rule (rules only; sequences match on action and object). */
  value: string | number | undefined;
  when: CompiledCondition;
  /** Critical rules with a safe state: where practice goes on from. */
  safe: CompiledSafeState | null;
}

export interface CompiledSafeState {
  resumeAt: string;
  /** Step indices undone: resumeAt and every step that depends on it, directly or not. */
  undo: number[];
  machines: [string, string][];
}

export interface Compiled {
  ns: string;
  stepIndex: Map<string, number>;
  prereqs: number[][];
  waitSince: (number | null)[];
  requires: CompiledCondition[];
  byEvent: Map<string, Map<string, EventTargets>>;
  rules: CompiledRule[];
  sequences: CompiledRule[];
  /** Timed transitions per machine id, shortest delay first. */
  timed: Map<string, TimedTransition[]>;
  machineIds: string[];
  totalPoints: number;
}

const defaultPenalty: Record<Severity, number> = { minor: 5, major: 15, critical: 50 };

const cache = new WeakMap<Scenario, Compiled>();

export function compiled(scenario: Scenario): Compiled {
  let c = cache.get(scenario);
  if (!c) {
    c = compile(scenario);
    cache.set(scenario, c);
  }
  return c;
}

function targets(byEvent: Compiled['byEvent'], action: string, object: string): EventTargets {
  let perObject = byEvent.get(action);
  if (!perObject) byEvent.set(action, (perObject = new Map()));
  let t = perObject.get(object);
  if (!t) perObject.set(object, (t = { complete: [], start: [], end: [], rules: [], transitions: [], seqFirst: [], seqThen: [], seqReset: [] }));
  return t;
}

function compileSafeState(scenario: Scenario, safe: SafeState, stepIndex: ReadonlyMap<string, number>): CompiledSafeState {
  const start = stepIndex.get(safe.resumeAt);
  const undo = new Set<number>(start === undefined ? [] : [start]);
  // Dependents, to a fixed point: prerequisites may point forward in the file.
  for (let grew = true; grew; ) {
    grew = false;
    scenario.steps.forEach((st, i) => {
      if (undo.has(i)) return;
      if (st.after.some((a) => undo.has(stepIndex.get(a) ?? -1))) {
        undo.add(i);
        grew = true;
      }
    });
  }
  return { resumeAt: safe.resumeAt, undo: [...undo].sort((a, b) => a - b), machines: Object.entries(safe.machines) };
}

function compile(scenario: Scenario): Compiled {
  const stepIndex = new Map(scenario.steps.map((s, i) => [s.id, i] as const));
  const byEvent: Compiled['byEvent'] = new Map();
  const at = (m: EventMatch) => targets(byEvent, m.action, m.object);

  scenario.steps.forEach((s, i) => {
    if (s.action === 'hold') {
      targets(byEvent, 'hold-start', s.object).start.push(i);
      targets(byEvent, 'hold-end', s.object).end.push(i);
    } else if (s.action === 'stay') {
      targets(byEvent, 'enter', s.object).start.push(i);
      targets(byEvent, 'exit', s.object).end.push(i);
    } else {
      targets(byEvent, s.action, s.object).complete.push(i);
    }
  });

  const toRule = (r: Scenario['rules'][number] | Scenario['sequences'][number]): CompiledRule => ({
    id: r.id,
    severity: r.severity,
    critical: r.severity === 'critical',
    penalty: r.penalty ?? defaultPenalty[r.severity],
    competency: r.competency,
    key: `${scenario.id}:${r.message}`,
    value: 'on' in r ? r.on.value : undefined,
    when: compileCondition('when' in r ? r.when : undefined, stepIndex),
    safe: r.severity === 'critical' && r.safeState ? compileSafeState(scenario, r.safeState, stepIndex) : null,
  });
  const rules = scenario.rules.map(toRule);
  scenario.rules.forEach((r, i) => at(r.on).rules.push(i));
  const sequences = scenario.sequences.map(toRule);
  scenario.sequences.forEach((q, i) => {
    for (const m of q.first) at(m).seqFirst.push(i);
    for (const m of q.then) at(m).seqThen.push(i);
    for (const m of q.resetBy) at(m).seqReset.push(i);
  });

  const timed = new Map<string, TimedTransition[]>();
  for (const m of scenario.machines) {
    const list: TimedTransition[] = [];
    for (const tr of m.transitions) {
      const base: CompiledTransition = {
        machine: m.id,
        from: tr.from === undefined ? null : Array.isArray(tr.from) ? tr.from : [tr.from],
        to: tr.to,
        when: compileCondition(tr.when, stepIndex),
      };
      if (tr.on) at(tr.on).transitions.push(base);
      else if (tr.after !== undefined) list.push({ ...base, after: tr.after });
    }
    list.sort((a, b) => a.after - b.after);
    timed.set(m.id, list);
  }

  return {
    ns: scenario.id,
    stepIndex,
    prereqs: scenario.steps.map((s) => s.after.map((p) => stepIndex.get(p) ?? -1)),
    waitSince: scenario.steps.map((s) => (s.wait ? (stepIndex.get(s.wait.since) ?? null) : null)),
    requires: scenario.steps.map((s) => compileCondition(s.requires, stepIndex)),
    byEvent,
    rules,
    sequences,
    timed,
    machineIds: scenario.machines.map((m) => m.id),
    totalPoints: scenario.steps.reduce((sum, s) => sum + s.points, 0),
  };
}
