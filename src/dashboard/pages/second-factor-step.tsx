import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api';
import { accountErrorText } from '../account/account-error-text';
import type { Me } from '../dashboard-app';

/** The login's second step: a code from the authenticator app, or a recovery code. */
export function SecondFactorStep({ challenge, onLoggedIn, onBack }: { challenge: string; onLoggedIn(me: Me): void; onBack(): void }) {
  const { t } = useTranslation('accounts');
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      onLoggedIn(await api<Me>('POST', '/api/auth/login/second-factor', { challenge, code }));
    } catch (err) {
      setError(accountErrorText(t, err));
      setCode('');
    } finally {
      setBusy(false);
    }
  };
  return (
    <form onSubmit={(e) => void submit(e)} aria-labelledby="second-factor-title">
      <h2 id="second-factor-title">{t('login.title')}</h2>
      <p>{t('login.help')}</p>
      <label>
        {t('login.code')}
        <input name="code" autoComplete="one-time-code" inputMode="text" required autoFocus value={code} onChange={(e) => setCode(e.target.value)} maxLength={20} />
      </label>
      {error ? <p role="alert">{error}</p> : null}
      <button type="submit" className="primary" disabled={busy} data-action="second-factor">
        {t('login.submit')}
      </button>
      <button type="button" onClick={onBack}>
        {t('login.back')}
      </button>
    </form>
  );
}
