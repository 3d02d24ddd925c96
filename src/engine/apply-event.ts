import type { Scenario } from './schema';
import type { Compiled, CompiledRule, EventTargets } from './compile';
import { advanceMachines, fireTransitions } from './machines';
import { prereqsMet, refreshAvailable } from './state';
import { attemptStep, endHold, startHold } from './step-attempt';
import type { EngineState, Feedback, SessionEvent } from './types';

/**
 * The one place an event changes state. It mutates `s` in place: `step()` hands it a fresh copy,
 * `score()` one copy for the whole replay, so live and replayed results run the very same code.
 * `out` is null when nobody will read feedback (replay, exam mode): no feedback objects are built.
 */
export function applyEvent(scenario: Scenario, c: Compiled, s: EngineState, e: SessionEvent, out: Feedback[] | null): void {
  if (s.ended) return;
  if (s.halted) {
    // The machine is stopped and the trainee reads why: only "go on" counts, and nothing is charged meanwhile.
    if (e.action === 'continue') goOn(c, s, e.t > s.t ? e.t : s.t, out);
    return;
  }
  // A clock that runs backwards (a bad upload) must not rewind machines or step timers.
  const t = e.t > s.t ? e.t : s.t;
  s.t = t;
  advanceMachines(c, s, t);

  if (e.action === 'hint') {
    hint(scenario, c, s, e.object, t, out);
    return;
  }

  const tg = c.byEvent.get(e.action)?.get(e.object);
  let matched = false;
  let critical: CompiledRule[] | null = null;
  if (tg) {
    // Rules and sequences judge the situation the trainee acted in: the state before the event.
    for (const i of tg.rules) {
      const r = c.rules[i]!;
      if (r.value !== undefined && r.value !== e.value) continue;
      if (!r.when(s)) continue;
      violate(s, r, t, out);
      matched = true;
      if (r.critical) (critical ??= []).push(r);
    }
    for (const i of tg.seqThen) {
      const r = c.sequences[i]!;
      if (!s.armed.includes(r.id)) continue;
      violate(s, r, t, out);
      matched = true;
      if (r.critical) (critical ??= []).push(r);
    }
    matched = sequences(c, s, tg) || matched;
    matched = steps(scenario, c, s, tg, e, t, out) || matched;
    matched = fireTransitions(tg.transitions, s, t) || matched;
  }
  matched = track(s, e) || matched;

  if (critical) {
    const first = critical[0]!;
    s.failed = true;
    s.failedByCritical = true;
    if (s.mode === 'practice' && first.safe) {
      halt(c, s, critical, first.safe.resumeAt, t);
      out?.push({ kind: 'stopped', rule: first.id, key: first.key, t, resumeAt: first.safe.resumeAt });
      return;
    }
    // The exam (and a rule without a safe state) keeps the hard stop.
    s.ended = true;
    out?.push({ kind: 'stopped', rule: first.id, key: first.key, t, resumeAt: null });
    return;
  }
  if (!matched) wrongAction(c, s, e, t, out);
  if (s.completed.length === s.steps.length) {
    s.ended = true;
    out?.push({ kind: 'all-done', key: 'feedback:all-done', t });
  }
}

/**
 * Practice after a critical rule: the machine stops and the station is put in the safe state of every
 * rule that fired (machines set, the resumed steps undone), at once, so what the trainee sees while
 * reading the explanation is already safe. The attempt stays failed.
 */
function halt(c: Compiled, s: EngineState, fired: readonly CompiledRule[], resumeAt: string, t: number): void {
  for (const r of fired) {
    if (!r.safe) continue;
    for (const [id, state] of r.safe.machines) s.machines[id] = { state, since: t };
    for (const i of r.safe.undo) {
      const p = s.steps[i]!;
      p.openSince = null;
      p.availableAt = null;
      if (!p.done) continue;
      p.done = false;
      p.doneAt = null;
      delete s.stepTime[p.id];
      const at = s.completed.findIndex((x) => x.id === p.id);
      if (at >= 0) s.completed.splice(at, 1);
    }
  }
  refreshAvailable(c.prereqs, s, t);
  s.halted = { t, rules: fired.map((r) => r.id), resumeAt };
}

/** `continue`: the trainee goes on from the safe state; the record keeps when and from where. */
function goOn(c: Compiled, s: EngineState, t: number, out: Feedback[] | null): void {
  const h = s.halted!;
  s.t = t;
  advanceMachines(c, s, t);
  // The undone steps' clocks start again now, not while the explanation was read.
  for (const id of s.available) {
    const p = s.steps[c.stepIndex.get(id)!]!;
    if (p.availableAt !== null && p.availableAt < t && p.availableAt >= h.t) p.availableAt = t;
  }
  s.continuations.push({ rule: h.rules[0]!, rules: h.rules, stoppedAt: h.t, continuedAt: t, resumeAt: h.resumeAt });
  s.halted = null;
  out?.push({ kind: 'continued', rule: h.rules[0]!, step: h.resumeAt, key: 'feedback:continued', t });
}

function violate(s: EngineState, r: CompiledRule, t: number, out: Feedback[] | null): void {
  s.violations.push({ t, rule: r.id, severity: r.severity, critical: r.critical, penalty: r.penalty, competency: r.competency });
  out?.push({ kind: 'rule-violated', rule: r.id, key: r.key, t, severity: r.severity, critical: r.critical });
}

function sequences(c: Compiled, s: EngineState, tg: EventTargets): boolean {
  let any = false;
  for (const i of tg.seqReset) {
    const at = s.armed.indexOf(c.sequences[i]!.id);
    if (at >= 0) s.armed.splice(at, 1);
    any = true;
  }
  for (const i of tg.seqFirst) {
    const id = c.sequences[i]!.id;
    if (!s.armed.includes(id)) s.armed.push(id);
    any = true;
  }
  return any;
}

function steps(scenario: Scenario, c: Compiled, s: EngineState, tg: EventTargets, e: SessionEvent, t: number, out: Feedback[] | null): boolean {
  if (tg.complete.length > 0 && attemptStep(scenario, c, s, tg.complete, e, t, out)) return true;
  if (tg.start.length > 0 && startHold(scenario, c, s, tg.start, e, t, out)) return true;
  if (tg.end.length > 0 && endHold(scenario, c, s, tg.end, e, t, out)) return true;
  return false;
}

/** Worn items and occupied zones: the facts rule conditions ask about. */
function track(s: EngineState, e: SessionEvent): boolean {
  switch (e.action) {
    case 'wear':
      if (!s.wearing.includes(e.object)) s.wearing.push(e.object);
      return true;
    case 'remove': {
      const i = s.wearing.indexOf(e.object);
      if (i < 0) return false;
      s.wearing.splice(i, 1);
      return true;
    }
    case 'enter':
      if (!s.inside.includes(e.object)) s.inside.push(e.object);
      return true;
    case 'exit': {
      const i = s.inside.indexOf(e.object);
      if (i < 0) return false;
      s.inside.splice(i, 1);
      return true;
    }
    default:
      return false;
  }
}

/** An action that did nothing useful counts against the step the trainee should be doing. */
function wrongAction(c: Compiled, s: EngineState, e: SessionEvent, t: number, out: Feedback[] | null): void {
  const current = s.available[0] ?? null;
  if (current !== null) s.steps[c.stepIndex.get(current)!]!.mistakes++;
  s.mistakes.push({ t, kind: 'wrong-action', step: current, action: e.action, object: e.object });
  out?.push({ kind: 'wrong-action', step: current, key: 'feedback:wrong-action', t, action: e.action, object: e.object });
}

/** Practice only: a hint for the named step (or the current one); it costs points when used. */
function hint(scenario: Scenario, c: Compiled, s: EngineState, object: string, t: number, out: Feedback[] | null): void {
  if (s.mode !== 'practice') return;
  let i = c.stepIndex.get(object);
  if (i === undefined || s.steps[i]!.done || !prereqsMet(c.prereqs[i]!, s)) {
    const current = s.available[0];
    if (current === undefined) return;
    i = c.stepIndex.get(current)!;
  }
  const st = scenario.steps[i]!;
  if (st.hint === undefined) return;
  const p = s.steps[i]!;
  p.hints++;
  s.hints[st.id] = p.hints;
  out?.push({ kind: 'hint', step: st.id, key: `${c.ns}:${st.hint}`, t });
}

