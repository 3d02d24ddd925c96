import type { ProgressMessage } from './live-progress';

/** One tile of the live class view, as the dashboard's stream sends it. */
export interface LiveTile {
  attemptId: string;
  trainee: { id: string; code: string; alias: string | null };
  scenarioId: string;
  mode: 'practice' | 'exam';
  device: ProgressMessage['device'];
  step: { id: string; onStepMs: number } | null;
  stepsDone: number;
  stepsTotal: number;
  mistakes: number;
  violations: number;
  critical: number;
  hints: number;
  stuck: boolean;
  helpAsked: number;
  helpAcknowledged: number;
  finished: { score: number; passed: boolean } | null;
  /** Milliseconds since the server last heard from the headset, when this tile was sent. */
  silentMs: number;
}

/** A headset silent this long is shown offline: two heartbeats (5 s apart) missed, and some slack. */
export const offlineAfterMs = 12_000;

/** Why a tile needs the trainer: asked and not yet answered, stuck, or a critical rule broken. */
export function needsHelp(tile: Pick<LiveTile, 'helpAsked' | 'helpAcknowledged' | 'stuck' | 'critical' | 'finished'>): 'asked' | 'stuck' | 'critical' | null {
  if (tile.finished) return null;
  if (tile.helpAsked > tile.helpAcknowledged) return 'asked';
  if (tile.critical > 0) return 'critical';
  if (tile.stuck) return 'stuck';
  return null;
}
