import type { Device, Mode, SessionEvent } from '../engine';
import { languages } from '../i18n/languages';
import type { SessionState } from '../state/session-store';
import type { PosesRecord } from './pose-take';

/** What the client sends to POST /api/sessions. The server re-scores `events`; `clientScore` is only compared. */
export interface SessionRecord {
  id: string;
  scenarioId: string;
  scenarioVersion: number;
  scenarioHash: string;
  mode: Mode;
  device: Device;
  language: string;
  startedAt: string;
  endedAt: string;
  events: SessionEvent[];
  clientScore: number;
  /** Head and hands, when the recorder ran (src/results/pose-take.ts). */
  poses?: PosesRecord;
}

/** The device the trainee mostly used; the engine never sees it, the trainer does. */
export function mainDevice(events: readonly SessionEvent[], fallback: Device): Device {
  const counts = new Map<Device, number>();
  let best: Device = fallback;
  let bestCount = 0;
  for (const e of events) {
    const n = (counts.get(e.device) ?? 0) + 1;
    counts.set(e.device, n);
    if (n > bestCount) {
      best = e.device;
      bestCount = n;
    }
  }
  return best;
}

export function sessionRecord(s: SessionState, fallbackDevice: Device, poses: PosesRecord | null = null): SessionRecord {
  if (!s.scenario || !s.scenarioHash || !s.sessionId || !s.result || s.endedAt === null) {
    throw new Error('sessionRecord: the session has not ended');
  }
  return {
    id: s.sessionId,
    scenarioId: s.scenario.id,
    scenarioVersion: s.scenario.version,
    scenarioHash: s.scenarioHash,
    mode: s.mode,
    device: mainDevice(s.events, fallbackDevice),
    // The server refuses a malformed tag and the result would never leave the headset: anything but
    // an offered language (each a valid BCP 47 tag, tested) is sent as `und` (RFC 5646: undetermined).
    // A list look-up, not the BCP 47 parser: the parser stays on the server, out of the VR first frame.
    language: languages.some((l) => l.code === s.language) ? s.language : 'und',
    startedAt: new Date(s.startedAt).toISOString(),
    endedAt: new Date(s.endedAt).toISOString(),
    events: s.events,
    clientScore: s.result.total,
    ...(poses ? { poses } : {}),
  };
}
