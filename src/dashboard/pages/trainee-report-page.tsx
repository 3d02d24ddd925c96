import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { Coaching } from '../trainee-coaching';
import { formatDate } from '../format-date';
import { ReportFrame } from '../report-frame';
import { ReportTable } from '../report-table';
import { useLoad } from '../use-load';
import { useOtherLanguage } from '../use-other-language';
import { useStationTitles } from '../use-stations';

interface TraineeDetail {
  code: string;
  alias: string | null;
  group: { id: string; name: string };
  attempts: { id: string }[];
}

/** One copy of the report in one language: the same figures, the language's words and direction. */
function ReportCopy({ lng, t, d, c, title }: { lng: string; t: TFunction; d: TraineeDetail; c: Coaching; title: (id: string) => string }) {
  const rtl = ['ar', 'prs'].includes(lng);
  return (
    <div className="copy" lang={lng} dir={rtl ? 'rtl' : 'ltr'} data-copy={lng}>
      <h1>{t('report.traineeTitle', { code: d.code })}</h1>
      <p>
        {d.alias ? `${d.alias} · ` : ''}
        {t('report.group', { name: d.group.name })} · {t('report.printedOn', { date: formatDate(new Date(), lng, 'date') })}
      </p>
      {c.critical.total > 0 ? <p className="violations">{t('coach.criticalSummary', { n: c.critical.total, attempts: c.critical.attempts, of: c.critical.of })}</p> : null}
      <h2>{t('report.perStation')}</h2>
      <ReportTable
        columns={[{ heading: t('sessions.station') }, ...['report.attempts', 'report.passed', 'report.best', 'report.average', 'coach.groupAverage'].map((k) => ({ heading: t(k), numeric: true }))]}
        rows={c.stations.map((s) => ({ key: s.scenarioId, cells: [title(s.scenarioId), s.trainee.attempts, s.trainee.passed, s.trainee.best, s.trainee.average, s.group?.average ?? null] }))}
      />
      <h2>{t('report.competencies')}</h2>
      <ReportTable
        columns={[{ heading: t('trainee.competency') }, ...['coach.traineeScore', 'coach.criticalViolations', 'coach.groupAverage'].map((k) => ({ heading: t(k), numeric: true }))]}
        rows={c.competencies.map((x) => ({ key: x.competency, cells: [t(`competency.${x.competency}`), x.trainee, x.criticalViolations, x.group] }))}
      />
    </div>
  );
}

/** A trainee's progress report for print (A4): in Dutch, and a second copy in the trainee's own language. */
export function TraineeReportPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const d = useLoad<TraineeDetail>(`/api/dashboard/trainees/${id}`);
  const c = useLoad<Coaching>(`/api/dashboard/trainees/${id}/coaching`);
  const lng = c.data?.language && c.data.language !== 'nl' ? c.data.language : null;
  const nlTitle = useStationTitles('nl');
  const ownTitle = useStationTitles(lng);
  const nl = useOtherLanguage('nl');
  const own = useOtherLanguage(lng);
  if (d.error || c.error) return <p role="alert">{d.error ?? c.error}</p>;
  if (!d.data || !c.data || !nl) return <p role="status">{t('app.loading')}</p>;
  return (
    <ReportFrame
      label={t('report.traineeLink')}
      back={{ href: `/trainees/${id}`, text: t('report.back') }}
      explain={lng ? t('report.traineeExplain') : t('report.traineeExplainDutchOnly')}
      testId="trainee-report"
    >
      <ReportCopy lng="nl" t={nl} d={d.data} c={c.data} title={nlTitle} />
      {lng && own ? <ReportCopy lng={lng} t={own} d={d.data} c={c.data} title={ownTitle} /> : null}
    </ReportFrame>
  );
}
