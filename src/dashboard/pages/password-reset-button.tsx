import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api';
import { accountErrorText } from '../account/account-error-text';
import { formatDate } from '../format-date';

/** On the trainers page: an admin makes a one-time reset link for a trainer and hands it over in person. */
export function PasswordResetButton({ trainerId, email }: { trainerId: string; email: string }) {
  const { t, i18n } = useTranslation('accounts');
  const [removeSecondFactor, setRemoveSecondFactor] = useState(false);
  const [result, setResult] = useState<{ link: string; expiresAt: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const reset = async () => {
    if (!window.confirm(t('reset.confirm', { email }))) return;
    setError(null);
    try {
      const issued = await api<{ link: string; expiresAt: string }>('POST', `/api/trainers/${trainerId}/password-reset`, { removeSecondFactor });
      setResult({ link: new URL(issued.link, location.origin).href, expiresAt: issued.expiresAt });
    } catch (err) {
      setError(accountErrorText(t, err));
    }
  };
  return (
    <div className="password-reset">
      <label>
        <input type="checkbox" checked={removeSecondFactor} onChange={(e) => setRemoveSecondFactor(e.target.checked)} />
        {t('reset.alsoSecondFactor')}
      </label>
      <button type="button" onClick={() => void reset()} aria-label={t('reset.buttonWho', { email })}>
        {t('reset.button')}
      </button>
      {result ? (
        <p role="status">
          {t('reset.link', { email, time: formatDate(result.expiresAt, i18n.language) })} <output data-testid="reset-link">{result.link}</output>
        </p>
      ) : null}
      {error ? <p role="alert">{error}</p> : null}
    </div>
  );
}
