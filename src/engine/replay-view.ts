import { poseAt, type Pose, type PoseSample } from './pose-sample';
import { initialState } from './state';
import { step } from './step';
import type { Scenario } from './schema';
import type { EngineState, Mode, SessionEvent } from './types';

/** A mark on the replay's timeline: a step done, a mistake, a rule broken, a hint asked. */
export interface ReplayMark {
  t: number;
  kind: 'step' | 'mistake' | 'violation' | 'hint';
  /** The step (step, mistake, hint) or rule (violation) it concerns; null for a mistake on no step. */
  id: string | null;
  critical?: boolean;
}

/** A recorded session, prepared once for playing back: the engine's state after each event, and the marks. */
export interface ReplayTimeline {
  scenario: Scenario;
  /** `states[i]` is the state after `events[i]`; `initial` before the first. */
  initial: EngineState;
  events: readonly SessionEvent[];
  states: EngineState[];
  marks: ReplayMark[];
  poses: readonly PoseSample[];
  durationMs: number;
}

/** What the replay shows at one moment. */
export interface ReplayFrame {
  t: number;
  engine: EngineState;
  /** Steps done by then, in the order they were done. */
  done: string[];
  /** The step that was due (the first one the trainee could do), null once none is. */
  due: string | null;
  head: Pose | null;
  left: Pose | null;
  right: Pose | null;
}

/**
 * The replay as a pure function of (scenario, events, poses): the engine is run over the log once
 * (as the server's timeline does) and every moment is then a look-up. The layout is not an input
 * here: it only decides how the station is drawn, and the replay page draws it from the same
 * layout the trainee had (the poses carry its hash).
 */
export function replayTimeline(scenario: Scenario, mode: Mode, events: readonly SessionEvent[], poses: readonly PoseSample[] = [], durationMs?: number): ReplayTimeline {
  const initial = initialState(scenario, mode);
  const states: EngineState[] = [];
  const marks: ReplayMark[] = [];
  let state = initial;
  for (const e of events) {
    if (state.ended) break;
    const before = state;
    state = step(scenario, before, e).state;
    states.push(state);
    for (const c of state.completed.slice(before.completed.length)) marks.push({ t: e.t, kind: 'step', id: c.id });
    for (const m of state.mistakes.slice(before.mistakes.length)) marks.push({ t: e.t, kind: 'mistake', id: m.step });
    for (const v of state.violations.slice(before.violations.length)) marks.push({ t: e.t, kind: 'violation', id: v.rule, critical: v.critical });
    for (const [id, n] of Object.entries(state.hints)) if (n > (before.hints[id] ?? 0)) marks.push({ t: e.t, kind: 'hint', id });
  }
  const lastEvent = events[states.length - 1]?.t ?? 0;
  const lastPose = poses[poses.length - 1]?.t ?? 0;
  return { scenario, initial, events: events.slice(0, states.length), states, marks, poses, durationMs: Math.max(durationMs ?? 0, lastEvent, lastPose) };
}

/** The moment `t` (ms from the session's start) of a prepared replay. */
export function replayAt(timeline: ReplayTimeline, t: number): ReplayFrame {
  // The last event at or before t (binary search: seeking is as cheap as playing).
  let lo = 0;
  let hi = timeline.events.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (timeline.events[mid]!.t <= t) lo = mid + 1;
    else hi = mid;
  }
  const engine = lo === 0 ? timeline.initial : timeline.states[lo - 1]!;
  return {
    t,
    engine,
    done: engine.completed.map((c) => c.id),
    due: engine.ended ? null : (engine.available[0] ?? null),
    head: poseAt(timeline.poses, 'head', t),
    left: poseAt(timeline.poses, 'left', t),
    right: poseAt(timeline.poses, 'right', t),
  };
}

/** The time of the first mistake or rule broken after `t` (the "next mistake" button), null when none is left. */
export function nextMistakeAfter(timeline: ReplayTimeline, t: number): number | null {
  return timeline.marks.find((m) => (m.kind === 'mistake' || m.kind === 'violation') && m.t > t)?.t ?? null;
}
