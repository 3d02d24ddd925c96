import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { humanCode, newSecret, normaliseCode, secretHash } from './secrets';

/** A join code on a printed card is good for two weeks; a headset's token for 30 days. */
export const joinCodeLifetimeMs = 14 * 24 * 60 * 60 * 1000;
export const traineeTokenLifetimeMs = 30 * 24 * 60 * 60 * 1000;

export interface TraineeIdentity {
  traineeId: string;
  organisationId: string;
  code: string;
  /** Until when sessions made under this token are accepted (by their end time). */
  expiresAt: string;
}

/** A new join code for a trainee (8 characters, about 38 bits: guessing is stopped by the rate limit). */
export async function issueJoinCode(db: Kysely<Database>, traineeId: string, now: Date): Promise<{ joinCode: string; expiresAt: string }> {
  const joinCode = humanCode(8);
  const expiresAt = new Date(now.getTime() + joinCodeLifetimeMs).toISOString();
  await db.insertInto('join_codes').values({ code_hash: secretHash(joinCode), trainee_id: traineeId, expires_at: expiresAt, created_at: now.toISOString() }).execute();
  return { joinCode, expiresAt };
}

/** Exchanges a join code for a trainee token; null when the code is unknown or expired. */
export async function redeemJoinCode(db: Kysely<Database>, input: string, now: Date): Promise<{ token: string; identity: TraineeIdentity } | null> {
  const row = await db
    .selectFrom('join_codes as j')
    .innerJoin('trainees as t', 't.id', 'j.trainee_id')
    .select(['t.id', 't.organisation_id', 't.code', 'j.expires_at'])
    .where('j.code_hash', '=', secretHash(normaliseCode(input)))
    .executeTakeFirst();
  if (!row || Date.parse(row.expires_at) < now.getTime()) return null;
  const token = newSecret();
  const expiresAt = new Date(now.getTime() + traineeTokenLifetimeMs).toISOString();
  await db.insertInto('trainee_tokens').values({ token_hash: secretHash(token), trainee_id: row.id, expires_at: expiresAt, created_at: now.toISOString() }).execute();
  return { token, identity: { traineeId: row.id, organisationId: row.organisation_id, code: row.code, expiresAt } };
}

/** The trainee behind a token, expired or not: the caller decides by the session's end time. */
export async function traineeForToken(db: Kysely<Database>, token: string): Promise<TraineeIdentity | null> {
  const row = await db
    .selectFrom('trainee_tokens as k')
    .innerJoin('trainees as t', 't.id', 'k.trainee_id')
    .select(['t.id', 't.organisation_id', 't.code', 'k.expires_at'])
    .where('k.token_hash', '=', secretHash(token))
    .executeTakeFirst();
  return row ? { traineeId: row.id, organisationId: row.organisation_id, code: row.code, expiresAt: row.expires_at } : null;
}

/** `Authorization: Bearer <token>`, or undefined when absent; null when present but malformed. */
export function bearerToken(header: string | undefined): string | null | undefined {
  if (header === undefined) return undefined;
  const m = /^Bearer ([A-Za-z0-9_-]{20,100})$/.exec(header);
  return m ? m[1]! : null;
}
