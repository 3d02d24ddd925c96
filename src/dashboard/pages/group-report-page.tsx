import { useTranslation } from 'react-i18next';
import { formatDate } from '../format-date';
import { ReportFrame } from '../report-frame';
import { ReportTable } from '../report-table';
import { useLoad } from '../use-load';
import { useOtherLanguage } from '../use-other-language';
import { useStationTitles } from '../use-stations';

export interface GroupReport {
  group: { id: string; name: string };
  trainees: { id: string; code: string; alias: string | null; attempts: number; passed: number; average: number | null; failedByCritical: number; lastActivity: string | null; language: string | null }[];
  stations: { scenarioId: string; average: number | null; attempts: number; passed: number; trainees: number }[];
  competencies: { competency: string; group: number | null }[];
}

/** A group's progress report for print (A4, in Dutch: the centre's file and the employer read Dutch). */
export function GroupReportPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const r = useLoad<GroupReport>(`/api/dashboard/groups/${id}/report`);
  const title = useStationTitles('nl');
  const nl = useOtherLanguage('nl');
  if (r.error) return <p role="alert">{r.error}</p>;
  if (!r.data || !nl) return <p role="status">{t('app.loading')}</p>;
  const d = r.data;
  const heading = nl('report.groupTitle', { name: d.group.name });
  const figures = (...keys: string[]) => keys.map((k) => ({ heading: nl(k), numeric: true }));
  return (
    <ReportFrame label={heading} back={{ href: `/groups/${id}`, text: t('cards.back') }} explain={t('report.groupExplain')} testId="group-report" lang="nl">
      <h1>{heading}</h1>
      <p className="small">{nl('report.printedOn', { date: formatDate(new Date(), 'nl', 'date') })}</p>
      <h2>{nl('group.trainees')}</h2>
      {d.trainees.length === 0 ? <p>{nl('empty.groupNoTrainees')}</p> : null}
      <ReportTable
        columns={[{ heading: nl('trainee.code') }, { heading: nl('trainee.alias') }, ...figures('report.attempts', 'report.passed', 'report.average', 'report.failedByCritical'), { heading: nl('report.lastActivity') }]}
        rows={d.trainees.map((tr) => ({ key: tr.id, cells: [tr.code, tr.alias, tr.attempts, tr.passed, tr.average, tr.failedByCritical, formatDate(tr.lastActivity, 'nl', 'date')] }))}
      />
      <h2>{nl('report.perStation')}</h2>
      <ReportTable
        columns={[{ heading: nl('sessions.station') }, ...figures('report.attempts', 'report.passed', 'report.average', 'report.traineesCount')]}
        rows={d.stations.map((s) => ({ key: s.scenarioId, cells: [title(s.scenarioId), s.attempts, s.passed, s.average, s.trainees] }))}
      />
      <h2>{nl('report.competencies')}</h2>
      <ReportTable
        columns={[{ heading: nl('trainee.competency') }, ...figures('coach.groupAverage')]}
        rows={d.competencies.map((c) => ({ key: c.competency, cells: [nl(`competency.${c.competency}`), c.group] }))}
      />
    </ReportFrame>
  );
}
