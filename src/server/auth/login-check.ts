import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { dummyHash, hashPassword, needsRehash, verifyPassword } from './password';

/**
 * An address may have an account in several organisations (issue 18 item 10), each with its own
 * password. Every login checks as many hashes as the address with the most accounts on this server
 * has, and at least this many, dummies making up the rest: the answer's time does not tell an
 * address with one account from one that also has accounts in other organisations — what an admin
 * who adds an address to their own organisation could otherwise time.
 */
export const loginHashChecks = 2;

/** The most accounts any one address has (0 without trainers). */
async function widestAddress(db: Kysely<Database>): Promise<number> {
  const row = await db
    .selectFrom('trainers')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .groupBy('email')
    .orderBy('n', 'desc')
    .limit(1)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

export type LoginCheck =
  | { kind: 'failed' }
  | { kind: 'ok'; trainerId: string }
  /** The password is right for accounts in several organisations: the person picks one. */
  | { kind: 'choose-organisation'; organisations: { id: string; name: string }[] };

/** The trainer ids of an address (in one organisation, when given): known-device cookies are checked against them. */
export async function accountsOf(db: Kysely<Database>, email: string, organisationId?: string): Promise<string[]> {
  let query = db.selectFrom('trainers').select('id').where('email', '=', email);
  if (organisationId) query = query.where('organisation_id', '=', organisationId);
  return (await query.execute()).map((r) => r.id);
}

/**
 * The password check of a login, with the same work whether the address is unknown or has one
 * account or several (`verify` is replaceable so that tests can count the checks). A good password under an older hash (scrypt) is re-hashed with argon2id on the spot: the
 * only moment the server ever holds the plain password.
 */
export async function checkTrainerLogin(
  db: Kysely<Database>,
  email: string,
  password: string,
  organisationId?: string,
  verify: (password: string, hash: string) => Promise<boolean> = verifyPassword,
): Promise<LoginCheck> {
  let query = db
    .selectFrom('trainers as t')
    .innerJoin('organisations as o', 'o.id', 't.organisation_id')
    .select(['t.id', 't.password_hash', 't.organisation_id', 'o.name'])
    .where('t.email', '=', email)
    .orderBy('o.name');
  if (organisationId) query = query.where('t.organisation_id', '=', organisationId);
  const rows = await query.execute();
  const checks = Math.max(loginHashChecks, await widestAddress(db));
  const hashes = [...rows.map((r) => r.password_hash), ...Array<string>(Math.max(0, checks - rows.length)).fill(dummyHash)];
  const results = await Promise.all(hashes.map((h) => verify(password, h)));
  const matched = rows.filter((_, i) => results[i]);
  for (const row of matched) {
    if (!needsRehash(row.password_hash)) continue;
    const upgraded = await hashPassword(password);
    // Only if nobody changed the hash meanwhile (a second instance doing the same upgrade).
    await db.updateTable('trainers').set({ password_hash: upgraded }).where('id', '=', row.id).where('password_hash', '=', row.password_hash).execute();
  }
  if (matched.length === 0) return { kind: 'failed' };
  if (matched.length === 1) return { kind: 'ok', trainerId: matched[0]!.id };
  return { kind: 'choose-organisation', organisations: matched.map((r) => ({ id: r.organisation_id, name: r.name })) };
}
