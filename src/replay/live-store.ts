import { createStore } from 'zustand/vanilla';
import type { PoseSample } from '../engine/pose-sample';
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

/** The moment to draw after `elapsedMs` more: on with the viewer's clock, kept within the last second heard. */
export function liveMoment(t: number, elapsedMs: number, samples: readonly PoseSample[]): number {
  const newest = samples[samples.length - 1]?.t;
  if (newest === undefined) return t;
  return Math.min(newest, Math.max(t + elapsedMs, newest - liveDelayMs));
}

/** A running attempt as the live 3D view shows it: its tile and its head and hands as they come. */
export function createLiveStore() {
  return createStore<LiveState>()(() => ({ tile: null, samples: [], t: 0, viewpoint: 'side' as ReplayViewpoint, gone: false }));
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
