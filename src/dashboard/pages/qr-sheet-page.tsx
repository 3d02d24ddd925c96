import { toDataURL } from 'qrcode';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { api } from '../api';
import { useLoad } from '../use-load';
import type { Group } from './groups-page';
import type { Trainee } from './group-page';

interface Card {
  trainee: Trainee;
  joinCode: string;
  expiresAt: string;
  qr: string;
}

/**
 * A printable sheet, one card per trainee: a QR that opens the app with the join code, and the code
 * itself for typing. Join codes are stored only as hashes, so printing issues new ones (older cards
 * keep working until they expire; headsets already joined stay joined).
 */
export function QrSheetPage({ id }: { id: string }) {
  const { t, i18n } = useTranslation();
  const groups = useLoad<{ groups: Group[] }>('/api/groups');
  const trainees = useLoad<{ trainees: Trainee[] }>(`/api/groups/${id}/trainees`);
  const [cards, setCards] = useState<Card[] | null>(null);
  const [progress, setProgress] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  // The trainer's laptop may use localhost; a headset needs the server's LAN address.
  const [address, setAddress] = useState(location.origin);
  const group = groups.data?.groups.find((g) => g.id === id);

  const make = async () => {
    const list = trainees.data?.trainees ?? [];
    const made: Card[] = [];
    setError(null);
    try {
      for (const [i, trainee] of list.entries()) {
        setProgress(t('cards.progress', { done: i, total: list.length }));
        const { joinCode, expiresAt } = await api<{ joinCode: string; expiresAt: string }>('POST', `/api/trainees/${trainee.id}/join-codes`);
        const qr = await toDataURL(`${address.replace(/\/+$/, '')}/?join=${joinCode}`, { margin: 1, width: 160, errorCorrectionLevel: 'M' });
        made.push({ trainee, joinCode, expiresAt, qr });
      }
      setCards(made);
      setProgress(null);
    } catch (err) {
      setError((err as Error).message);
      setProgress(null);
    }
  };

  return (
    <section aria-labelledby="cards-title" className="cards-page">
      <h1 id="cards-title">{t('cards.title', { name: group?.name ?? '…' })}</h1>
      <p className="no-print">
        <Link href={`/groups/${id}`}>{t('cards.back')}</Link>
      </p>
      <p className="no-print">{t('cards.explain')}</p>
      <label className="no-print">
        {t('cards.address')}
        <input type="url" required value={address} onChange={(e) => setAddress(e.target.value)} name="address" size={40} aria-describedby="address-hint" />
      </label>
      <p id="address-hint" className="no-print hint">
        {t('cards.addressHint')}
      </p>
      <div className="no-print inline">
        <button type="button" className="primary" onClick={() => void make()} disabled={!trainees.data || progress !== null || !/^https?:\/\/\S+$/.test(address)} data-action="make-cards">
          {t('cards.make')}
        </button>
        {cards ? (
          <button type="button" onClick={() => window.print()} data-action="print">
            {t('cards.print')}
          </button>
        ) : null}
      </div>
      {progress ? (
        <p role="status" className="no-print">
          <progress max={trainees.data?.trainees.length ?? 1} value={cards?.length ?? 0} /> {progress}
        </p>
      ) : null}
      {error ? <p role="alert">{t('app.error', { message: error })}</p> : null}
      {cards ? (
        <ul className="qr-sheet" data-testid="qr-sheet">
          {cards.map((c) => (
            <li key={c.trainee.id} className="qr-card" data-join-code={c.joinCode}>
              <img src={c.qr} alt={t('cards.qrAlt', { code: c.trainee.code })} width={160} height={160} />
              <p className="join-code">{c.joinCode.replace(/^(.{4})(.{4})$/, '$1 $2')}</p>
              <p>
                {c.trainee.code}
                {c.trainee.alias ? ` · ${c.trainee.alias}` : ''}
              </p>
              <p className="small">{t('cards.validUntil', { date: new Date(c.expiresAt).toLocaleDateString(i18n.language) })}</p>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
