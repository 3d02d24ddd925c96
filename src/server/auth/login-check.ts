import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { dummyHash, hashPassword, needsRehash, verifyPassword } from './password';

/**
 * The password check of a login: the trainer's id when e-mail and password match, else null, with
 * the same work either way. A good password under an older hash (scrypt) is re-hashed with argon2id
 * on the spot: the only moment the server ever holds the plain password.
 */
export async function checkTrainerLogin(db: Kysely<Database>, email: string, password: string): Promise<string | null> {
  const row = await db.selectFrom('trainers').select(['id', 'password_hash']).where('email', '=', email).executeTakeFirst();
  const ok = await verifyPassword(password, row?.password_hash ?? dummyHash);
  if (!row || !ok) return null;
  if (needsRehash(row.password_hash)) {
    const upgraded = await hashPassword(password);
    // Only if nobody changed the hash meanwhile (a second instance doing the same upgrade).
    await db.updateTable('trainers').set({ password_hash: upgraded }).where('id', '=', row.id).where('password_hash', '=', row.password_hash).execute();
  }
  return row.id;
}
