import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from './db/schema';
import type { Country } from './db/schema-organisations';
import { hashPassword } from './auth/password';
import { passwordProblem, type PasswordProblem } from './auth/password-policy';

export const emailSchema = z
  .string()
  .trim()
  .max(200)
  .regex(/^[^\s@]+@[^\s@]+$/, 'must be an e-mail address')
  .transform((e) => e.toLowerCase());

export const countries = ['BE', 'NL'] as const satisfies readonly Country[];

/** BE or NL, as the CLI, the API and scenarios spell it. */
export const countrySchema = z.enum(countries, { message: 'must be "BE" (Belgium) or "NL" (the Netherlands)' });

/** The password the CLI was given is refused: the CLI says why in the admin's language. */
export class PasswordRefused extends Error {
  constructor(readonly problem: PasswordProblem) {
    super(`password: ${problem.message}`);
  }
}

/**
 * The first-run path (`npm run admin -- create-organisation`): an organisation and its admin, with
 * a password the person chose, and its country (whose legal limits its stations follow). There is
 * no default account and no default password.
 */
export async function createOrganisation(
  db: Kysely<Database>,
  input: { name: string; email: string; password: string; country: string },
  now = new Date(),
): Promise<{ organisationId: string; trainerId: string }> {
  const name = input.name.trim();
  if (name.length < 1 || name.length > 120) throw new Error('organisation name: must be 1–120 characters');
  const email = emailSchema.safeParse(input.email);
  if (!email.success) throw new Error(`email: ${email.error.issues[0]!.message}`);
  // The CLI passes what was typed: be lenient about case, strict about the value.
  const country = countrySchema.safeParse(input.country.trim().toUpperCase());
  if (!country.success) throw new Error(`country: ${country.error.issues[0]!.message}`);
  const problem = await passwordProblem(input.password, { email: email.data, organisationName: name });
  if (problem) throw new PasswordRefused(problem);
  // A new organisation has no trainers yet: the address may have an account in another organisation,
  // which stays its own (issue 18 item 10).
  const organisationId = randomUUID();
  const trainerId = randomUUID();
  const passwordHash = await hashPassword(input.password);
  await db.transaction().execute(async (tx) => {
    await tx.insertInto('organisations').values({ id: organisationId, name, country: country.data, created_at: now.toISOString() }).execute();
    await tx
      .insertInto('trainers')
      .values({ id: trainerId, organisation_id: organisationId, email: email.data, password_hash: passwordHash, role: 'admin', created_at: now.toISOString() })
      .execute();
  });
  return { organisationId, trainerId };
}
