import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import type { Database } from './db/schema';
import type { PasswordProblem } from './auth/password-policy';
import { removeSecondFactor } from './auth/second-factor';
import { endTrainerSessions } from './auth/trainer-sessions';
import { repoRoot } from './settings';

const cliLanguages = ['nl', 'en', 'fr', 'ar', 'prs', 'ti', 'tr', 'uk'];

/** The language of the terminal (LC_ALL, LC_MESSAGES, LANG: `nl_BE.UTF-8` → nl), English otherwise. */
export function cliLanguage(env: NodeJS.ProcessEnv): string {
  for (const value of [env.LC_ALL, env.LC_MESSAGES, env.LANG]) {
    const code = value?.split(/[_.@-]/)[0]?.toLowerCase();
    if (code && cliLanguages.includes(code)) return code;
    if (value) break;
  }
  return 'en';
}

/** A refused password in the admin's language, from the dashboard's own texts (locales/<lng>/accounts.json). */
export function passwordProblemText(problem: PasswordProblem, language: string): string {
  try {
    const texts = JSON.parse(readFileSync(join(repoRoot, 'locales', language, 'accounts.json'), 'utf8')) as { password?: Record<string, string> };
    const text = texts.password?.[problem.code];
    if (text) return text.replace(/\{\{min\}\}/g, '10').replace(/\{\{max\}\}/g, '200');
  } catch {
    // No such language file: the server's English below.
  }
  return problem.message;
}

export type SecondFactorReset =
  | { kind: 'reset'; trainerId: string; organisation: string; endedSessions: number }
  | { kind: 'not-found' }
  /** The address has accounts in several organisations: `--organisation` picks one. */
  | { kind: 'choose-organisation'; organisations: { id: string; name: string }[] };

/**
 * `npm run admin -- reset-second-factor --email … [--organisation …]`: for an admin locked out of
 * their second factor, run on the server's machine (whoever can run it can read the database anyway,
 * so it may name the organisations an address has accounts in). Ends their sessions.
 */
export async function resetSecondFactorByEmail(db: Kysely<Database>, email: string, organisation?: string): Promise<SecondFactorReset> {
  const wanted = organisation?.trim().toLowerCase();
  const accounts = (
    await db
      .selectFrom('trainers as t')
      .innerJoin('organisations as o', 'o.id', 't.organisation_id')
      .select(['t.id', 'o.id as organisationId', 'o.name'])
      .where('t.email', '=', email.trim().toLowerCase())
      .orderBy('o.name')
      .execute()
  ).filter((a) => !wanted || a.organisationId === wanted || a.name.toLowerCase() === wanted);
  if (accounts.length === 0) return { kind: 'not-found' };
  if (accounts.length > 1) return { kind: 'choose-organisation', organisations: accounts.map((a) => ({ id: a.organisationId, name: a.name })) };
  const trainer = accounts[0]!;
  await removeSecondFactor(db, trainer.id);
  return { kind: 'reset', trainerId: trainer.id, organisation: trainer.name, endedSessions: await endTrainerSessions(db, trainer.id) };
}
