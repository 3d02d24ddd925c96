import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { useLoad } from './use-load';

interface Summary {
  activeToday: number;
  sessionsThisWeek: number;
  passRate: number | null;
  needsAttention: number;
  attention: { id: string; code: string; alias: string | null; group: { id: string; name: string }; failedAttempts: number }[];
}

/** Local midnight as an instant: "today" is the trainer's day, not the server's UTC day. */
function localDayStart(): string {
  const d = new Date();
  d.setHours(0, 0, 0, 0);
  return d.toISOString();
}

/** The four figures a trainer reads first each morning, and the trainees behind "needs attention". */
export function SummaryFigures({ refresh }: { refresh: number }) {
  const { t, i18n } = useTranslation();
  const loaded = useLoad<Summary>(`/api/dashboard/summary?dayStart=${encodeURIComponent(localDayStart())}`);
  const { reload } = loaded;
  // A session arrived live: the figures move with it.
  useEffect(() => {
    if (refresh > 0) reload();
  }, [refresh, reload]);
  const s = loaded.data;
  const n = (v: number) => new Intl.NumberFormat(i18n.language).format(v);
  return (
    <section aria-labelledby="summary-title" data-testid="summary">
      <h2 id="summary-title" className="visually-hidden">
        {t('summary.title')}
      </h2>
      <ul className="figures">
        <li data-figure="active-today">
          <span className="figure-value">{s ? n(s.activeToday) : '…'}</span>
          <span className="figure-label">{t('summary.activeToday')}</span>
        </li>
        <li data-figure="sessions-week">
          <span className="figure-value">{s ? n(s.sessionsThisWeek) : '…'}</span>
          <span className="figure-label">{t('summary.sessionsThisWeek')}</span>
        </li>
        <li data-figure="pass-rate">
          <span className="figure-value">{s ? (s.passRate === null ? '–' : `${n(s.passRate)} %`) : '…'}</span>
          <span className="figure-label">{t('summary.passRate')}</span>
        </li>
        <li data-figure="attention" className={s && s.needsAttention > 0 ? 'attention' : ''}>
          <span className="figure-value">{s ? n(s.needsAttention) : '…'}</span>
          <span className="figure-label">{t('summary.needsAttention')}</span>
        </li>
      </ul>
      {s && s.attention.length > 0 ? (
        <div className="card" data-testid="attention">
          <h2>{t('summary.attentionTitle')}</h2>
          <p className="hint">{t('summary.attentionHint')}</p>
          <ul>
            {s.attention.map((a) => (
              <li key={a.id}>
                <Link href={`/trainees/${a.id}`}>{a.alias ? `${a.code} (${a.alias})` : a.code}</Link> · {a.group.name} ·{' '}
                {t('summary.failedAttempts', { n: a.failedAttempts })}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </section>
  );
}
