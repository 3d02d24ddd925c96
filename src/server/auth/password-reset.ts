import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { accountKey, knownDeviceKey } from './login-throttle';
import { newSecret, secretHash } from './secrets';

/** A reset link an admin hands over is good for a day, once; a newer one replaces it. */
export const resetLifetimeMs = 24 * 60 * 60 * 1000;

export async function issuePasswordReset(db: Kysely<Database>, trainerId: string, now: Date): Promise<{ token: string; expiresAt: string }> {
  const token = newSecret();
  const expiresAt = new Date(now.getTime() + resetLifetimeMs).toISOString();
  await db.deleteFrom('password_resets').where('trainer_id', '=', trainerId).execute();
  await db.insertInto('password_resets').values({ token_hash: secretHash(token), trainer_id: trainerId, expires_at: expiresAt, created_at: now.toISOString() }).execute();
  return { token, expiresAt };
}

/** Whose password a live link resets, or null (unknown, used, expired). */
export async function resetTarget(db: Kysely<Database>, token: string, now: Date): Promise<{ trainerId: string; email: string } | null> {
  const row = await db
    .selectFrom('password_resets as r')
    .innerJoin('trainers as t', 't.id', 'r.trainer_id')
    .select(['t.id', 't.email', 'r.expires_at'])
    .where('r.token_hash', '=', secretHash(token))
    .executeTakeFirst();
  if (!row || Date.parse(row.expires_at) < now.getTime()) return null;
  return { trainerId: row.id, email: row.email };
}

/** Uses the link: deleting it first makes it single-use even when two requests race. */
export async function redeemPasswordReset(db: Kysely<Database>, token: string, passwordHash: string, now: Date): Promise<boolean> {
  return db.transaction().execute(async (tx) => {
    const row = await tx.deleteFrom('password_resets').where('token_hash', '=', secretHash(token)).where('expires_at', '>=', now.toISOString()).returning('trainer_id').executeTakeFirst();
    if (!row) return false;
    await tx.updateTable('trainers').set({ password_hash: passwordHash, password_changed_at: now.toISOString() }).where('id', '=', row.trainer_id).execute();
    const trainer = await tx.selectFrom('trainers').select('email').where('id', '=', row.trainer_id).executeTakeFirstOrThrow();
    // The owner with a new password is not kept waiting by an attacker's earlier guesses.
    await tx.deleteFrom('login_throttle').where('key', 'in', [accountKey(trainer.email), knownDeviceKey(trainer.email)]).execute();
    return true;
  });
}
