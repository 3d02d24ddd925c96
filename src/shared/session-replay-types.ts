import type { Mode, Scenario, SessionEvent } from '../engine';

/**
 * What `GET /api/dashboard/sessions/:id/replay` (and the trainee's own `/api/trainee/sessions/:id/replay`)
 * answer: the replay page draws and drives the station from it (docs/api.md "Replay"). Types only.
 */
export interface SessionReplayData {
  sessionId: string;
  scenarioId: string;
  scenarioVersion: number;
  scenarioHash: string;
  /** The scenario version the server scored the session on (the replay runs the engine on it). */
  scenario: Scenario;
  mode: Mode;
  language: string;
  durationMs: number;
  /** The layout.json hash the poses were recorded on; null: drawn by hand, or no poses. */
  layoutHash: string | null;
  events: SessionEvent[];
  /** The poses packed as the headset sent them (src/engine/pose-codec.ts); null when none came. */
  poses: { hz: number; samples: number; data: string } | null;
}
