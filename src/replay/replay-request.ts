import type { SessionReplayData } from '../shared/session-replay-types';

/**
 * What the page's address asks for: `replay.html?session=<id>[&from=first-mistake|&at=<ms>][&as=trainee][&lng=<code>]`,
 * or a running attempt live in 3D: `replay.html?live=<attempt id>[&lng=<code>]`.
 */
export interface ReplayRequest {
  sessionId: string | null;
  /** Open paused at the first mistake (the debrief, or a trainer's link straight to it). */
  fromFirstMistake: boolean;
  /** Open paused at this moment (ms from the start): the debrief's link to any one mistake. */
  at: number | null;
  /** A running attempt to watch live (the trainer's live class view); the other fields then do not apply. */
  liveAttemptId: string | null;
  /** The trainee's own attempt with their headset's token, else a trainer's with the dashboard's login. */
  asTrainee: boolean;
  language: string | null;
}

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function replayRequest(search: string): ReplayRequest {
  const q = new URLSearchParams(search);
  const id = q.get('session');
  const live = q.get('live');
  const at = q.get('at');
  return {
    sessionId: id && uuid.test(id) ? id : null,
    fromFirstMistake: q.get('from') === 'first-mistake',
    at: at !== null && /^\d{1,9}$/.test(at) ? Number(at) : null,
    liveAttemptId: live && uuid.test(live) ? live.toLowerCase() : null,
    asTrainee: q.get('as') === 'trainee',
    language: q.get('lng'),
  };
}

/** Why a replay cannot be shown, each with its own text (locales/<lng>/replay.json `error.*`). */
export type ReplayProblem = 'bad-link' | 'sign-in' | 'not-found' | 'failed' | 'no-station';

export class ReplayLoadError extends Error {
  constructor(readonly problem: ReplayProblem) {
    super(problem);
  }
}

/** The session's replay data from the server: the trainer's cookie, or the trainee's token. */
export async function fetchReplay(request: ReplayRequest, traineeToken: string | null, fetcher: typeof fetch = fetch): Promise<SessionReplayData> {
  if (!request.sessionId) throw new ReplayLoadError('bad-link');
  if (request.asTrainee && !traineeToken) throw new ReplayLoadError('sign-in');
  const url = request.asTrainee ? `/api/trainee/sessions/${request.sessionId}/replay` : `/api/dashboard/sessions/${request.sessionId}/replay`;
  const res = await fetcher(url, { credentials: 'same-origin', headers: request.asTrainee ? { authorization: `Bearer ${traineeToken}` } : {} });
  if (res.status === 401) throw new ReplayLoadError('sign-in');
  if (res.status === 404 || res.status === 400) throw new ReplayLoadError('not-found');
  if (!res.ok) throw new ReplayLoadError('failed');
  return (await res.json()) as SessionReplayData;
}
