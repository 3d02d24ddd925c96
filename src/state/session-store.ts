import { createStore } from 'zustand/vanilla';
import {
  initialState,
  result as scoreResult,
  step,
  type Device,
  type EngineState,
  type Feedback,
  type Mode,
  type Scenario,
  type ScoreResult,
  type SessionEvent,
} from '../engine';

export type SessionStatus = 'idle' | 'playing' | 'ended';

export interface SessionState {
  status: SessionStatus;
  sessionId: string | null;
  scenario: Scenario | null;
  /** Content hash of the scenario version played; the server re-scores with that version. */
  scenarioHash: string | null;
  mode: Mode;
  language: string;
  /** Wall-clock start (epoch ms) from the injected clock; event times are relative to it. */
  startedAt: number;
  endedAt: number | null;
  events: SessionEvent[];
  engine: EngineState | null;
  /** Feedback of the last action, for the instruction panel. */
  lastFeedback: Feedback[];
  result: ScoreResult | null;
  start(scenario: Scenario, scenarioHash: string, mode: Mode, language: string): void;
  act(action: string, object: string, device: Device, value?: number | string): void;
  finish(): void;
  reset(): void;
}

export interface SessionClock {
  now(): number;
  uuid(): string;
}

/** Binds the pure engine to the app. Time comes only from the injected clock (DESIGN principle 1). */
export function createSessionStore(clock: SessionClock) {
  return createStore<SessionState>()((set, get) => ({
    status: 'idle',
    sessionId: null,
    scenario: null,
    scenarioHash: null,
    mode: 'practice',
    language: 'nl',
    startedAt: 0,
    endedAt: null,
    events: [],
    engine: null,
    lastFeedback: [],
    result: null,
    start(scenario, scenarioHash, mode, language) {
      set({
        status: 'playing',
        sessionId: clock.uuid(),
        scenario,
        scenarioHash,
        mode,
        language,
        startedAt: clock.now(),
        endedAt: null,
        events: [],
        engine: initialState(scenario, mode),
        lastFeedback: [],
        result: null,
      });
    },
    act(action, object, device, value) {
      const s = get();
      if (s.status !== 'playing' || !s.scenario || !s.engine) return;
      // Stopped by a critical rule in practice: the engine ignores everything but "go on", so the record does too.
      if (s.engine.halted && action !== 'continue') return;
      const event: SessionEvent = { t: Math.max(0, Math.round(clock.now() - s.startedAt)), action, object, device };
      if (value !== undefined) event.value = value;
      const next = step(s.scenario, s.engine, event);
      const events = [...s.events, event];
      if (next.state.ended) {
        set({
          events,
          engine: next.state,
          lastFeedback: next.feedback,
          status: 'ended',
          endedAt: clock.now(),
          result: scoreResult(s.scenario, next.state),
        });
      } else {
        set({ events, engine: next.state, lastFeedback: next.feedback });
      }
    },
    finish() {
      const s = get();
      if (s.status !== 'playing' || !s.scenario || !s.engine) return;
      set({ status: 'ended', endedAt: clock.now(), result: scoreResult(s.scenario, s.engine) });
    },
    reset() {
      set({ status: 'idle', sessionId: null, scenario: null, scenarioHash: null, events: [], engine: null, lastFeedback: [], result: null, endedAt: null });
    },
  }));
}

export type SessionStore = ReturnType<typeof createSessionStore>;
