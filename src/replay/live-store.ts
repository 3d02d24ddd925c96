import { createStore } from 'zustand/vanilla';
import type { EngineState, Mode, Scenario, SessionEvent } from '../engine';
import type { PoseSample } from '../engine/pose-sample';
import { replayTimeline } from '../engine/replay-view';
import type { LiveEventsEvent } from '../shared/live-progress';
import type { LiveTile } from '../shared/live-tile';
import type { PoseSource, ReplayViewpoint } from './pose-source';

/** How much of a live attempt's movement is kept to draw from (ms): a few messages' worth. */
export const liveKeepMs = 10_000;
/**
 * How far behind the newest pose the live view draws (ms): the poses come once a second, so the
 * view moves smoothly through the last second instead of jumping when a message arrives.
 */
export const liveDelayMs = 1000;

export interface LiveState {
  /** The attempt as its tile says (step, counts, finished); null before the first. */
  tile: LiveTile | null;
  /** Samples heard so far (times rising, the last `liveKeepMs`). */
  samples: PoseSample[];
  /** The attempt's event log as heard so far, from its first event without a gap. */
  events: SessionEvent[];
  /** The moment drawn (ms from the attempt's start). */
  t: number;
  viewpoint: ReplayViewpoint;
  /** The server forgot the attempt (long silent) or the stream cannot be opened. */
  gone: boolean;
}

/** New samples after the ones held (older or repeated ones dropped: each message repeats the last second). */
export function mergeSamples(held: readonly PoseSample[], incoming: readonly PoseSample[], keepMs = liveKeepMs): PoseSample[] {
  const lastT = held.length > 0 ? held[held.length - 1]!.t : -Infinity;
  const fresh = incoming.filter((s) => s.t > lastT);
  if (fresh.length === 0) return held as PoseSample[];
  const all = [...held, ...fresh];
  const newest = all[all.length - 1]!.t;
  return all.filter((s) => newest - s.t <= keepMs);
}

/**
 * The log after a part of it arrives: what continues it without a gap is added, what overlaps it is
 * already held; a part beyond its end waits (the server sends from where the copy ends).
 */
export function mergeEvents(held: readonly SessionEvent[], part: Pick<LiveEventsEvent, 'from' | 'list'>): SessionEvent[] {
  if (part.from > held.length) return held as SessionEvent[];
  const fresh = part.list.slice(held.length - part.from);
  return fresh.length === 0 ? (held as SessionEvent[]) : [...held, ...fresh];
}

/**
 * The engine's state after the log heard so far: what the station draws (a guard open, a part
 * placed), as the replay does at a moment of a stored attempt. Pure, from the scenario's start.
 */
export function liveEngine(scenario: Scenario, mode: Mode, events: readonly SessionEvent[]): EngineState {
  const timeline = replayTimeline(scenario, mode, events);
  return timeline.states[timeline.states.length - 1] ?? timeline.initial;
}

/** The moment to draw after `elapsedMs` more: on with the viewer's clock, kept within the last second heard. */
export function liveMoment(t: number, elapsedMs: number, samples: readonly PoseSample[]): number {
  const newest = samples[samples.length - 1]?.t;
  if (newest === undefined) return t;
  return Math.min(newest, Math.max(t + elapsedMs, newest - liveDelayMs));
}

/** A running attempt as the live 3D view shows it: its tile and its head and hands as they come. */
export function createLiveStore() {
  return createStore<LiveState>()(() => ({ tile: null, samples: [], events: [], t: 0, viewpoint: 'side' as ReplayViewpoint, gone: false }));
}

export type LiveStore = ReturnType<typeof createLiveStore>;

/** The markers' source: the moment moves on each frame within what was heard. */
export function liveSource(store: LiveStore): PoseSource {
  return {
    frame: (elapsedMs) => {
      const s = store.getState();
      const t = liveMoment(s.t, elapsedMs, s.samples);
      if (t !== s.t) store.setState({ t });
    },
    t: () => store.getState().t,
    poses: () => store.getState().samples,
    viewpoint: () => store.getState().viewpoint,
  };
}
