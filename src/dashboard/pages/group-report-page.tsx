import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { useLoad } from '../use-load';
import { useOtherLanguage } from '../use-other-language';
import type { StationInfo } from '../use-stations';
import { formatDate } from '../format-date';

export interface GroupReport {
  group: { id: string; name: string };
  trainees: { id: string; code: string; alias: string | null; attempts: number; passed: number; average: number | null; failedByCritical: number; lastActivity: string | null; language: string | null }[];
  stations: { scenarioId: string; average: number | null; attempts: number; passed: number; trainees: number }[];
  competencies: { competency: string; group: number | null }[];
}

const dash = (v: number | null) => (v === null ? '–' : String(v));

/** A group's progress report for print (A4, in Dutch: the centre's file and the employer read Dutch). */
export function GroupReportPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const r = useLoad<GroupReport>(`/api/dashboard/groups/${id}/report`);
  const stations = useLoad<{ stations: StationInfo[] }>('/api/dashboard/stations?lng=nl');
  const nl = useOtherLanguage('nl');
  if (r.error) return <p role="alert">{r.error}</p>;
  if (!r.data || !nl) return <p role="status">{t('app.loading')}</p>;
  const d = r.data;
  const title = (sid: string) => stations.data?.stations.find((s) => s.id === sid)?.title ?? sid;
  return (
    <section aria-labelledby="group-report-title">
      <div className="no-print inline">
        <Link href={`/groups/${id}`}>{t('cards.back')}</Link>
        <button type="button" className="primary" onClick={() => window.print()} data-action="print-report">
          {t('report.print')}
        </button>
      </div>
      <p className="hint no-print">{t('report.groupExplain')}</p>
      <article className="report" lang="nl" dir="ltr" data-testid="group-report">
        <h1 id="group-report-title">{nl('report.groupTitle', { name: d.group.name })}</h1>
        <p className="small">{nl('report.printedOn', { date: formatDate(new Date(), 'nl', 'date') })}</p>
        <h2>{nl('group.trainees')}</h2>
        {d.trainees.length === 0 ? <p>{nl('empty.groupNoTrainees')}</p> : null}
        <table>
          <thead>
            <tr>
              <th scope="col">{nl('trainee.code')}</th>
              <th scope="col">{nl('trainee.alias')}</th>
              <th scope="col" className="num">{nl('report.attempts')}</th>
              <th scope="col" className="num">{nl('report.passed')}</th>
              <th scope="col" className="num">{nl('report.average')}</th>
              <th scope="col" className="num">{nl('report.failedByCritical')}</th>
              <th scope="col">{nl('report.lastActivity')}</th>
            </tr>
          </thead>
          <tbody>
            {d.trainees.map((tr) => (
              <tr key={tr.id}>
                <th scope="row">{tr.code}</th>
                <td>{tr.alias ?? '–'}</td>
                <td className="num">{tr.attempts}</td>
                <td className="num">{tr.passed}</td>
                <td className="num">{dash(tr.average)}</td>
                <td className="num">{tr.failedByCritical}</td>
                <td>{formatDate(tr.lastActivity, 'nl', 'date')}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <h2>{nl('report.perStation')}</h2>
        <table>
          <thead>
            <tr>
              <th scope="col">{nl('sessions.station')}</th>
              <th scope="col" className="num">{nl('report.attempts')}</th>
              <th scope="col" className="num">{nl('report.passed')}</th>
              <th scope="col" className="num">{nl('report.average')}</th>
              <th scope="col" className="num">{nl('report.traineesCount')}</th>
            </tr>
          </thead>
          <tbody>
            {d.stations.map((s) => (
              <tr key={s.scenarioId}>
                <th scope="row">{title(s.scenarioId)}</th>
                <td className="num">{s.attempts}</td>
                <td className="num">{s.passed}</td>
                <td className="num">{dash(s.average)}</td>
                <td className="num">{s.trainees}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <h2>{nl('report.competencies')}</h2>
        <table>
          <thead>
            <tr>
              <th scope="col">{nl('trainee.competency')}</th>
              <th scope="col" className="num">{nl('coach.groupAverage')}</th>
            </tr>
          </thead>
          <tbody>
            {d.competencies.map((c) => (
              <tr key={c.competency}>
                <th scope="row">{nl(`competency.${c.competency}`)}</th>
                <td className="num">{dash(c.group)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </article>
    </section>
  );
}
