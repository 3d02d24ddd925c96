import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { query } from '../api';
import { EmptyState } from '../empty-state';
import { SummaryFigures } from '../summary-figures';
import { useLoad } from '../use-load';
import { ExamFlags } from '../exam-flags';
import { useExamFlags } from '../use-exam-flags';
import { useStations } from '../use-stations';
import type { Group } from './groups-page';
import { formatDate } from '../format-date';

export interface SessionSummary {
  id: string;
  trainee: { id: string; code: string; alias: string | null };
  group: { id: string; name: string };
  scenarioId: string;
  mode: string;
  device: string;
  language: string;
  score: number;
  passed: boolean;
  startedAt: string;
  endedAt: string;
  durationMs: number;
}

const emptyFilters = { groupId: '', traineeId: '', scenarioId: '', mode: '', passed: '', from: '', to: '' };

export const seconds = (ms: number, lng: string) => new Intl.NumberFormat(lng, { maximumFractionDigits: 1 }).format(ms / 1000);

/** Every session of the organisation: filters, sort and pages on the server; new uploads arrive live. */
export function SessionsPage() {
  const { t, i18n } = useTranslation();
  const groups = useLoad<{ groups: Group[] }>('/api/groups');
  const stations = useStations();
  const [filters, setFilters] = useState(emptyFilters);
  // Trainees are listed per group: a class has a few dozen, the organisation may have hundreds.
  const trainees = useLoad<{ trainees: { id: string; code: string; alias: string | null }[] }>(filters.groupId ? `/api/groups/${filters.groupId}/trainees` : null);
  const [sort, setSort] = useState('endedAt:desc');
  const [page, setPage] = useState(1);
  const [arrived, setArrived] = useState(0);
  const [sortKey, order] = sort.split(':') as [string, string];
  const filterQuery = query(filters);
  const list = useLoad<{ total: number; page: number; pageSize: number; sessions: SessionSummary[] }>(
    `/api/dashboard/sessions${query({ ...filters, sort: sortKey, order, page, pageSize: 20 })}`,
  );
  const examFlags = useExamFlags(list.data?.sessions);
  const { reload } = list;

  useEffect(() => {
    const source = new EventSource('/api/dashboard/live');
    source.addEventListener('session', () => {
      setArrived((n) => n + 1);
      reload();
    });
    // More arrived while the stream was away than the server replays one by one: reload the list.
    source.addEventListener('reload', () => reload());
    return () => source.close();
  }, [reload]);

  const set = (key: keyof typeof emptyFilters) => (e: React.ChangeEvent<HTMLInputElement | HTMLSelectElement>) => {
    // Another group's trainee would match nothing: choosing a group clears the trainee.
    setFilters((f) => ({ ...f, [key]: e.target.value, ...(key === 'groupId' ? { traineeId: '' } : {}) }));
    setPage(1);
  };
  const pages = list.data ? Math.max(1, Math.ceil(list.data.total / list.data.pageSize)) : 1;

  return (
    <section aria-labelledby="sessions-title">
      <h1 id="sessions-title">{t('sessions.title')}</h1>
      <SummaryFigures refresh={arrived} />
      {list.data && list.data.total === 0 && Object.values(filters).every((v) => v === '') ? (
        <EmptyState title={t('empty.sessionsTitle')} testId="sessions-empty">
          {t('empty.sessionsNext')} <Link href="/groups">{t('empty.toGroups')}</Link>
        </EmptyState>
      ) : null}
      <div className="card">
      <form className="filters" aria-label={t('sessions.filters')} onSubmit={(e) => e.preventDefault()}>
        <label>
          {t('sessions.group')}
          <select value={filters.groupId} onChange={set('groupId')} name="groupId">
            <option value="">{t('sessions.all')}</option>
            {groups.data?.groups.map((g) => (
              <option key={g.id} value={g.id}>
                {g.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('sessions.trainee')}
          <select value={filters.traineeId} onChange={set('traineeId')} name="traineeId" disabled={!filters.groupId}>
            <option value="">{filters.groupId ? t('sessions.all') : t('sessions.traineeNeedsGroup')}</option>
            {/* The last group's list lingers in the loader while no group is chosen. */}
            {filters.groupId
              ? trainees.data?.trainees.map((tr) => (
                  <option key={tr.id} value={tr.id}>
                    {tr.alias ? `${tr.code} (${tr.alias})` : tr.code}
                  </option>
                ))
              : null}
          </select>
        </label>
        <label>
          {t('sessions.station')}
          <select value={filters.scenarioId} onChange={set('scenarioId')} name="scenarioId">
            <option value="">{t('sessions.all')}</option>
            {stations.list.map((s) => (
              <option key={s.id} value={s.id}>
                {s.title}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('sessions.mode')}
          <select value={filters.mode} onChange={set('mode')} name="mode">
            <option value="">{t('sessions.all')}</option>
            <option value="practice">{t('mode.practice')}</option>
            <option value="exam">{t('mode.exam')}</option>
          </select>
        </label>
        <label>
          {t('sessions.result')}
          <select value={filters.passed} onChange={set('passed')} name="passed">
            <option value="">{t('sessions.all')}</option>
            <option value="true">{t('sessions.passed')}</option>
            <option value="false">{t('sessions.failed')}</option>
          </select>
        </label>
        <label>
          {t('sessions.from')}
          <input type="date" value={filters.from} onChange={set('from')} name="from" />
        </label>
        <label>
          {t('sessions.to')}
          <input type="date" value={filters.to} onChange={set('to')} name="to" />
        </label>
        <label>
          {t('sessions.sort')}
          <select value={sort} onChange={(e) => setSort(e.target.value)} name="sort">
            <option value="endedAt:desc">{t('sort.newest')}</option>
            <option value="endedAt:asc">{t('sort.oldest')}</option>
            <option value="score:asc">{t('sort.scoreLow')}</option>
            <option value="score:desc">{t('sort.scoreHigh')}</option>
            <option value="durationMs:desc">{t('sort.longest')}</option>
          </select>
        </label>
      </form>
      <p className="inline">
        <a href={`/api/dashboard/export.csv${query({ ...filters, lng: i18n.language, tz: Intl.DateTimeFormat().resolvedOptions().timeZone })}`} download data-action="export-csv">
          {t('sessions.exportCsv')}
        </a>
        <a href={`/api/dashboard/export.xapi.json${filterQuery}`} download data-action="export-xapi">
          {t('sessions.exportXapi')}
        </a>
      </p>
      <p role="status" data-testid="live-status" data-arrived={arrived}>
        {list.loading ? t('app.loading') : arrived > 0 ? t('sessions.arrived', { count: arrived }) : t('sessions.live')}
      </p>
      {list.error ? <p role="alert">{list.error}</p> : null}
      <div className="table-wrap">
      <table data-testid="sessions" data-total={list.data?.total ?? ''}>
        <caption>{t('sessions.count', { count: list.data?.total ?? 0 })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('sessions.ended')}</th>
            <th scope="col">{t('sessions.trainee')}</th>
            <th scope="col">{t('sessions.group')}</th>
            <th scope="col">{t('sessions.station')}</th>
            <th scope="col">{t('sessions.mode')}</th>
            <th scope="col">{t('sessions.score')}</th>
            <th scope="col">{t('sessions.result')}</th>
            <th scope="col">{t('sessions.duration')}</th>
          </tr>
        </thead>
        <tbody>
          {list.data?.sessions.map((s) => (
            <tr key={s.id} data-session={s.id} className={s.passed ? '' : 'failed'}>
              <td>
                <Link href={`/sessions/${s.id}`}>{formatDate(s.endedAt, i18n.language)}</Link>
              </td>
              <td>
                <Link href={`/trainees/${s.trainee.id}`}>{s.trainee.code}</Link>
                {s.trainee.alias ? ` (${s.trainee.alias})` : ''}
              </td>
              <td>{s.group.name}</td>
              <td>{stations.title(s.scenarioId)}</td>
              <td>
                {t(`mode.${s.mode}`)}
                <ExamFlags flags={examFlags.get(s.id)} compact />
              </td>
              <td>{s.score}</td>
              <td>{s.passed ? t('sessions.passed') : t('sessions.failed')}</td>
              <td>{seconds(s.durationMs, i18n.language)} s</td>
            </tr>
          ))}
        </tbody>
      </table>
      </div>
      <nav className="pager inline" aria-label={t('sessions.pages')}>
        <button type="button" disabled={page <= 1} onClick={() => setPage((p) => p - 1)} data-action="previous-page">
          {t('sessions.previous')}
        </button>
        <span>{t('sessions.page', { page, pages })}</span>
        <button type="button" disabled={page >= pages} onClick={() => setPage((p) => p + 1)} data-action="next-page">
          {t('sessions.next')}
        </button>
      </nav>
      </div>
    </section>
  );
}
