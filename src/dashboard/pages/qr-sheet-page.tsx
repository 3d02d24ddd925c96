import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { api } from '../api';
import { defaultCardAddress, QrCards, type CardData } from '../qr-cards';
import { useLoad } from '../use-load';
import type { Group } from './groups-page';
import type { GroupReport } from './group-report-page';

/**
 * A printable sheet, one card per trainee of the group: a QR that opens the app with the join code,
 * and that code for typing. Join codes are stored only as hashes, so printing issues new ones (older
 * cards keep working until they expire; headsets already joined stay joined) — the page says so.
 */
export function QrSheetPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const groups = useLoad<{ groups: Group[] }>('/api/groups');
  const report = useLoad<GroupReport>(`/api/dashboard/groups/${id}/report`);
  const info = useLoad<{ headsetUrls: string[] }>('/api/dashboard/server-info');
  const [cards, setCards] = useState<CardData[] | null>(null);
  const [progress, setProgress] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  // The trainer's laptop may use localhost; a headset needs the server's LAN address.
  const [address, setAddress] = useState('');
  useEffect(() => {
    if (info.data || info.error) setAddress((a) => a || defaultCardAddress(info.data?.headsetUrls));
  }, [info.data, info.error]);
  const group = groups.data?.groups.find((g) => g.id === id);

  const make = async () => {
    const list = report.data?.trainees ?? [];
    const made: CardData[] = [];
    setError(null);
    try {
      for (const [i, trainee] of list.entries()) {
        setProgress(t('cards.progress', { done: i, total: list.length }));
        const { joinCode, expiresAt } = await api<{ joinCode: string; expiresAt: string }>('POST', `/api/trainees/${trainee.id}/join-codes`);
        made.push({ trainee, joinCode, expiresAt, language: trainee.language });
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
      <div className="card no-print">
        <p>{t('cards.explain')}</p>
        <p className="hint">{t('qr.codesExplain')}</p>
        <label>
          {t('cards.address')}
          <input type="url" required value={address} onChange={(e) => setAddress(e.target.value)} name="address" size={40} aria-describedby="address-hint" />
        </label>
        <p id="address-hint" className="hint">
          {info.data?.headsetUrls.length ? t('qr.addressFromServer') : t('cards.addressHint')}
        </p>
        <div className="inline">
          <button type="button" className="primary" onClick={() => void make()} disabled={!report.data || progress !== null || !/^https?:\/\/\S+$/.test(address)} data-action="make-cards">
            {t('cards.make')}
          </button>
          {cards ? (
            <button type="button" onClick={() => window.print()} data-action="print">
              {t('cards.print')}
            </button>
          ) : null}
        </div>
      </div>
      {progress ? (
        <p role="status" className="no-print">
          <progress max={report.data?.trainees.length ?? 1} value={cards?.length ?? 0} /> {progress}
        </p>
      ) : null}
      {error ? <p role="alert">{t('app.error', { message: error })}</p> : null}
      {cards ? <QrCards cards={cards} address={address} /> : null}
    </section>
  );
}
