import type { Device } from '../engine';
import type { SessionStore } from './session-store';

/**
 * "Try again" from the start: the attempt being played is finished (and so saved as it stands), and
 * a new attempt of the same station version starts at once, in the language now chosen. After an
 * exam it is practice: an exam is started from the start screen, where the trainer's unlock applies.
 * The station remounts on the new session id (src/world/station-canvas.tsx), so nothing of the old
 * attempt stays lying around.
 */
export function tryAgainFromStart(session: SessionStore, language: string): void {
  const s = session.getState();
  if (!s.scenario || !s.scenarioHash) return;
  const { scenario, scenarioHash } = s;
  const mode = s.mode === 'exam' ? 'practice' : s.mode;
  if (s.status === 'playing') s.finish();
  session.getState().start(scenario, scenarioHash, mode, language);
}

/** Practice after a critical rule: go on from its safe state (a `continue` event, in the record). */
export function continueFromSafeState(session: SessionStore, device: Device): void {
  const s = session.getState();
  const halted = s.engine?.halted;
  if (s.status !== 'playing' || !halted) return;
  s.act('continue', halted.rules[0]!, device);
}
