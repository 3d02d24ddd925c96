import type { TFunction } from 'i18next';
import { ApiError } from '../api';

const knownErrors: Record<string, string> = {
  'current-password-wrong': 'errors.currentPasswordWrong',
  'second-factor-wrong': 'errors.codeWrong',
  'challenge-expired': 'errors.challengeExpired',
  'reset-link-invalid': 'errors.resetLinkInvalid',
  'second-factor-required': 'errors.secondFactorRequired',
  'set-up-second-factor-first': 'errors.setUpFirst',
  'too-many-requests': 'errors.tooMany',
  'email-in-organisation': 'errors.emailInOrganisation',
};

/** An account call's failure in the trainer's language: the password rule it broke, or what went wrong. */
export function accountErrorText(t: TFunction<'accounts'>, error: unknown): string {
  if (error instanceof ApiError) {
    const passwordCode = error.issues.find((i) => i.code?.startsWith('password-'))?.code;
    if (passwordCode) return t(`password.${passwordCode.slice('password-'.length)}`, { min: 10, max: 200 });
    const key = knownErrors[error.code] ?? (error.status === 429 ? 'errors.tooMany' : undefined);
    if (key) return t(key);
  }
  return t('errors.generic', { message: error instanceof Error ? error.message : String(error) });
}
