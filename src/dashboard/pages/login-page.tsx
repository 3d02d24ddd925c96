import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../api';
import type { Me } from '../dashboard-app';
import { SecondFactorStep } from './second-factor-step';

interface Organisation {
  id: string;
  name: string;
}

export function LoginPage({ onLoggedIn, languagePicker }: { onLoggedIn(me: Me): void; languagePicker: ReactNode }) {
  const { t } = useTranslation();
  const { t: tAccounts } = useTranslation('accounts');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // Set when the password was right and the account has a second factor (pages/second-factor-step.tsx).
  const [challenge, setChallenge] = useState<string | null>(null);
  // Set when this e-mail and password open accounts in several organisations: the trainer picks one.
  const [organisations, setOrganisations] = useState<Organisation[] | null>(null);
  const [organisation, setOrganisation] = useState('');
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const chosen = organisations && organisation ? { organisation } : {};
      const answer = await api<Me | { secondFactor: 'totp'; challenge: string }>('POST', '/api/auth/login', { email, password, ...chosen });
      if ('challenge' in answer) setChallenge(answer.challenge);
      else onLoggedIn(answer);
    } catch (err) {
      if (err instanceof ApiError && err.code === 'choose-organisation' && Array.isArray(err.body.organisations)) {
        const list = err.body.organisations as Organisation[];
        setOrganisations(list);
        setOrganisation(list[0]?.id ?? '');
        return;
      }
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
        <SecondFactorStep challenge={challenge} onLoggedIn={onLoggedIn} onBack={() => (setChallenge(null), setPassword(''), setOrganisations(null))} />
      ) : (
      <form onSubmit={(e) => void submit(e)}>
        <label>
          {t('login.email')}
          <input type="email" autoComplete="username" required value={email} onChange={(e) => (setEmail(e.target.value), setOrganisations(null))} name="email" />
        </label>
        <label>
          {t('login.password')}
          <input type="password" autoComplete="current-password" required value={password} onChange={(e) => (setPassword(e.target.value), setOrganisations(null))} name="password" />
        </label>
        {organisations ? (
          <fieldset>
            <legend>{tAccounts('chooseOrganisation.title')}</legend>
            <p>{tAccounts('chooseOrganisation.help')}</p>
            {organisations.map((o) => (
              <label key={o.id}>
                <input type="radio" name="organisation" value={o.id} checked={organisation === o.id} onChange={() => setOrganisation(o.id)} />
                {o.name}
              </label>
            ))}
          </fieldset>
        ) : null}
        {error ? <p role="alert">{error}</p> : null}
        <button type="submit" className="primary" disabled={busy} data-action="login">
          {t('login.submit')}
        </button>
      </form>
      )}
    </main>
  );
}
