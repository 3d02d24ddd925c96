import { useTranslation } from 'react-i18next';
import { ChartFigure } from './chart-figure';

export interface Coaching {
  language: string | null;
  critical: { total: number; attempts: number; of: number; bySession: Record<string, number> };
  stations: { scenarioId: string; trainee: { average: number | null; best: number | null; attempts: number; passed: number }; group: { average: number | null; attempts: number; passed: number } | null }[];
  competencies: { competency: string; trainee: number | null; group: number | null; criticalViolations: number }[];
}

/**
 * The competency profile with its critical violations beside each score (a trainee who failed every
 * safety step must not read as "safety 83"), and the trainee beside their group per station.
 */
export function TraineeCoaching({ c, stationTitle }: { c: Coaching; stationTitle: (id: string) => string }) {
  const { t } = useTranslation();
  const dash = (v: number | null) => (v === null ? '–' : String(v));
  return (
    <>
      {c.critical.total > 0 ? (
        <p className="violations" data-testid="critical-summary">
          <strong>{t('coach.criticalSummary', { n: c.critical.total, attempts: c.critical.attempts, of: c.critical.of })}</strong>
        </p>
      ) : null}
      <div className="card" data-testid="competency-profile">
        <h2>{t('coach.profileTitle')}</h2>
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('trainee.competency')}</th>
                <th scope="col" className="num">
                  {t('coach.traineeScore')}
                </th>
                <th scope="col" className="num">
                  {t('coach.criticalViolations')}
                </th>
                <th scope="col" className="num">
                  {t('coach.groupAverage')}
                </th>
              </tr>
            </thead>
            <tbody>
              {c.competencies.map((x) => (
                <tr key={x.competency} data-competency={x.competency} className={x.criticalViolations > 0 ? 'failed' : ''}>
                  <th scope="row">{t(`competency.${x.competency}`)}</th>
                  <td className="num">{dash(x.trainee)}</td>
                  <td className="num">{x.criticalViolations > 0 ? <span className="badge danger">{t('coach.criticalCount', { n: x.criticalViolations })}</span> : '0'}</td>
                  <td className="num">{dash(x.group)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <p className="hint">{t('coach.profileHint')}</p>
      </div>
      <ChartFigure
        kind="bar"
        testId="chart-comparison"
        title={t('coach.comparisonTitle')}
        labelHeading={t('sessions.station')}
        labels={c.stations.map((s) => stationTitle(s.scenarioId))}
        series={[
          { label: t('coach.traineeAverage'), values: c.stations.map((s) => s.trainee.average) },
          { label: t('coach.groupAverage'), values: c.stations.map((s) => s.group?.average ?? null) },
        ]}
      />
      <ChartFigure
        kind="bar"
        testId="chart-competency-comparison"
        title={t('coach.competencyComparisonTitle')}
        labelHeading={t('trainee.competency')}
        labels={c.competencies.map((x) => t(`competency.${x.competency}`))}
        series={[
          { label: t('coach.traineeScore'), values: c.competencies.map((x) => x.trainee) },
          { label: t('coach.groupAverage'), values: c.competencies.map((x) => x.group) },
        ]}
      />
    </>
  );
}
