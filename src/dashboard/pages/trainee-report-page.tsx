import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import type { Coaching } from '../trainee-coaching';
import { useLoad } from '../use-load';
import { useOtherLanguage } from '../use-other-language';
import type { StationInfo } from '../use-stations';
import { formatDate } from '../format-date';

interface TraineeDetail {
  code: string;
  alias: string | null;
  group: { id: string; name: string };
  attempts: { id: string }[];
}

const dash = (v: number | null) => (v === null ? '–' : String(v));

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
      <table>
        <thead>
          <tr>
            <th scope="col">{t('sessions.station')}</th>
            <th scope="col" className="num">{t('report.attempts')}</th>
            <th scope="col" className="num">{t('report.passed')}</th>
            <th scope="col" className="num">{t('report.best')}</th>
            <th scope="col" className="num">{t('report.average')}</th>
            <th scope="col" className="num">{t('coach.groupAverage')}</th>
          </tr>
        </thead>
        <tbody>
          {c.stations.map((s) => (
            <tr key={s.scenarioId}>
              <th scope="row">{title(s.scenarioId)}</th>
              <td className="num">{s.trainee.attempts}</td>
              <td className="num">{s.trainee.passed}</td>
              <td className="num">{dash(s.trainee.best)}</td>
              <td className="num">{dash(s.trainee.average)}</td>
              <td className="num">{dash(s.group?.average ?? null)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>{t('report.competencies')}</h2>
      <table>
        <thead>
          <tr>
            <th scope="col">{t('trainee.competency')}</th>
            <th scope="col" className="num">{t('coach.traineeScore')}</th>
            <th scope="col" className="num">{t('coach.criticalViolations')}</th>
            <th scope="col" className="num">{t('coach.groupAverage')}</th>
          </tr>
        </thead>
        <tbody>
          {c.competencies.map((x) => (
            <tr key={x.competency}>
              <th scope="row">{t(`competency.${x.competency}`)}</th>
              <td className="num">{dash(x.trainee)}</td>
              <td className="num">{x.criticalViolations}</td>
              <td className="num">{dash(x.group)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** A trainee's progress report for print (A4): in Dutch, and a second copy in the trainee's own language. */
export function TraineeReportPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const d = useLoad<TraineeDetail>(`/api/dashboard/trainees/${id}`);
  const c = useLoad<Coaching>(`/api/dashboard/trainees/${id}/coaching`);
  const lng = c.data?.language && c.data.language !== 'nl' ? c.data.language : null;
  const nlStations = useLoad<{ stations: StationInfo[] }>('/api/dashboard/stations?lng=nl');
  const ownStations = useLoad<{ stations: StationInfo[] }>(lng ? `/api/dashboard/stations?lng=${lng}` : null);
  const nl = useOtherLanguage('nl');
  const own = useOtherLanguage(lng);
  if (d.error || c.error) return <p role="alert">{d.error ?? c.error}</p>;
  if (!d.data || !c.data || !nl) return <p role="status">{t('app.loading')}</p>;
  const title = (list: StationInfo[] | undefined) => (sid: string) => list?.find((s) => s.id === sid)?.title ?? sid;
  return (
    <section aria-label={t('report.traineeLink')}>
      <div className="no-print inline">
        <Link href={`/trainees/${id}`}>{t('report.back')}</Link>
        <button type="button" className="primary" onClick={() => window.print()} data-action="print-report">
          {t('report.print')}
        </button>
      </div>
      <p className="hint no-print">{lng ? t('report.traineeExplain') : t('report.traineeExplainDutchOnly')}</p>
      <article className="report" data-testid="trainee-report">
        <ReportCopy lng="nl" t={nl} d={d.data} c={c.data} title={title(nlStations.data?.stations)} />
        {lng && own ? <ReportCopy lng={lng} t={own} d={d.data} c={c.data} title={title(ownStations.data?.stations)} /> : null}
      </article>
    </section>
  );
}
