import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';

/**
 * Login throttling kept in the database, so every listener and every instance counts the same
 * attempts. Growing delays, never a lockout: after `free` attempts without a success each further
 * attempt waits twice as long as the one before, up to `maxDelayMs`; a quiet `forgetAfterMs` starts
 * the count again. An attacker can slow an account's owner down by at most `maxDelayMs`.
 */
export interface ThrottleRule {
  free: number;
  maxDelayMs: number;
  forgetAfterMs: number;
}

/** One account: 5 free tries, then 1 s, 2 s, 4 s… up to a minute: about 1,400 guesses a day at most. */
export const accountRule: ThrottleRule = { free: 5, maxDelayMs: 60_000, forgetAfterMs: 60 * 60_000 };
/**
 * One address (a workshop behind one NAT shares it): more free tries, the same ceiling, and only
 * failures count (a success takes its attempt back), so colleagues logging in never slow each other.
 */
export const addressRule: ThrottleRule = { free: 30, maxDelayMs: 60_000, forgetAfterMs: 60 * 60_000 };

export const accountKey = (email: string) => `account:${email.toLowerCase()}`;
export const knownDeviceKey = (email: string) => `known-device:${email.toLowerCase()}`;
export const addressKey = (ip: string) => `address:${ip}`;

/** The wait before the next attempt after `attempts` unanswered ones. */
export function delayAfter(attempts: number, rule: ThrottleRule): number {
  if (attempts < rule.free) return 0;
  return Math.min(rule.maxDelayMs, 1000 * 2 ** Math.min(attempts - rule.free, 30));
}

export type Claim = { ok: true; attempts: number; delayMs: number } | { ok: false; retryAfterMs: number };

/**
 * Claims one attempt under `key` before the password is checked (an attempt is counted even while
 * it runs, so parallel guesses cannot slip in). A compare-and-set on the row: of two instances
 * claiming at once, one wins and the other is told to wait.
 */
export async function claimAttempt(db: Kysely<Database>, key: string, rule: ThrottleRule, now: Date): Promise<Claim> {
  const at = now.toISOString();
  await db.insertInto('login_throttle').values({ key, attempts: 0, next_at: at, last_at: at }).onConflict((oc) => oc.column('key').doNothing()).execute();
  const row = await db.selectFrom('login_throttle').select(['attempts', 'next_at', 'last_at']).where('key', '=', key).executeTakeFirstOrThrow();
  const t = now.getTime();
  const forgotten = t - Date.parse(row.last_at) > rule.forgetAfterMs;
  if (!forgotten && Date.parse(row.next_at) > t) return { ok: false, retryAfterMs: Date.parse(row.next_at) - t };
  const attempts = (forgotten ? 0 : row.attempts) + 1;
  const delayMs = delayAfter(attempts, rule);
  const result = await db
    .updateTable('login_throttle')
    .set({ attempts, next_at: new Date(t + delayMs).toISOString(), last_at: at })
    .where('key', '=', key)
    .where('attempts', '=', row.attempts)
    .where('last_at', '=', row.last_at)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) !== 1) return { ok: false, retryAfterMs: 1000 };
  return { ok: true, attempts, delayMs };
}

/** After a success: the account starts afresh. */
export async function clearAttempts(db: Kysely<Database>, key: string): Promise<void> {
  await db.deleteFrom('login_throttle').where('key', '=', key).execute();
}

/** After a success from an address: its own attempt is taken back; others' failures still count. */
export async function returnAttempt(db: Kysely<Database>, key: string): Promise<void> {
  await db
    .updateTable('login_throttle')
    .set((eb) => ({ attempts: eb('attempts', '-', 1) }))
    .where('key', '=', key)
    .where('attempts', '>', 0)
    .execute();
}

/** Rows quiet for a day are of no use any more (called by maintenance). */
export async function purgeThrottle(db: Kysely<Database>, now: Date): Promise<void> {
  await db.deleteFrom('login_throttle').where('last_at', '<', new Date(now.getTime() - 24 * 60 * 60_000).toISOString()).execute();
}
