import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { api } from '../api';
import { ChartFigure } from '../chart-figure';
import { EmptyState } from '../empty-state';
import { TraineeCoaching, type Coaching } from '../trainee-coaching';
import { TraineeNotes } from '../trainee-notes';
import { HeadsetList } from '../headset-list';
import { useLoad } from '../use-load';
import { useStations } from '../use-stations';
import { formatDate, formatDay } from '../format-date';
import { PassportLink } from '../passport-link';
import { TraineePath } from '../trainee-path';

interface TraineeDetail {
  id: string;
  code: string;
  alias: string | null;
  group: { id: string; name: string };
  assignments: { exam: boolean; examByGroup: boolean; examByTrainee: boolean; stations: string[] | null };
  attempts: { id: string; scenarioId: string; mode: string; score: number; passed: boolean; endedAt: string; durationMs: number }[];
  competencies: { competency: string; score: number | null; attempts: number }[];
}

export function TraineePage({ id }: { id: string }) {
  const { t, i18n } = useTranslation();
  const detail = useLoad<TraineeDetail>(`/api/dashboard/trainees/${id}`);
  const coaching = useLoad<Coaching>(`/api/dashboard/trainees/${id}/coaching`);
  const stations = useStations();
  const [message, setMessage] = useState<string | null>(null);
  const d = detail.data;

  // Score over attempts: attempt n of each station on one x axis, one line per station.
  const progress = useMemo(() => {
    const per = new Map<string, number[]>();
    for (const a of d?.attempts ?? []) per.set(a.scenarioId, [...(per.get(a.scenarioId) ?? []), a.score]);
    const longest = Math.max(0, ...[...per.values()].map((v) => v.length));
    return {
      labels: Array.from({ length: longest }, (_, i) => String(i + 1)),
      series: [...per.entries()].map(([station, scores]) => ({ label: stations.title(station), values: Array.from({ length: longest }, (_, i) => scores[i] ?? null) })),
    };
  }, [d, stations]);
  // Score over time: one point per day a station was played (the day's average), one line per station.
  const overTime = useMemo(() => {
    const days = [...new Set((d?.attempts ?? []).map((a) => a.endedAt.slice(0, 10)))].sort();
    const per = new Map<string, Map<string, number[]>>();
    for (const a of d?.attempts ?? []) {
      const byDay = per.get(a.scenarioId) ?? new Map<string, number[]>();
      byDay.set(a.endedAt.slice(0, 10), [...(byDay.get(a.endedAt.slice(0, 10)) ?? []), a.score]);
      per.set(a.scenarioId, byDay);
    }
    return {
      labels: days.map((day) => formatDay(day, i18n.language)),
      series: [...per.entries()].map(([station, byDay]) => ({
        label: stations.title(station),
        values: days.map((day) => {
          const v = byDay.get(day);
          return v ? Math.round(v.reduce((x, y) => x + y, 0) / v.length) : null;
        }),
      })),
    };
  }, [d, stations, i18n.language]);
  const competencySeries = useMemo(() => [{ label: t('trainee.profile'), values: (d?.competencies ?? []).map((c) => c.score) }], [d, t]);
  const competencyLabels = useMemo(() => (d?.competencies ?? []).map((c) => t(`competency.${c.competency}`)), [d, t]);

  if (detail.error) return <p role="alert">{detail.error}</p>;
  if (!d) return <p role="status">{t('app.loading')}</p>;
  const setExam = async (exam: boolean) => {
    try {
      await api('PUT', `/api/trainees/${id}/exam`, { exam });
      detail.reload();
    } catch (err) {
      setMessage(t('app.error', { message: (err as Error).message }));
    }
  };
  const newCard = async () => {
    try {
      const c = await api<{ joinCode: string }>('POST', `/api/trainees/${id}/join-codes`);
      setMessage(t('trainee.newCode', { joinCode: c.joinCode }));
    } catch (err) {
      setMessage(t('app.error', { message: (err as Error).message }));
    }
  };
  return (
    <section aria-labelledby="trainee-title">
      <h1 id="trainee-title">{t('trainee.title', { code: d.code })}</h1>
      <p>
        {d.alias ? `${d.alias} · ` : ''}
        <Link href={`/groups/${d.group.id}`}>{d.group.name}</Link>
      </p>
      {message ? (
        <p role="status" data-testid="trainee-message">
          {message}
        </p>
      ) : null}
      <div className="inline">
        <label className="check">
          <input type="checkbox" checked={d.assignments.examByTrainee} onChange={(e) => void setExam(e.target.checked)} data-action="trainee-exam" />
          {t('trainee.examUnlock')}
        </label>
        <span data-testid="exam-state">{d.assignments.exam ? t('trainee.examOpen') : t('trainee.examClosed')}</span>
        <button type="button" onClick={() => void newCard()} data-action="new-card">
          {t('trainee.newCard')}
        </button>
        <Link href={`/trainees/${id}/report`} data-action="trainee-report">
          {t('report.traineeLink')}
        </Link>
        <PassportLink traineeId={id} />
        <a href={`/api/trainees/${id}/export`} download data-action="privacy-export">
          {t('trainee.privacyExport')}
        </a>
      </div>

      <TraineePath traineeId={id} stationTitle={stations.title} />

      <HeadsetList traineeId={id} />

      {d.attempts.length === 0 ? (
        <EmptyState title={t('trainee.noAttempts')} testId="trainee-empty">
          {t('empty.traineeNext')}
        </EmptyState>
      ) : null}
      {d.attempts.length > 0 && coaching.data ? <TraineeCoaching c={coaching.data} stationTitle={stations.title} /> : null}
      {d.attempts.length > 0 ? (
        <>
          <ChartFigure kind="line" testId="chart-attempts" title={t('trainee.scoreChart')} labelHeading={t('trainee.attempt')} labels={progress.labels} series={progress.series} />
          <ChartFigure kind="line" testId="chart-over-time" title={t('coach.overTimeTitle')} labelHeading={t('coach.day')} labels={overTime.labels} series={overTime.series} />
          <ChartFigure kind="bar" testId="chart-competencies" title={t('trainee.competencyChart')} labelHeading={t('trainee.competency')} labels={competencyLabels} series={competencySeries} />
          <h2>{t('trainee.attempts')}</h2>
          <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('sessions.ended')}</th>
                <th scope="col">{t('sessions.station')}</th>
                <th scope="col">{t('sessions.mode')}</th>
                <th scope="col">{t('sessions.score')}</th>
                <th scope="col">{t('sessions.result')}</th>
                <th scope="col">{t('coach.criticalViolations')}</th>
              </tr>
            </thead>
            <tbody>
              {[...d.attempts].reverse().map((a) => (
                <tr key={a.id}>
                  <td>
                    <Link href={`/sessions/${a.id}`}>{formatDate(a.endedAt, i18n.language)}</Link>
                  </td>
                  <td>{stations.title(a.scenarioId)}</td>
                  <td>{t(`mode.${a.mode}`)}</td>
                  <td>{a.score}</td>
                  <td>{a.passed ? t('sessions.passed') : t('sessions.failed')}</td>
                  <td>{coaching.data?.critical.bySession[a.id] ?? '–'}</td>
                </tr>
              ))}
            </tbody>
          </table>
          </div>
        </>
      ) : null}
      <TraineeNotes traineeId={id} />
    </section>
  );
}
