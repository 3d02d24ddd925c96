import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api';
import { lrsNamespace, useLrsTexts } from '../lrs-i18n';
import { useLoad } from '../use-load';
import { formatDate } from '../format-date';

type AuthKind = 'basic' | 'oauth';
type Status = 'waiting' | 'sent' | 'failed' | 'conflict';

/** GET /api/organisation/lrs (src/server/routes/lrs-settings.ts). */
export interface LrsView {
  connection: { endpoint: string; authKind: AuthKind; username: string; tokenUrl: string | null; scope: string | null; enabled: boolean; since: string } | null;
  queue: { waiting: number; retrying: number; sent: number; failed: number; conflict: number; lastSentAt: string | null };
  problems: { statementId: string; sessionId: string; status: Status; attempts: number; lrsStatus: number | null; lrsAnswer: string | null; updatedAt: string; nextAttemptAt: string | null; verb: string; object: string }[];
}

const blank = { endpoint: '', authKind: 'basic' as AuthKind, username: '', secret: '', tokenUrl: '', scope: '', enabled: true };

/**
 * The organisation admin's LRS connection and what forwarding did (issue 31): where statements go,
 * with which credentials (the secret is never shown again), what waits, was sent or failed with
 * the LRS's answer, and a resend. Plain semantic HTML: the dashboard's shell styles it.
 */
export function LrsPage() {
  const ready = useLrsTexts();
  const { t, i18n } = useTranslation(lrsNamespace);
  const view = useLoad<LrsView>('/api/organisation/lrs');
  const [form, setForm] = useState(blank);
  const [message, setMessage] = useState<string | null>(null);
  const connection = view.data?.connection ?? null;
  useEffect(() => {
    if (connection) setForm({ ...connection, secret: '', tokenUrl: connection.tokenUrl ?? '', scope: connection.scope ?? '' });
  }, [connection]);

  if (!ready) return <p role="status">…</p>;
  const fail = (err: unknown) => setMessage(t('error', { message: (err as Error).message }));
  const when = (iso: string | null) => (iso ? formatDate(iso, i18n.language) : t('queue.never'));

  const save = async (e: React.FormEvent) => {
    e.preventDefault();
    try {
      await api('PUT', '/api/organisation/lrs', {
        endpoint: form.endpoint,
        authKind: form.authKind,
        username: form.username,
        ...(form.secret ? { secret: form.secret } : {}),
        ...(form.authKind === 'oauth' ? { tokenUrl: form.tokenUrl, scope: form.scope || null } : {}),
        enabled: form.enabled,
      });
      setMessage(t('saved'));
      setForm((f) => ({ ...f, secret: '' }));
      view.reload();
    } catch (err) {
      fail(err);
    }
  };
  const remove = async () => {
    if (!window.confirm(t('confirmRemove'))) return;
    try {
      await api('DELETE', '/api/organisation/lrs');
      setForm(blank);
      setMessage(t('removed'));
      view.reload();
    } catch (err) {
      fail(err);
    }
  };
  const resend = async (body: { statementIds: string[] } | { status: 'failed' | 'conflict' }) => {
    try {
      const r = await api<{ resent: number }>('POST', '/api/organisation/lrs/resend', body);
      setMessage(t('resent', { n: r.resent }));
      view.reload();
    } catch (err) {
      fail(err);
    }
  };
  const q = view.data?.queue;

  return (
    <section aria-labelledby="lrs-title" data-testid="lrs-page">
      <h1 id="lrs-title">{t('title')}</h1>
      <p id="lrs-explain">{t('explain')}</p>
      {message ? <p role="status">{message}</p> : null}
      {view.error ? <p role="alert">{t('error', { message: view.error })}</p> : null}

      <form onSubmit={(e) => void save(e)} aria-describedby="lrs-explain">
        <p>
          <label>
            {t('endpoint')}{' '}
            <input type="url" required value={form.endpoint} onChange={(e) => setForm({ ...form, endpoint: e.target.value })} placeholder="https://lrs.example.org/xapi" name="endpoint" />
          </label>
        </p>
        <fieldset>
          <legend>{t('authKind')}</legend>
          {(['basic', 'oauth'] as const).map((k) => (
            <label key={k}>
              <input type="radio" name="authKind" value={k} checked={form.authKind === k} onChange={() => setForm({ ...form, authKind: k })} /> {t(`auth.${k}`)}
            </label>
          ))}
        </fieldset>
        <p>
          <label>
            {t(form.authKind === 'oauth' ? 'clientId' : 'username')}{' '}
            <input required value={form.username} onChange={(e) => setForm({ ...form, username: e.target.value })} name="username" autoComplete="off" />
          </label>
        </p>
        <p>
          <label>
            {t(form.authKind === 'oauth' ? 'clientSecret' : 'password')}{' '}
            <input
              type="password"
              required={!connection}
              value={form.secret}
              onChange={(e) => setForm({ ...form, secret: e.target.value })}
              name="secret"
              autoComplete="new-password"
              aria-describedby={connection ? 'lrs-secret-kept' : undefined}
            />
          </label>
          {connection ? <small id="lrs-secret-kept"> {t('secretKept')}</small> : null}
        </p>
        {form.authKind === 'oauth' ? (
          <>
            <p>
              <label>
                {t('tokenUrl')} <input type="url" required value={form.tokenUrl} onChange={(e) => setForm({ ...form, tokenUrl: e.target.value })} name="tokenUrl" />
              </label>
            </p>
            <p>
              <label>
                {t('scope')} <input value={form.scope} onChange={(e) => setForm({ ...form, scope: e.target.value })} name="scope" />
              </label>
            </p>
          </>
        ) : null}
        <p>
          <label>
            <input type="checkbox" checked={form.enabled} onChange={(e) => setForm({ ...form, enabled: e.target.checked })} name="enabled" /> {t('enabled')}
          </label>
        </p>
        <button type="submit" data-action="save-lrs">
          {t('save')}
        </button>{' '}
        {connection ? (
          <button type="button" onClick={() => void remove()} data-action="remove-lrs">
            {t('remove')}
          </button>
        ) : null}
      </form>

      {connection ? (
        <>
          <h2>{t('queue.title')}</h2>
          <p>{t('queue.since', { date: when(connection.since) })}</p>
          {q ? (
            <dl data-testid="lrs-queue">
              <dt>{t('status.waiting')}</dt>
              <dd data-count="waiting">{q.waiting}</dd>
              <dt>{t('queue.retrying')}</dt>
              <dd data-count="retrying">{q.retrying}</dd>
              <dt>{t('status.sent')}</dt>
              <dd data-count="sent">{q.sent}</dd>
              <dt>{t('status.failed')}</dt>
              <dd data-count="failed">{q.failed}</dd>
              <dt>{t('status.conflict')}</dt>
              <dd data-count="conflict">{q.conflict}</dd>
              <dt>{t('queue.lastSent')}</dt>
              <dd>{when(q.lastSentAt)}</dd>
            </dl>
          ) : null}
          <p>
            <button type="button" onClick={() => view.reload()}>
              {t('refresh')}
            </button>{' '}
            <button type="button" disabled={!q?.failed} onClick={() => void resend({ status: 'failed' })} data-action="resend-failed">
              {t('resendFailed')}
            </button>{' '}
            <button type="button" disabled={!q?.conflict} onClick={() => void resend({ status: 'conflict' })} data-action="resend-conflicts">
              {t('resendConflicts')}
            </button>
          </p>
          <h2>{t('problems.title')}</h2>
          {view.data && view.data.problems.length === 0 ? <p>{t('problems.none')}</p> : null}
          {view.data && view.data.problems.length > 0 ? (
            <table data-testid="lrs-problems">
              <thead>
                <tr>
                  <th scope="col">{t('problems.statement')}</th>
                  <th scope="col">{t('problems.status')}</th>
                  <th scope="col">{t('problems.attempts')}</th>
                  <th scope="col">{t('problems.answer')}</th>
                  <th scope="col">{t('problems.action')}</th>
                </tr>
              </thead>
              <tbody>
                {view.data.problems.map((p) => (
                  <tr key={p.statementId} data-status={p.status}>
                    <td>
                      <code>{p.verb.split('/').pop()}</code> <a href={`#/sessions/${p.sessionId}`}>{p.object.split('/').slice(-2).join('/')}</a>
                      <br />
                      <small>{p.statementId}</small>
                    </td>
                    <td>
                      {t(p.status === 'waiting' ? 'queue.retrying' : `status.${p.status}`)}
                      {p.nextAttemptAt ? <small> {t('problems.next', { date: when(p.nextAttemptAt) })}</small> : null}
                    </td>
                    <td>{p.attempts}</td>
                    <td>
                      {p.lrsStatus ? <strong>{p.lrsStatus} </strong> : null}
                      <span dir="ltr">{p.lrsAnswer}</span>
                    </td>
                    <td>
                      <button type="button" onClick={() => void resend({ statementIds: [p.statementId] })}>
                        {t('resend')}
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : null}
        </>
      ) : null}
    </section>
  );
}
