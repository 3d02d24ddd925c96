import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api';
import { accountErrorText } from '../account/account-error-text';

/** The page behind an admin's reset link (`#/reset/<token>`): the trainer chooses a new password. */
export function ResetPasswordPage({ token, languagePicker, onDone }: { token: string; languagePicker: ReactNode; onDone(): void }) {
  const { t } = useTranslation('accounts');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setError(null);
    try {
      await api('POST', '/api/auth/password-reset', { token, password });
      setDone(true);
    } catch (err) {
      setError(accountErrorText(t, err));
    }
  };
  return (
    <main className="login" id="main">
      <h1>{t('reset.title')}</h1>
      {languagePicker}
      {done ? (
        <>
          <p role="status">{t('reset.done')}</p>
          <button type="button" className="primary" onClick={onDone}>
            {t('reset.toLogin')}
          </button>
        </>
      ) : (
        <form onSubmit={(e) => void submit(e)}>
          <p>{t('password.rules')}</p>
          <label>
            {t('reset.newPassword')}
            <input type="password" name="new-password" autoComplete="new-password" required minLength={10} maxLength={200} value={password} onChange={(e) => setPassword(e.target.value)} />
          </label>
          {error ? <p role="alert">{error}</p> : null}
          <button type="submit" className="primary" data-action="reset-password">
            {t('reset.submit')}
          </button>
        </form>
      )}
    </main>
  );
}
