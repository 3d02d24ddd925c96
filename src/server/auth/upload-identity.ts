import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { bearerToken, tokenTouch, traineeForToken, type TokenTouch, type TraineeIdentity } from './trainee-tokens';

export type UploadIdentity =
  | {
      ok: true;
      trainee: TraineeIdentity | null;
      /**
       * The token's use to record (null: none, or recorded within the minute): written in the
       * transaction that stores the upload, so a refused or repeated one writes nothing.
       */
      touch: TokenTouch | null;
    }
  | { ok: false; error: string; message: string };

/**
 * How long after its token expired a session made before the expiry may still arrive: a headset
 * that waited offline (holidays) gets two weeks. Later, nothing under that token is accepted.
 */
export const lateUploadDelayMs = 14 * 24 * 60 * 60 * 1000;

/** A headset's clock may be a little behind the server's: a session may claim to start this much before its token. */
export const clockSkewMs = 10 * 60 * 1000;

/**
 * Who an upload belongs to. With a token: its trainee, if the session could have been played while
 * the token was valid — started after it was issued, ended before it expired — and arrives at most
 * `lateUploadDelayMs` after the expiry. The session's times come from the client, so this bounds
 * what a late upload can claim; it cannot prove when it was played (docs/exams.md). Without a
 * token: nobody's (practice before joining), stored but seen by no trainer.
 */
export async function uploadIdentity(db: Kysely<Database>, authorization: string | undefined, times: { startedAt: string; endedAt: string }, now: Date): Promise<UploadIdentity> {
  const token = bearerToken(authorization);
  if (token === undefined) return { ok: true, trainee: null, touch: null };
  if (token === null) return { ok: false, error: 'trainee-token-invalid', message: 'the Authorization header must be "Bearer <trainee token>"' };
  const use = await traineeForToken(db, token);
  if (!use) return { ok: false, error: 'trainee-token-unknown', message: 'this trainee token is unknown (revoked or from another server); join again with a code' };
  const expires = Date.parse(use.expiresAt);
  if (now.getTime() > expires + lateUploadDelayMs) {
    return { ok: false, error: 'trainee-token-expired', message: `the trainee token expired at ${use.expiresAt}; sessions made under it were accepted until ${new Date(expires + lateUploadDelayMs).toISOString()}; join again with a code` };
  }
  if (Date.parse(times.endedAt) > expires) {
    return { ok: false, error: 'trainee-token-expired', message: `the trainee token expired at ${use.expiresAt}, before this session ended; join again with a code` };
  }
  if (Date.parse(times.startedAt) < Date.parse(use.issuedAt) - clockSkewMs) {
    return { ok: false, error: 'session-before-token', message: `this session says it started at ${times.startedAt}, before this headset joined (${use.issuedAt}); check the headset's clock` };
  }
  const { traineeId, organisationId, code, expiresAt } = use;
  return { ok: true, trainee: { traineeId, organisationId, code, expiresAt }, touch: tokenTouch(use, now) };
}
