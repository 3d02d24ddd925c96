import { initialState, result, step, type EngineState, type Mode, type Scenario, type ScoreResult, type SessionEvent } from '../../engine';
import type { StepTimelineEntry, TimelineEntry } from '../../shared/timeline-types';

/** The session as a trainer reads it: each step's outcome and every event with what it caused. */
export function sessionTimeline(scenario: Scenario, events: readonly SessionEvent[], mode: Mode): { steps: StepTimelineEntry[]; events: TimelineEntry[]; result: ScoreResult } {
  let state: EngineState = initialState(scenario, mode);
  const entries: TimelineEntry[] = [];
  for (const e of events) {
    if (state.ended) break;
    const before = state;
    state = step(scenario, before, e).state;
    const hintsBefore = Object.values(before.hints).reduce((a, b) => a + b, 0);
    const hintsAfter = Object.values(state.hints).reduce((a, b) => a + b, 0);
    entries.push({
      t: e.t,
      action: e.action,
      object: e.object,
      ...(e.value !== undefined ? { value: e.value } : {}),
      device: e.device,
      completed: state.completed.slice(before.completed.length).map((c) => c.id),
      mistakes: state.mistakes.slice(before.mistakes.length).map((m) => ({ kind: m.kind, step: m.step })),
      violations: state.violations.slice(before.violations.length).map((v) => ({ rule: v.rule, severity: v.severity, critical: v.critical, penalty: v.penalty })),
      hint: hintsAfter > hintsBefore ? (Object.keys(state.hints).find((k) => (state.hints[k] ?? 0) > (before.hints[k] ?? 0)) ?? null) : null,
      machines: Object.entries(state.machines)
        .filter(([id, m]) => before.machines[id]?.state !== m.state)
        .map(([id, m]) => ({ machine: id, from: before.machines[id]?.state ?? '', to: m.state })),
    });
    // The practice stop and the going on (issue 21), so the trainer sees the continuation in the record.
    const entry = entries[entries.length - 1]!;
    const undone = before.completed.filter((c) => !state.completed.some((d) => d.id === c.id)).map((c) => c.id);
    if (undone.length > 0) entry.undone = undone;
    const went = state.continuations[before.continuations.length];
    if (went) entry.continued = { rule: went.rule, resumeAt: went.resumeAt };
  }
  const res = result(scenario, state);
  const steps = res.steps.map((s) => ({
    id: s.id,
    competency: s.competency,
    status: (!s.done ? 'skipped' : s.mistakes > 0 ? 'wrong' : 'done') as StepTimelineEntry['status'],
    doneAt: state.completed.find((c) => c.id === s.id)?.t ?? null,
    durationMs: s.durationMs,
    mistakes: s.mistakes,
    hints: s.hints,
    points: s.points,
    earned: s.earned,
  }));
  return { steps, events: entries, result: res };
}
