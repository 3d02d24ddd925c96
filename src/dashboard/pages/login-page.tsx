import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../api';
import type { Me } from '../dashboard-app';
import { SecondFactorStep } from './second-factor-step';

export function LoginPage({ onLoggedIn, languagePicker }: { onLoggedIn(me: Me): void; languagePicker: ReactNode }) {
  const { t } = useTranslation();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // Set when the password was right and the account has a second factor (pages/second-factor-step.tsx).
  const [challenge, setChallenge] = useState<string | null>(null);
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const answer = await api<Me | { secondFactor: 'totp'; challenge: string }>('POST', '/api/auth/login', { email, password });
      if ('challenge' in answer) setChallenge(answer.challenge);
      else onLoggedIn(answer);
    } catch (err) {
      const status = err instanceof ApiError ? err.status : 0;
      setError(status === 401 ? t('login.failed') : status === 429 ? t('login.tooMany') : t('app.error', { message: (err as Error).message }));
    } finally {
      setBusy(false);
    }
  };
  return (
    <main className="login" id="main">
      <h1>{t('login.title')}</h1>
      {languagePicker}
      {challenge ? (
        <SecondFactorStep challenge={challenge} onLoggedIn={onLoggedIn} onBack={() => (setChallenge(null), setPassword(''))} />
      ) : (
      <form onSubmit={(e) => void submit(e)}>
        <label>
          {t('login.email')}
          <input type="email" autoComplete="username" required value={email} onChange={(e) => setEmail(e.target.value)} name="email" />
        </label>
        <label>
          {t('login.password')}
          <input type="password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.target.value)} name="password" />
        </label>
        {error ? <p role="alert">{error}</p> : null}
        <button type="submit" className="primary" disabled={busy} data-action="login">
          {t('login.submit')}
        </button>
      </form>
      )}
    </main>
  );
}
