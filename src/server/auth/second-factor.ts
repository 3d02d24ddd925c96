import type { Kysely } from 'kysely';
import { Secret, TOTP } from 'otpauth';
import type { Database } from '../db/schema';
import { humanCode, newSecret, normaliseCode, secretHash } from './secrets';
import type { SecretBox } from './secret-box';

/**
 * The optional second factor: TOTP (RFC 6238 through `otpauth`: 6 digits, 30 s, SHA-1, which every
 * authenticator app reads) and ten single-use recovery codes. The seed is stored sealed with the
 * server secret; recovery codes and login challenges by their hash only.
 */
const period = 30;
/** Between password and code: long enough to find the phone, short enough to be of no use stolen. */
export const challengeLifetimeMs = 5 * 60_000;
/** Wrong codes a challenge survives; then the password is asked again (and counted by the throttle). */
export const challengeMaxFailures = 5;
export const recoveryCodeCount = 10;

const totp = (secretBase32: string, label = '', issuer = 'werkvloer') => new TOTP({ issuer, label, secret: Secret.fromBase32(secretBase32), algorithm: 'SHA1', digits: 6, period });

export const newTotpSecret = (): string => new Secret({ size: 20 }).base32;

/** The `otpauth://` URI an authenticator app scans (as a QR code) or takes typed in. */
export const totpUri = (secretBase32: string, email: string, organisation: string) => totp(secretBase32, email, `werkvloer (${organisation})`).toString();

/** The code for a moment (tests; an authenticator app does the same). */
export const totpCode = (secretBase32: string, now: Date) => totp(secretBase32).generate({ timestamp: now.getTime() });

/** The time step of a right code (one step of clock drift either way), or null. */
export function totpStep(secretBase32: string, code: string, now: Date): number | null {
  if (!/^\d{6}$/.test(code)) return null;
  const delta = totp(secretBase32).validate({ token: code, timestamp: now.getTime(), window: 1 });
  return delta === null ? null : Math.floor(now.getTime() / 1000 / period) + delta;
}

/** Ten codes like `K7MXQ-4RT9A` (about 48 bits each): written on paper, each opens one login. */
export function newRecoveryCodes(): string[] {
  return Array.from({ length: recoveryCodeCount }, () => `${humanCode(5)}-${humanCode(5)}`);
}

export async function replaceRecoveryCodes(db: Kysely<Database>, trainerId: string, codes: string[], now: Date): Promise<void> {
  await db.deleteFrom('trainer_recovery_codes').where('trainer_id', '=', trainerId).execute();
  await db
    .insertInto('trainer_recovery_codes')
    .values(codes.map((c) => ({ code_hash: secretHash(normaliseCode(c)), trainer_id: trainerId, created_at: now.toISOString() })))
    .execute();
}

export type SecondFactorCheck = 'totp' | 'recovery-code' | null;

/**
 * A code typed at login: a TOTP code not used before (the step is kept, so a code seen over a
 * shoulder cannot be replayed), or one of the trainer's recovery codes (deleted as it is used).
 */
export async function checkSecondFactor(db: Kysely<Database>, box: SecretBox, trainerId: string, input: string, now: Date): Promise<SecondFactorCheck> {
  const code = input.trim().replace(/\s/g, '');
  const row = await db.selectFrom('trainers').select(['totp_secret', 'totp_last_step']).where('id', '=', trainerId).executeTakeFirst();
  if (!row?.totp_secret) return null;
  if (/^\d{6}$/.test(code)) {
    const secret = box.open(row.totp_secret);
    const step = secret ? totpStep(secret, code, now) : null;
    if (step === null || (row.totp_last_step !== null && step <= row.totp_last_step)) return null;
    // Compare-and-set: two logins with the same code at once, only one gets in.
    const updated = await db
      .updateTable('trainers')
      .set({ totp_last_step: step })
      .where('id', '=', trainerId)
      .where((eb) => (row.totp_last_step === null ? eb('totp_last_step', 'is', null) : eb('totp_last_step', '=', row.totp_last_step)))
      .executeTakeFirst();
    return Number(updated.numUpdatedRows) === 1 ? 'totp' : null;
  }
  const normalised = normaliseCode(code);
  if (!/^[0-9A-Z]{10}$/.test(normalised)) return null;
  const used = await db.deleteFrom('trainer_recovery_codes').where('trainer_id', '=', trainerId).where('code_hash', '=', secretHash(normalised)).executeTakeFirst();
  return Number(used.numDeletedRows) === 1 ? 'recovery-code' : null;
}

/** Turns the second factor off (the trainer, or an admin's reset): seed, pending seed and codes. */
export async function removeSecondFactor(db: Kysely<Database>, trainerId: string): Promise<void> {
  await db.updateTable('trainers').set({ totp_secret: null, totp_pending: null, totp_last_step: null }).where('id', '=', trainerId).execute();
  await db.deleteFrom('trainer_recovery_codes').where('trainer_id', '=', trainerId).execute();
  await db.deleteFrom('login_challenges').where('trainer_id', '=', trainerId).execute();
}

/** After a right password for a trainer with a second factor: a short-lived challenge for the code step. */
export async function createChallenge(db: Kysely<Database>, trainerId: string, now: Date): Promise<{ challenge: string; expiresAt: string }> {
  const challenge = newSecret();
  const expiresAt = new Date(now.getTime() + challengeLifetimeMs).toISOString();
  await db.deleteFrom('login_challenges').where('expires_at', '<', now.toISOString()).execute();
  await db.insertInto('login_challenges').values({ token_hash: secretHash(challenge), trainer_id: trainerId, expires_at: expiresAt, failures: 0 }).execute();
  return { challenge, expiresAt };
}

/** The trainer a live challenge belongs to, or null (unknown, expired, used up). */
export async function challengeTrainer(db: Kysely<Database>, challenge: string, now: Date): Promise<{ trainerId: string; email: string; tokenHash: string } | null> {
  const tokenHash = secretHash(challenge);
  const row = await db
    .selectFrom('login_challenges as c')
    .innerJoin('trainers as t', 't.id', 'c.trainer_id')
    .select(['c.trainer_id', 'c.expires_at', 'c.failures', 't.email'])
    .where('c.token_hash', '=', tokenHash)
    .executeTakeFirst();
  if (!row || Date.parse(row.expires_at) < now.getTime() || row.failures >= challengeMaxFailures) return null;
  return { trainerId: row.trainer_id, email: row.email, tokenHash };
}

/** A wrong code: counted, and the challenge dropped at the limit. */
export async function failChallenge(db: Kysely<Database>, tokenHash: string): Promise<void> {
  await db.updateTable('login_challenges').set((eb) => ({ failures: eb('failures', '+', 1) })).where('token_hash', '=', tokenHash).execute();
  await db.deleteFrom('login_challenges').where('token_hash', '=', tokenHash).where('failures', '>=', challengeMaxFailures).execute();
}

export async function endChallenge(db: Kysely<Database>, tokenHash: string): Promise<void> {
  await db.deleteFrom('login_challenges').where('token_hash', '=', tokenHash).execute();
}
