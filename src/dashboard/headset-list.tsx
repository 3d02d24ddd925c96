import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from './api';
import { useLoad } from './use-load';
import { formatDate } from './format-date';

interface Headset {
  id: string;
  joinedAt: string;
  expiresAt: string;
  uploadsUntil: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

/**
 * The headsets a trainee joined on (one token each), with when each was last used, and a button to
 * revoke one: a lost or lent headset stops uploading for this trainee, the others go on.
 */
export function HeadsetList({ traineeId }: { traineeId: string }) {
  const { t, i18n } = useTranslation();
  const list = useLoad<{ headsets: Headset[] }>(`/api/trainees/${traineeId}/headsets`);
  const [message, setMessage] = useState<string | null>(null);
  const when = (iso: string) => formatDate(iso, i18n.language);

  const revoke = async (h: Headset) => {
    if (!window.confirm(t('headsets.confirmRevoke', { joinedAt: when(h.joinedAt) }))) return;
    try {
      await api('POST', `/api/trainees/${traineeId}/headsets/${h.id}/revoke`);
      setMessage(t('headsets.revoked', { joinedAt: when(h.joinedAt) }));
      list.reload();
    } catch (err) {
      setMessage(t('app.error', { message: (err as Error).message }));
    }
  };

  if (list.error) return <p role="alert">{list.error}</p>;
  const headsets = list.data?.headsets ?? [];
  return (
    <section aria-labelledby="headsets-title" data-testid="headsets">
      <h2 id="headsets-title">{t('headsets.title')}</h2>
      <p>{t('headsets.explain')}</p>
      {message ? <p role="status">{message}</p> : null}
      {headsets.length === 0 ? <p>{t('headsets.none')}</p> : null}
      {headsets.length > 0 ? (
        <table>
          <thead>
            <tr>
              <th scope="col">{t('headsets.joined')}</th>
              <th scope="col">{t('headsets.lastUsed')}</th>
              <th scope="col">{t('headsets.validUntil')}</th>
              <th scope="col">{t('headsets.state')}</th>
            </tr>
          </thead>
          <tbody>
            {headsets.map((h) => (
              <tr key={h.id} data-headset={h.id}>
                <td>{when(h.joinedAt)}</td>
                <td>{h.lastUsedAt ? when(h.lastUsedAt) : t('headsets.neverUsed')}</td>
                <td>{when(h.expiresAt)}</td>
                <td>
                  {h.revokedAt ? (
                    t('headsets.revokedAt', { at: when(h.revokedAt) })
                  ) : (
                    <button type="button" onClick={() => void revoke(h)} data-action="revoke-headset">
                      {t('headsets.revoke')}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}
