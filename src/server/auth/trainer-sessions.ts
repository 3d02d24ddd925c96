import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import type { TrainerRole } from '../db/schema-organisations';
import { newSecret, secretHash } from './secrets';

/**
 * `__Host-`: only ever set by this exact origin over a secure context (https on the LAN, or
 * http://localhost, which browsers count as secure), with Path=/ and no Domain.
 */
export const sessionCookie = '__Host-werkvloer-trainer';
/** A trainer away from the laptop for two hours logs in again; nobody stays logged in past a working day. */
export const idleTimeoutMs = 2 * 60 * 60 * 1000;
export const absoluteTimeoutMs = 12 * 60 * 60 * 1000;
/** last_seen_at is written at most this often: reads do not each cost a write. */
const touchEveryMs = 60 * 1000;

export interface Trainer {
  id: string;
  email: string;
  role: TrainerRole;
  organisationId: string;
  organisationName: string;
  /** A second factor (TOTP) is set up. */
  secondFactor: boolean;
  /** An admin of an organisation that requires a second factor, without one: may only set it up. */
  secondFactorRequired: boolean;
}

export interface TrainerSession {
  trainer: Trainer;
  csrfToken: string;
  tokenHash: string;
}

export async function createTrainerSession(db: Kysely<Database>, trainerId: string, now: Date): Promise<{ token: string; csrfToken: string }> {
  const token = newSecret();
  const csrfToken = randomBytes(24).toString('base64url');
  const at = now.toISOString();
  await db.insertInto('trainer_sessions').values({ token_hash: secretHash(token), trainer_id: trainerId, csrf_token: csrfToken, created_at: at, last_seen_at: at }).execute();
  return { token, csrfToken };
}

/** The live session for a cookie value, or null (unknown, idle too long, or too old: then it is deleted). */
export async function findTrainerSession(db: Kysely<Database>, token: string, now: Date): Promise<TrainerSession | null> {
  const tokenHash = secretHash(token);
  const row = await db
    .selectFrom('trainer_sessions as s')
    .innerJoin('trainers as t', 't.id', 's.trainer_id')
    .innerJoin('organisations as o', 'o.id', 't.organisation_id')
    .select(['s.csrf_token', 's.created_at', 's.last_seen_at', 't.id', 't.email', 't.role', 't.organisation_id', 't.totp_secret', 'o.name', 'o.require_admin_totp'])
    .where('s.token_hash', '=', tokenHash)
    .executeTakeFirst();
  if (!row) return null;
  const t = now.getTime();
  if (t - Date.parse(row.last_seen_at) > idleTimeoutMs || t - Date.parse(row.created_at) > absoluteTimeoutMs) {
    await deleteTrainerSession(db, tokenHash);
    return null;
  }
  if (t - Date.parse(row.last_seen_at) > touchEveryMs) {
    await db.updateTable('trainer_sessions').set({ last_seen_at: now.toISOString() }).where('token_hash', '=', tokenHash).execute();
  }
  return {
    tokenHash,
    csrfToken: row.csrf_token,
    trainer: {
      id: row.id,
      email: row.email,
      role: row.role,
      organisationId: row.organisation_id,
      organisationName: row.name,
      secondFactor: row.totp_secret !== null,
      secondFactorRequired: row.role === 'admin' && row.require_admin_totp === 1 && row.totp_secret === null,
    },
  };
}

export async function deleteTrainerSession(db: Kysely<Database>, tokenHash: string): Promise<void> {
  await db.deleteFrom('trainer_sessions').where('token_hash', '=', tokenHash).execute();
}

export function sameSecret(given: string | undefined, expected: string): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Every session of a trainer but `keep` (a password change ends the others; a reset ends all). */
export async function endTrainerSessions(db: Kysely<Database>, trainerId: string, keep?: string): Promise<number> {
  let query = db.deleteFrom('trainer_sessions').where('trainer_id', '=', trainerId);
  if (keep) query = query.where('token_hash', '!=', keep);
  return Number((await query.executeTakeFirst()).numDeletedRows);
}
