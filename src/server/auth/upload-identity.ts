import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { bearerToken, traineeForToken, type TraineeIdentity } from './trainee-tokens';

export type UploadIdentity = { ok: true; trainee: TraineeIdentity | null } | { ok: false; error: string; message: string };

/**
 * Who an upload belongs to. With a token: its trainee, if the token was still valid when the
 * session ended (a headset may have waited offline for days since). Without one: nobody's
 * (practice before joining), stored but seen by no trainer.
 */
export async function uploadIdentity(db: Kysely<Database>, authorization: string | undefined, endedAt: string): Promise<UploadIdentity> {
  const token = bearerToken(authorization);
  if (token === undefined) return { ok: true, trainee: null };
  if (token === null) return { ok: false, error: 'trainee-token-invalid', message: 'the Authorization header must be "Bearer <trainee token>"' };
  const trainee = await traineeForToken(db, token);
  if (!trainee) return { ok: false, error: 'trainee-token-unknown', message: 'this trainee token is unknown (revoked or from another server); join again with a code' };
  if (Date.parse(endedAt) > Date.parse(trainee.expiresAt)) {
    return { ok: false, error: 'trainee-token-expired', message: `the trainee token expired at ${trainee.expiresAt}, before this session ended; join again with a code` };
  }
  return { ok: true, trainee };
}
