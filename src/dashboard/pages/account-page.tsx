import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { toDataURL } from 'qrcode';
import { api } from '../api';
import { accountErrorText } from '../account/account-error-text';
import type { Me } from '../dashboard-app';
import { useLoad } from '../use-load';

type Setup = { secret: string; uri: string; qr: string };

/** The trainer's own account: change the password, set up or remove the second factor; for admins, the organisation's rule. */
export function AccountPage({ me, onChanged }: { me: Me; onChanged(): void }) {
  const { t } = useTranslation('accounts');
  return (
    <section aria-labelledby="account-title">
      <h1 id="account-title">{t('account.title')}</h1>
      {me.trainer.secondFactorRequired ? <p role="alert">{t('errors.secondFactorRequired')}</p> : null}
      <PasswordChange />
      <SecondFactor me={me} onChanged={onChanged} />
      {me.trainer.role === 'admin' ? <AdminRule me={me} /> : null}
    </section>
  );
}

function PasswordChange() {
  const { t } = useTranslation('accounts');
  const [currentPassword, setCurrent] = useState('');
  const [newPassword, setNew] = useState('');
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setMessage(null);
    try {
      const { endedSessions } = await api<{ endedSessions: number }>('POST', '/api/auth/password', { currentPassword, newPassword });
      setMessage({ ok: true, text: t('account.changed', { ended: endedSessions }) });
      setCurrent('');
      setNew('');
    } catch (err) {
      setMessage({ ok: false, text: accountErrorText(t, err) });
    }
  };
  return (
    <form onSubmit={(e) => void submit(e)} aria-labelledby="password-title">
      <h2 id="password-title">{t('account.passwordTitle')}</h2>
      <p>{t('password.rules')}</p>
      <label>
        {t('account.currentPassword')}
        <input type="password" name="current-password" autoComplete="current-password" required value={currentPassword} onChange={(e) => setCurrent(e.target.value)} />
      </label>
      <label>
        {t('account.newPassword')}
        <input type="password" name="new-password" autoComplete="new-password" required minLength={10} maxLength={200} value={newPassword} onChange={(e) => setNew(e.target.value)} />
      </label>
      {message ? <p role={message.ok ? 'status' : 'alert'}>{message.text}</p> : null}
      <button type="submit" data-action="change-password">
        {t('account.changePassword')}
      </button>
    </form>
  );
}

function SecondFactor({ me, onChanged }: { me: Me; onChanged(): void }) {
  const { t } = useTranslation('accounts');
  const [setup, setSetup] = useState<Setup | null>(null);
  const [code, setCode] = useState('');
  const [password, setPassword] = useState('');
  const [recoveryCodes, setRecoveryCodes] = useState<string[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const on = me.trainer.secondFactor === true;
  const start = async () => {
    setError(null);
    try {
      const s = await api<{ secret: string; uri: string }>('POST', '/api/auth/second-factor/setup');
      setSetup({ ...s, qr: await toDataURL(s.uri, { margin: 2, width: 220 }) });
    } catch (err) {
      setError(accountErrorText(t, err));
    }
  };
  const confirm = async (e: React.FormEvent) => {
    e.preventDefault();
    setError(null);
    try {
      const done = await api<{ recoveryCodes: string[] }>('POST', '/api/auth/second-factor/confirm', { code });
      setRecoveryCodes(done.recoveryCodes);
      setSetup(null);
      setCode('');
    } catch (err) {
      setError(accountErrorText(t, err));
    }
  };
  const remove = async (e: React.FormEvent) => {
    e.preventDefault();
    setError(null);
    try {
      await api('POST', '/api/auth/second-factor/remove', { password });
      setPassword('');
      onChanged();
    } catch (err) {
      setError(accountErrorText(t, err));
    }
  };
  return (
    <section aria-labelledby="second-factor-title">
      <h2 id="second-factor-title">{t('secondFactor.title')}</h2>
      <p role="status">{on ? t('secondFactor.on') : t('secondFactor.off')}</p>
      {recoveryCodes ? (
        <div>
          <h3>{t('secondFactor.recoveryTitle')}</h3>
          <p>{t('secondFactor.recoveryHelp')}</p>
          <ul className="recovery-codes" data-testid="recovery-codes">
            {recoveryCodes.map((c) => (
              <li key={c}>
                <code>{c}</code>
              </li>
            ))}
          </ul>
          <button type="button" className="primary" onClick={() => (setRecoveryCodes(null), onChanged())}>
            {t('secondFactor.recoveryDone')}
          </button>
        </div>
      ) : on ? (
        <form onSubmit={(e) => void remove(e)}>
          <label>
            {t('secondFactor.removePassword')}
            <input type="password" name="password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.target.value)} />
          </label>
          <button type="submit" data-action="remove-second-factor">
            {t('secondFactor.remove')}
          </button>
        </form>
      ) : setup ? (
        <form onSubmit={(e) => void confirm(e)}>
          <p>{t('secondFactor.scan')}</p>
          <img src={setup.qr} width={220} height={220} alt={t('secondFactor.qrAlt')} />
          <p>
            {t('secondFactor.key')} <code data-testid="totp-secret">{setup.secret}</code>
          </p>
          <label>
            {t('secondFactor.code')}
            <input name="code" autoComplete="one-time-code" inputMode="numeric" pattern="[0-9]{6}" required value={code} onChange={(e) => setCode(e.target.value)} />
          </label>
          <button type="submit" className="primary" data-action="confirm-second-factor">
            {t('secondFactor.confirm')}
          </button>
        </form>
      ) : (
        <button type="button" className="primary" onClick={() => void start()} data-action="set-up-second-factor">
          {t('secondFactor.setUp')}
        </button>
      )}
      {error ? <p role="alert">{error}</p> : null}
    </section>
  );
}

function AdminRule({ me }: { me: Me }) {
  const { t } = useTranslation('accounts');
  const rule = useLoad<{ requireAdminSecondFactor: boolean }>('/api/organisation/security');
  const [required, setRequired] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  useEffect(() => {
    if (rule.data) setRequired(rule.data.requireAdminSecondFactor);
  }, [rule.data]);
  const save = async (e: React.FormEvent) => {
    e.preventDefault();
    setMessage(null);
    try {
      await api('PUT', '/api/organisation/security', { requireAdminSecondFactor: required });
      setMessage({ ok: true, text: t('organisation.saved') });
    } catch (err) {
      setMessage({ ok: false, text: accountErrorText(t, err) });
    }
  };
  return (
    <form onSubmit={(e) => void save(e)} aria-labelledby="admin-rule-title">
      <h2 id="admin-rule-title">{t('organisation.title', { name: me.trainer.organisation.name })}</h2>
      <label>
        <input type="checkbox" checked={required} onChange={(e) => setRequired(e.target.checked)} name="require-admin-second-factor" />
        {t('organisation.requireAdmins')}
      </label>
      {message ? <p role={message.ok ? 'status' : 'alert'}>{message.text}</p> : null}
      <button type="submit">{t('organisation.save')}</button>
    </form>
  );
}
