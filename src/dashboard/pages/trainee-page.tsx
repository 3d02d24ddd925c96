import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { api } from '../api';
import { ChartFigure } from '../chart-figure';
import { HeadsetList } from '../headset-list';
import { useLoad } from '../use-load';
import { useStations } from '../use-stations';

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
        <a href={`/api/trainees/${id}/export`} download data-action="privacy-export">
          {t('trainee.privacyExport')}
        </a>
      </div>

      <HeadsetList traineeId={id} />

      {d.attempts.length === 0 ? <p>{t('trainee.noAttempts')}</p> : null}
      {d.attempts.length > 0 ? (
        <>
          <ChartFigure kind="line" testId="chart-attempts" title={t('trainee.scoreChart')} labelHeading={t('trainee.attempt')} labels={progress.labels} series={progress.series} />
          <ChartFigure kind="radar" testId="chart-competencies" title={t('trainee.competencyChart')} labelHeading={t('trainee.competency')} labels={competencyLabels} series={competencySeries} />
          <h2>{t('trainee.attempts')}</h2>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('sessions.ended')}</th>
                <th scope="col">{t('sessions.station')}</th>
                <th scope="col">{t('sessions.mode')}</th>
                <th scope="col">{t('sessions.score')}</th>
                <th scope="col">{t('sessions.result')}</th>
              </tr>
            </thead>
            <tbody>
              {[...d.attempts].reverse().map((a) => (
                <tr key={a.id}>
                  <td>
                    <Link href={`/sessions/${a.id}`}>{new Date(a.endedAt).toLocaleString(i18n.language)}</Link>
                  </td>
                  <td>{stations.title(a.scenarioId)}</td>
                  <td>{t(`mode.${a.mode}`)}</td>
                  <td>{a.score}</td>
                  <td>{a.passed ? t('sessions.passed') : t('sessions.failed')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : null}
    </section>
  );
}
