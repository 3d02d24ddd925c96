import type { Scenario } from './schema';
import type { Compiled } from './compile';
import { prereqsMet, refreshAvailable } from './state';
import type { EngineState, Feedback, MistakeKind, SessionEvent } from './types';

/**
 * Step matching. Several steps may share an action and object (start the drill, later start it
 * again): the first available one in scenario order is the one attempted; if none is available yet
 * the attempt is out of order; if all are done the event matches no step.
 */
function pick(c: Compiled, s: EngineState, candidates: readonly number[]): { index: number; available: boolean } | null {
  let blocked = -1;
  for (const i of candidates) {
    if (s.steps[i]!.done) continue;
    if (prereqsMet(c.prereqs[i]!, s)) return { index: i, available: true };
    if (blocked < 0) blocked = i;
  }
  return blocked < 0 ? null : { index: blocked, available: false };
}

function mistake(s: EngineState, i: number, kind: MistakeKind, e: SessionEvent, t: number): void {
  const p = s.steps[i]!;
  p.mistakes++;
  s.mistakes.push({ t, kind, step: p.id, action: e.action, object: e.object });
}

function wrongOrder(c: Compiled, s: EngineState, i: number, e: SessionEvent, t: number, out: Feedback[] | null): void {
  mistake(s, i, 'wrong-order', e, t);
  if (out) {
    const missing = c.prereqs[i]!.filter((p) => !s.steps[p]!.done).map((p) => s.steps[p]!.id);
    out.push({ kind: 'wrong-order', step: s.steps[i]!.id, key: 'feedback:wrong-order', t, missing });
  }
}

/** Wait and machine/state requirements, shared by instant steps and the start of hold/stay steps. */
function ready(scenario: Scenario, c: Compiled, s: EngineState, i: number, e: SessionEvent, t: number, out: Feedback[] | null): boolean {
  const st = scenario.steps[i]!;
  const since = c.waitSince[i];
  if (st.wait && since !== null && since !== undefined) {
    const doneAt = s.steps[since]!.doneAt;
    const waited = doneAt === null ? 0 : t - doneAt;
    if (doneAt === null || waited < st.wait.ms) {
      mistake(s, i, 'too-early', e, t);
      out?.push({ kind: 'too-early', step: st.id, key: 'feedback:too-early', t, waitedMs: waited, waitMs: st.wait.ms });
      return false;
    }
  }
  if (!c.requires[i]!(s)) {
    mistake(s, i, 'not-ready', e, t);
    out?.push({ kind: 'not-ready', step: st.id, key: 'feedback:not-ready', t });
    return false;
  }
  return true;
}

function complete(c: Compiled, s: EngineState, i: number, t: number, out: Feedback[] | null): void {
  const p = s.steps[i]!;
  p.done = true;
  p.doneAt = t;
  p.openSince = null;
  s.completed.push({ id: p.id, t });
  s.stepTime[p.id] = t - (p.availableAt ?? 0);
  refreshAvailable(c.prereqs, s, t);
  out?.push({ kind: 'step-completed', step: p.id, key: 'feedback:step-completed', t });
}

/** Instant steps: the event itself completes the step, if its value is right. */
export function attemptStep(
  scenario: Scenario,
  c: Compiled,
  s: EngineState,
  candidates: readonly number[],
  e: SessionEvent,
  t: number,
  out: Feedback[] | null,
): boolean {
  const hit = pick(c, s, candidates);
  if (!hit) return false;
  const i = hit.index;
  if (!hit.available) {
    wrongOrder(c, s, i, e, t, out);
    return true;
  }
  if (!ready(scenario, c, s, i, e, t, out)) return true;
  const st = scenario.steps[i]!;
  if (st.action === 'set' && st.value) {
    const v = typeof e.value === 'number' ? e.value : Number(e.value);
    if (!Number.isFinite(v) || Math.abs(v - st.value.target) > st.value.tolerance) {
      mistake(s, i, 'out-of-tolerance', e, t);
      out?.push({ kind: 'out-of-tolerance', step: st.id, key: 'feedback:out-of-tolerance', t, value: v, target: st.value.target, tolerance: st.value.tolerance });
      return true;
    }
  } else if ((st.action === 'classify' || st.action === 'answer') && st.expect !== undefined) {
    // Compared as text: a picker may send "3" for the answer 3.
    if (e.value === undefined || String(e.value) !== String(st.expect)) {
      const kind = st.action === 'classify' ? 'wrong-classification' : 'wrong-answer';
      mistake(s, i, kind, e, t);
      out?.push({ kind, step: st.id, key: `feedback:${kind}`, t, value: e.value ?? null });
      return true;
    }
  }
  complete(c, s, i, t, out);
  return true;
}

/** hold-start / enter: the clock of a hold or stay step starts, if the step may be done now. */
export function startHold(scenario: Scenario, c: Compiled, s: EngineState, candidates: readonly number[], e: SessionEvent, t: number, out: Feedback[] | null): boolean {
  const hit = pick(c, s, candidates);
  if (!hit) return false;
  if (!hit.available) {
    wrongOrder(c, s, hit.index, e, t, out);
    return true;
  }
  if (!ready(scenario, c, s, hit.index, e, t, out)) return true;
  s.steps[hit.index]!.openSince = t;
  return true;
}

/** hold-end / exit: long enough completes the step, too short is a mistake and the step stays open. */
export function endHold(scenario: Scenario, c: Compiled, s: EngineState, candidates: readonly number[], e: SessionEvent, t: number, out: Feedback[] | null): boolean {
  for (const i of candidates) {
    const p = s.steps[i]!;
    if (p.done || p.openSince === null) continue;
    const duration = t - p.openSince;
    const minMs = scenario.steps[i]!.minDurationMs ?? 0;
    p.openSince = null;
    if (duration < minMs) {
      mistake(s, i, 'too-short', e, t);
      out?.push({ kind: 'too-short', step: p.id, key: 'feedback:too-short', t, durationMs: duration, minMs });
      return true;
    }
    complete(c, s, i, t, out);
    return true;
  }
  return false;
}
