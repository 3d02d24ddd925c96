import type { ZxcvbnFactory } from '@zxcvbn-ts/core';

/** Why a password is refused; the dashboard and the CLI translate the code (locales/<lng>/accounts.json). */
export type PasswordProblemCode = 'too-short' | 'too-long' | 'contains-email' | 'contains-organisation' | 'too-weak';

export interface PasswordProblem {
  code: PasswordProblemCode;
  message: string;
}

export const minPasswordLength = 10;
export const maxPasswordLength = 200;
/**
 * zxcvbn's score 3: about 10⁸ guesses or more. With the login throttle (about one try a minute per
 * account once it delays) that is centuries online; offline, argon2id makes each guess expensive.
 */
export const minPasswordScore = 3;

// The packages all name their lists alike (commonWords, lastnames…): prefixed, none replaces another.
// Their Wikipedia word lists are left out: they doubled the build time (about 0.6 s more CPU) and
// add little to the common-word, name and common-password lists for what trainers choose.
const prefixed = (prefix: string, dictionary: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(dictionary).filter(([k]) => !k.startsWith('wikipedia')).map(([k, v]) => [`${prefix}-${k}`, v]));

let factory: Promise<ZxcvbnFactory> | null = null;
/**
 * Loaded and built on first use (about a second: it ranks the word lists), so a start or a CLI
 * command that sets no password never pays for it. Shipped with the server; nothing online.
 */
function estimator(): Promise<ZxcvbnFactory> {
  factory ??= (async () => {
    const [{ ZxcvbnFactory }, common, en, fr, nl] = await Promise.all([
      import('@zxcvbn-ts/core'),
      import('@zxcvbn-ts/language-common'),
      import('@zxcvbn-ts/language-en'),
      import('@zxcvbn-ts/language-fr'),
      import('@zxcvbn-ts/language-nl-be'),
    ]);
    return new ZxcvbnFactory({
      dictionary: { ...common.dictionary, ...prefixed('en', en.dictionary), ...prefixed('fr', fr.dictionary), ...prefixed('nl', nl.dictionary) },
      graphs: common.adjacencyGraphs,
      translations: en.translations,
    });
  })();
  return factory;
}

/** Lower case, letters and digits only: `Atelier Noord` and `atelier-noord` are the same name. */
const folded = (s: string) => s.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');

/**
 * A password a trainer may choose: 10–200 characters, not built on their own e-mail address or the
 * organisation's name, and hard to guess by zxcvbn's estimate with common passwords and English,
 * French and Dutch (Belgian) words.
 */
export async function passwordProblem(password: string, context: { email?: string; organisationName?: string } = {}): Promise<PasswordProblem | null> {
  if (password.length < minPasswordLength) return { code: 'too-short', message: `must be at least ${minPasswordLength} characters` };
  if (password.length > maxPasswordLength) return { code: 'too-long', message: `must be at most ${maxPasswordLength} characters` };
  const p = folded(password);
  const email = context.email?.toLowerCase() ?? '';
  const local = folded(email.split('@')[0] ?? '');
  if (email && (p.includes(folded(email)) || (local.length >= 4 && p.includes(local)))) {
    return { code: 'contains-email', message: 'must not contain your e-mail address' };
  }
  const organisation = folded(context.organisationName ?? '');
  if (organisation.length >= 4 && p.includes(organisation)) return { code: 'contains-organisation', message: 'must not contain the name of the organisation' };
  const inputs = [email, ...email.split(/[@.]/), context.organisationName ?? '', ...(context.organisationName ?? '').split(/\s+/), 'werkvloer'].filter((s) => s.length >= 3);
  const result = (await estimator()).check(password, inputs);
  if (result.score < minPasswordScore) {
    return { code: 'too-weak', message: 'is too easy to guess (a common password, a word list or a pattern); use a few unrelated words' };
  }
  return null;
}
