import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, query } from '../api';
import type { Me } from '../dashboard-app';
import { formatDate } from '../format-date';
import { useLoad } from '../use-load';
import { useVoiceRecorder } from '../use-voice-recorder';
import { useVoicesTexts, voicesNamespace } from '../voices-i18n';

type Status = 'recorded' | 'synthetic' | 'stale' | 'missing';
interface Take {
  id: string;
  state: 'draft' | 'published';
  stale: boolean;
  speaker: { id: string; email: string };
  durationMs: number;
}
/** GET /api/voices/lines (src/server/routes/voices.ts). */
interface LinesView {
  language: string;
  stations: string[];
  total: number;
  lines: { key: string; station: string | null; text: string; synthetic: boolean; status: Status; recording: Take | null; draft: Take | null }[];
}
interface VoicesMe {
  canRecord: boolean;
  admin: boolean;
  consentedAt: string | null;
  shared: boolean;
  languages: string[];
}
interface Permissions {
  trainers: { id: string; email: string; role: string; allowed: boolean }[];
}

/** Organisation settings of the voices: sharing, who may record, the export. Admins only. */
function VoicesAdmin({ shared, onChanged }: { shared: boolean; onChanged(): void }) {
  const { t } = useTranslation(voicesNamespace);
  const permissions = useLoad<Permissions>('/api/voices/permissions');
  return (
    <section aria-labelledby="voices-admin">
      <h2 id="voices-admin">{t('admin.title')}</h2>
      <label>
        <input type="checkbox" role="switch" checked={shared} onChange={(e) => void api('PUT', '/api/voices/sharing', { shared: e.target.checked }).then(onChanged)} data-testid="voices-share" />
        {t('admin.share')}
      </label>
      <p>
        <a href="/api/voices/export" download>
          {t('admin.export')}
        </a>
      </p>
      <h3>{t('admin.permissions')}</h3>
      <ul>
        {permissions.data?.trainers.map((p) => (
          <li key={p.id}>
            <label>
              <input type="checkbox" checked={p.allowed} disabled={p.role === 'admin'} onChange={(e) => void api('PUT', `/api/voices/permissions/${p.id}`, { allowed: e.target.checked }).then(permissions.reload)} />
              {p.email} — {t('admin.allowed')}
            </label>
          </li>
        ))}
      </ul>
    </section>
  );
}

/**
 * Centre-recorded voices (issue 30): every spoken line of the app and the stations per language,
 * with what has a synthetic voice, a recording or nothing; a coach records a line, hears it back,
 * records again or publishes it. The speaker's agreement comes first and is recorded by the server.
 */
export function VoicesPage({ me }: { me: Me }) {
  const ready = useVoicesTexts();
  const { t, i18n } = useTranslation(voicesNamespace);
  const voices = useLoad<VoicesMe>('/api/voices/me');
  const [language, setLanguage] = useState<string>('ti');
  const [station, setStation] = useState('');
  const [missing, setMissing] = useState(false);
  const [agree, setAgree] = useState(false);
  const [busy, setBusy] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const lines = useLoad<LinesView>(voices.data?.canRecord ? `/api/voices/lines${query({ language, station, missing: missing ? '1' : undefined })}` : null);
  const recorder = useVoiceRecorder();

  if (!ready || voices.loading) return <p role="status">…</p>;
  if (!voices.data) return <p role="alert">{t('error', { message: voices.error ?? '' })}</p>;
  const v = voices.data;
  const fail = (err: unknown) => setMessage(t('error', { message: (err as Error).message }));
  const statement = t('consent.statement', { organisation: me.trainer.organisation.name });

  const record = async (key: string) => {
    setMessage(null);
    try {
      await recorder.start(key);
    } catch (err) {
      setMessage(t('micError', { message: (err as Error).message }));
    }
  };
  const stopAndSend = async (key: string) => {
    const blob = await recorder.stop();
    if (!blob) return;
    setBusy(key);
    try {
      await api('POST', `/api/voices/recordings${query({ language, key })}`, blob);
      lines.reload();
    } catch (err) {
      fail(err);
    } finally {
      setBusy(null);
    }
  };
  const act = (p: Promise<unknown>) => void p.then(lines.reload, fail);

  return (
    <article className="voices">
      <h1>{t('title')}</h1>
      <p>{t('intro')}</p>
      {message ? <p role="alert">{message}</p> : null}
      {!v.canRecord ? (
        <p role="alert" data-testid="voices-no-permission">
          {t('needsPermission')}
        </p>
      ) : (
        <>
          <section aria-labelledby="voices-consent">
            <h2 id="voices-consent">{t('consent.title')}</h2>
            {v.consentedAt ? (
              <p data-testid="voices-consent-given">
                {t('consent.given', { date: formatDate(v.consentedAt, i18n.language) })}{' '}
                <button
                  type="button"
                  className="secondary"
                  onClick={() => {
                    if (!window.confirm(t('consent.confirmRemove'))) return;
                    void api<{ removed: { recordings: number } }>('DELETE', `/api/voices/speakers/${me.trainer.id}`).then((r) => {
                      setMessage(t('consent.removed', { n: r.removed.recordings }));
                      voices.reload();
                      lines.reload();
                    }, fail);
                  }}
                >
                  {t('consent.removeMine')}
                </button>
              </p>
            ) : (
              <form
                onSubmit={(e) => {
                  e.preventDefault();
                  void api('POST', '/api/voices/consent', { agree: true, statement, language: i18n.language }).then(voices.reload, fail);
                }}
              >
                <p>{statement}</p>
                <label>
                  <input type="checkbox" checked={agree} onChange={(e) => setAgree(e.target.checked)} data-testid="voices-agree" />
                  {t('consent.agree')}
                </label>
                <button type="submit" disabled={!agree} data-action="voices-consent">
                  {t('consent.submit')}
                </button>
              </form>
            )}
          </section>
          <section aria-labelledby="voices-lines">
            <h2 id="voices-lines">{t('lines')}</h2>
            <div className="filters">
              <label>
                {t('language')}
                <select value={language} onChange={(e) => setLanguage(e.target.value)} data-testid="voices-language">
                  {v.languages.map((l) => (
                    <option key={l} value={l}>
                      {l}
                    </option>
                  ))}
                </select>
              </label>
              <label>
                {t('station')}
                <select value={station} onChange={(e) => setStation(e.target.value)} data-testid="voices-station">
                  <option value="">{t('allStations')}</option>
                  <option value="app">{t('appLines')}</option>
                  {lines.data?.stations.map((s) => (
                    <option key={s} value={s}>
                      {s}
                    </option>
                  ))}
                </select>
              </label>
              <label>
                <input type="checkbox" checked={missing} onChange={(e) => setMissing(e.target.checked)} data-testid="voices-missing" />
                {t('missingOnly')}
              </label>
            </div>
            {lines.error ? <p role="alert">{t('error', { message: lines.error })}</p> : null}
            {lines.data ? <p>{t('count', { shown: lines.data.lines.length, total: lines.data.total })}</p> : null}
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('text')}</th>
                  <th scope="col">{t('statusTitle')}</th>
                  <th scope="col">{t('actions')}</th>
                </tr>
              </thead>
              <tbody>
                {lines.data?.lines.map((l) => (
                  <tr key={l.key} data-line={l.key} data-status={l.status}>
                    <td lang={language}>
                      {l.text}
                      <br />
                      <small>{l.key}</small>
                    </td>
                    <td>
                      {t(`status.${l.status}`)}
                      {l.recording && !l.recording.stale ? <audio controls preload="none" src={`/api/voices/recordings/${l.recording.id}/audio`} /> : null}
                    </td>
                    <td>
                      {!v.consentedAt ? null : recorder.recordingKey === l.key ? (
                        <button type="button" onClick={() => void stopAndSend(l.key)} data-action="voices-stop">
                          {t('stop')}
                        </button>
                      ) : busy === l.key ? (
                        <span role="status">{t('uploading')}</span>
                      ) : (
                        <button type="button" disabled={recorder.recordingKey !== null} onClick={() => void record(l.key)} data-action="voices-record">
                          {l.draft || l.recording ? t('again') : t('record')}
                        </button>
                      )}
                      {l.draft && !l.draft.stale ? (
                        <div data-testid="voices-draft">
                          {t('draft')}
                          <audio controls src={`/api/voices/recordings/${l.draft.id}/audio`} />
                          <button type="button" onClick={() => act(api('POST', `/api/voices/recordings/${l.draft!.id}/publish`))} data-action="voices-publish">
                            {t('publish')}
                          </button>
                        </div>
                      ) : null}
                      {l.recording ? (
                        <button type="button" className="secondary" onClick={() => act(api('DELETE', `/api/voices/recordings/${l.recording!.id}`))} data-action="voices-remove">
                          {t('remove')}
                        </button>
                      ) : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        </>
      )}
      {v.admin ? <VoicesAdmin shared={v.shared} onChanged={voices.reload} /> : null}
    </article>
  );
}
