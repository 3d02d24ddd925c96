import { createStore } from 'zustand/vanilla';
import { replayAt, type ReplayTimeline } from '../engine/replay-view';
import type { PoseSample } from '../engine/pose-sample';
import type { SessionStore } from '../state/session-store';
import type { PoseSource, ReplayViewpoint } from './pose-source';
import { advance, faster, seek, startPlayback, toNextMistake, togglePlay, type Playback } from './playback';

export type { ReplayViewpoint } from './pose-source';

export interface ReplayState {
  playback: Playback;
  viewpoint: ReplayViewpoint;
  togglePlay(): void;
  seek(t: number): void;
  faster(): void;
  nextMistake(): void;
  /** Called every drawn frame with the viewer's time passed since the last. */
  tick(elapsedMs: number): void;
  setViewpoint(v: ReplayViewpoint): void;
}

/**
 * The replay's playback, bound to a session store: whatever moment is shown, the station's session
 * holds the engine's state of that moment, so the station draws itself as it was then (a guard open,
 * a card gone). The session store's status stays `ended`: nothing in the replay can act.
 */
export function createReplayStore(timeline: ReplayTimeline, session: SessionStore, startAt = 0, viewpoint: ReplayViewpoint = 'side') {
  const store = createStore<ReplayState>()((set, get) => {
    const update = (next: Playback) => {
      if (next !== get().playback) set({ playback: next });
    };
    return {
      playback: startPlayback(timeline.durationMs, startAt),
      viewpoint,
      togglePlay: () => update(togglePlay(get().playback)),
      seek: (t) => update(seek(get().playback, t)),
      faster: () => update(faster(get().playback)),
      nextMistake: () => update(toNextMistake(get().playback, timeline)),
      tick: (elapsedMs) => update(advance(get().playback, elapsedMs)),
      setViewpoint: (v) => set({ viewpoint: v }),
    };
  });
  const show = (t: number) => {
    const engine = replayAt(timeline, t).engine;
    // The same state object until the next event: the station re-renders only when something changed.
    if (session.getState().engine !== engine) session.setState({ engine });
  };
  show(store.getState().playback.t);
  store.subscribe((s, before) => {
    if (s.playback.t !== before.playback.t) show(s.playback.t);
  });
  return store;
}

export type ReplayStore = ReturnType<typeof createReplayStore>;

/** A recorded session's playback as the markers read it each frame. */
export function playbackSource(store: ReplayStore, poses: readonly PoseSample[]): PoseSource {
  return {
    frame: (elapsedMs) => store.getState().tick(elapsedMs),
    t: () => store.getState().playback.t,
    poses: () => poses,
    viewpoint: () => store.getState().viewpoint,
  };
}
