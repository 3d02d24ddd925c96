import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api';
import type { Me } from '../dashboard-app';
import { useLoad } from '../use-load';
import { CountrySetting } from './country-setting';
import { PasswordResetButton } from './password-reset-button';
import { accountErrorText } from '../account/account-error-text';

/** An organisation admin sets the organisation's country and adds and removes its trainers. */
export function TrainersPage({ me }: { me: Me }) {
  const { t } = useTranslation();
  const { t: tAccounts } = useTranslation('accounts');
  const trainers = useLoad<{ trainers: { id: string; email: string; role: string }[] }>('/api/trainers');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [role, setRole] = useState('trainer');
  const [message, setMessage] = useState<string | null>(null);
  const add = async (e: React.FormEvent) => {
    e.preventDefault();
    try {
      await api('POST', '/api/trainers', { email, password, role });
      setMessage(t('trainers.added', { email }));
      setEmail('');
      setPassword('');
      trainers.reload();
    } catch (err) {
      // A refused password says which rule it broke, in the trainer's language.
      setMessage(accountErrorText(tAccounts, err));
    }
  };
  const remove = async (id: string, who: string) => {
    if (!window.confirm(t('trainers.confirmRemove', { email: who }))) return;
    try {
      await api('DELETE', `/api/trainers/${id}`);
      trainers.reload();
    } catch (err) {
      setMessage(t('app.error', { message: (err as Error).message }));
    }
  };
  return (
    <section aria-labelledby="trainers-title">
      <h1 id="trainers-title">{t('trainers.title')}</h1>
      {message ? <p role="status">{message}</p> : null}
      <table>
        <thead>
          <tr>
            <th scope="col">{t('login.email')}</th>
            <th scope="col">{t('trainers.role')}</th>
            <th scope="col">
              <span className="visually-hidden">{t('trainers.remove')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {trainers.data?.trainers.map((tr) => (
            <tr key={tr.id}>
              <td>{tr.email}</td>
              <td>{t(`role.${tr.role}`)}</td>
              <td>
                {tr.id === me.trainer.id ? null : <PasswordResetButton trainerId={tr.id} email={tr.email} />}
                {tr.id === me.trainer.id ? null : (
                  <button type="button" onClick={() => void remove(tr.id, tr.email)} aria-label={t('trainers.removeWho', { email: tr.email })}>
                    {t('trainers.remove')}
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>{t('trainers.add')}</h2>
      <form onSubmit={(e) => void add(e)}>
        <label>
          {t('login.email')}
          <input type="email" required value={email} onChange={(e) => setEmail(e.target.value)} autoComplete="off" />
        </label>
        <label>
          {t('trainers.password')}
          <input type="password" required minLength={10} value={password} onChange={(e) => setPassword(e.target.value)} autoComplete="new-password" />
        </label>
        <label>
          {t('trainers.role')}
          <select value={role} onChange={(e) => setRole(e.target.value)}>
            <option value="trainer">{t('role.trainer')}</option>
            <option value="admin">{t('role.admin')}</option>
          </select>
        </label>
        <button type="submit">{t('trainers.add')}</button>
      </form>
      <CountrySetting />
    </section>
  );
}
