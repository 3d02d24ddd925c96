import type { LivePoses, ProgressAnswer, ProgressMessage } from '../shared/live-progress';
import { livePoseHz, livePoseWindowMs } from '../shared/live-pose-rate';
import { heardFromServer, helpGiven, helpRequest, initialHelp } from '../state/help-request';
import type { ProgressSnapshot } from '../state/progress-snapshot';
import type { SessionStore } from '../state/session-store';
import { ProgressSender } from './progress-sender';

/** One try; a refusal or a network error is simply not sent (the sender never retries). */
async function postProgress(token: string, message: ProgressMessage): Promise<ProgressAnswer | null> {
  try {
    const response = await fetch('/api/live/progress', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify(message),
      // A message that takes long is out of date anyway.
      signal: AbortSignal.timeout(4000),
    });
    if (!response.ok) return null;
    const body = (await response.json()) as Partial<ProgressAnswer>;
    return typeof body.helpAcknowledged === 'number' ? { helpAcknowledged: body.helpAcknowledged, watched: body.watched === true } : null;
  } catch {
    return null;
  }
}

const started = new WeakSet<SessionStore>();

export interface LiveProgressSources {
  /** The signed-in trainee's token now, or null (src/results/trainee-identity.ts). */
  token(): string | null;
  /** The attempt as the trainer's tile shows it (src/state/progress-snapshot.ts, bound to the device). */
  snapshot(now: number): ProgressSnapshot | null;
  /** The attempt's last poses, packed (src/results/pose-take.ts `recent`); null while none are recorded. */
  poses(attemptId: string, windowMs: number, hz: number): LivePoses | null;
}

/**
 * Follows the session store for the app's lifetime and sends each live attempt's progress to the
 * trainer (src/results/progress-sender.ts). Loaded after the station's first frame; only a
 * signed-in trainee's attempts are sent: an anonymous practice belongs to no organisation, so no
 * trainer may see it. What it reads of the app comes in `sources` from the overlay that loads it:
 * imported here, those modules would be shared with the first frame's chunk and split it (more
 * bytes before the first VR frame).
 */
export function startLiveProgress(session: SessionStore, sources: LiveProgressSources): void {
  if (started.has(session)) return;
  started.add(session);
  let sender: ProgressSender | null = null;
  let attemptId: string | null = null;
  const begin = (id: string) => {
    sender?.stop();
    attemptId = id;
    const token = sources.token();
    helpRequest.setState({ ...initialHelp, live: token !== null });
    if (token === null) {
      sender = null;
      return;
    }
    // A trainer watches this attempt in 3D (the server's last answer): the poses go along, once a second.
    let watched = false;
    sender = new ProgressSender({
      snapshot: () => {
        const body = sources.snapshot(Date.now());
        if (!body || !watched || body.finished) return body;
        const poses = sources.poses(body.attemptId, livePoseWindowMs, livePoseHz);
        return poses ? { ...body, poses } : body;
      },
      post: (message) => postProgress(token, message),
      onAnswer: (answer) => {
        // Not heard: nobody is known to watch; the next answer says again.
        watched = answer?.watched === true;
        heardFromServer(answer);
      },
      watched: () => watched,
      online: () => navigator.onLine,
      now: () => Date.now(),
      setTimer: (fn, ms) => setTimeout(fn, ms),
      clearTimer: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
    });
    sender.changed();
  };
  const follow = () => {
    const s = session.getState();
    if (s.status === 'idle' || !s.sessionId) {
      sender?.stop();
      sender = null;
      attemptId = null;
      helpRequest.setState(initialHelp);
      return;
    }
    if (s.sessionId !== attemptId) begin(s.sessionId);
  };
  follow();
  session.subscribe((s, prev) => {
    follow();
    if (!sender || s.sessionId !== attemptId) return;
    if (s.engine && prev.engine && s.engine.completed.length > prev.engine.completed.length) helpGiven();
    if (s.status === 'ended' && prev.status !== 'ended') sender.finish();
    else if (s.events !== prev.events) sender.changed();
  });
  helpRequest.subscribe((h, prev) => {
    if (h.asked !== prev.asked) sender?.changed();
  });
}
