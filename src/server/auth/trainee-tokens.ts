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

/** A token as its upload checks see it: when it was issued and last used. */
export interface TokenUse extends TraineeIdentity {
  tokenHash: string;
  issuedAt: string;
  lastUsedAt: string | null;
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

/** The trainee behind a token, expired or not (the caller decides by the session's times); null when unknown or revoked. */
export async function traineeForToken(db: Kysely<Database>, token: string): Promise<TokenUse | null> {
  const row = await db
    .selectFrom('trainee_tokens as k')
    .innerJoin('trainees as t', 't.id', 'k.trainee_id')
    .select(['t.id', 't.organisation_id', 't.code', 'k.token_hash', 'k.expires_at', 'k.created_at', 'k.last_used_at'])
    .where('k.token_hash', '=', secretHash(token))
    .where('k.revoked_at', 'is', null)
    .executeTakeFirst();
  return row
    ? { traineeId: row.id, organisationId: row.organisation_id, code: row.code, expiresAt: row.expires_at, tokenHash: row.token_hash, issuedAt: row.created_at, lastUsedAt: row.last_used_at }
    : null;
}

/** `last_used_at` is written at most once a minute per token: not one extra write per upload. */
const lastUsedResolutionMs = 60_000;

/** A token's `last_used_at` to write, when it is due. */
export interface TokenTouch {
  tokenHash: string;
  at: string;
}

/** The write that records a token's use now, or null when it was recorded less than a minute ago. */
export function tokenTouch(use: TokenUse, now: Date): TokenTouch | null {
  if (use.lastUsedAt !== null && now.getTime() - Date.parse(use.lastUsedAt) < lastUsedResolutionMs) return null;
  return { tokenHash: use.tokenHash, at: now.toISOString() };
}

/** Records that a token was used now (for the trainer's list of a trainee's headsets). */
export async function noteTokenUse(db: Kysely<Database>, use: TokenUse, now: Date): Promise<void> {
  const touch = tokenTouch(use, now);
  if (touch) await db.updateTable('trainee_tokens').set({ last_used_at: touch.at }).where('token_hash', '=', touch.tokenHash).execute();
}

/** `Authorization: Bearer <token>`, or undefined when absent; null when present but malformed. */
export function bearerToken(header: string | undefined): string | null | undefined {
  if (header === undefined) return undefined;
  const m = /^Bearer ([A-Za-z0-9_-]{20,100})$/.exec(header);
  return m ? m[1]! : null;
}
