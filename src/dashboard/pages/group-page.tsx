import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { api } from '../api';
import { ChartFigure } from '../chart-figure';
import { EmptyState } from '../empty-state';
import { defaultCardAddress, QrCards, type CardData } from '../qr-cards';
import { useStations } from '../use-stations';
import { useLoad } from '../use-load';
import { GroupPath } from '../group-path';
import { GroupOnPath } from '../group-on-path';
import type { Group } from './groups-page';

export interface Trainee {
  id: string;
  code: string;
  alias: string | null;
}

interface Failures {
  stations: { scenarioId: string; attempts: number; steps: { step: string; failed: number; failRate: number; mistakes: number; notDone: number }[] }[];
}

/** The most-failed steps a coach reads first, per station; the rest behind "show all". */
export const topStepsShown = 5;

export function GroupPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const groups = useLoad<{ groups: Group[] }>('/api/groups');
  const trainees = useLoad<{ trainees: Trainee[] }>(`/api/groups/${id}/trainees`);
  const assignments = useLoad<{ stations: string[]; exam: boolean }>(`/api/groups/${id}/assignments`);
  const failures = useLoad<Failures>(`/api/dashboard/groups/${id}/step-failures`);
  const info = useLoad<{ headsetUrls: string[] }>('/api/dashboard/server-info');
  const stations = useStations();
  const group = groups.data?.groups.find((g) => g.id === id);
  const [alias, setAlias] = useState('');
  const [bulk, setBulk] = useState('');
  const [made, setMade] = useState<CardData[] | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  // Each save or removal of the group's path redraws who is where on it.
  const [pathChanges, setPathChanges] = useState(0);
  const [chosen, setChosen] = useState<string[]>([]);
  const [exam, setExam] = useState(false);
  useEffect(() => {
    if (assignments.data) {
      setChosen(assignments.data.stations);
      setExam(assignments.data.exam);
    }
  }, [assignments.data]);
  // A Belgian organisation is offered Belgian variants only (and those for every country); so is a Dutch one.
  const { country, list: offered } = stations;

  const addTrainee = async (e: React.FormEvent) => {
    e.preventDefault();
    try {
      const one = await api<{ code: string; joinCode: string }>('POST', `/api/groups/${id}/trainees`, alias.trim() ? { alias: alias.trim() } : {});
      setAlias('');
      setMessage(t('group.traineeAdded', { code: one.code, joinCode: one.joinCode }));
      trainees.reload();
    } catch (err) {
      setMessage(t('app.error', { message: (err as Error).message }));
    }
  };
  const addMany = async (e: React.FormEvent) => {
    e.preventDefault();
    const text = bulk.trim();
    // A number alone is a count; anything else is a list of aliases, one per line (or comma).
    const body = /^\d+$/.test(text) ? { count: Number(text) } : { aliases: text.split(/[\n,;]+/).map((a) => a.trim()).filter(Boolean) };
    try {
      const res = await api<{ trainees: (Trainee & { joinCode: string; expiresAt: string })[] }>('POST', `/api/groups/${id}/trainees/bulk`, body);
      setBulk('');
      setMade(res.trainees.map((tr) => ({ trainee: tr, joinCode: tr.joinCode, expiresAt: tr.expiresAt })));
      setMessage(t('bulk.added', { n: res.trainees.length }));
      trainees.reload();
    } catch (err) {
      setMessage(t('app.error', { message: (err as Error).message }));
    }
  };
  const saveAssignments = async (e: React.FormEvent) => {
    e.preventDefault();
    try {
      await api('PUT', `/api/groups/${id}/assignments`, { stations: chosen.filter((c) => offered.some((s) => s.id === c)), exam });
      setMessage(t('group.assignmentsSaved'));
      assignments.reload();
    } catch (err) {
      setMessage(t('app.error', { message: (err as Error).message }));
    }
  };
  const stepText = (scenarioId: string, step: string) => stations.byId.get(scenarioId)?.steps.find((s) => s.id === step)?.text ?? step;
  const reason = (s: { mistakes: number; notDone: number }) =>
    [s.notDone > 0 ? t('steps.notDone', { n: s.notDone }) : null, s.mistakes > 0 ? t('steps.mistakes', { n: s.mistakes }) : null].filter(Boolean).join(' · ');

  if (groups.error || trainees.error) return <p role="alert">{groups.error ?? trainees.error}</p>;
  return (
    <section aria-labelledby="group-title">
      <h1 id="group-title">{t('group.title', { name: group?.name ?? '…' })}</h1>
      <p className="inline no-print">
        <Link href={`/groups/${id}/cards`} data-action="cards">
          {t('group.printCards')}
        </Link>
        <Link href={`/groups/${id}/report`} data-action="group-report">
          {t('report.groupLink')}
        </Link>
      </p>
      {message ? (
        <p role="status" data-testid="group-message" className={made ? 'no-print' : undefined}>
          {message}
        </p>
      ) : null}
      {/* With a fresh sheet of cards on the page, printing gives just the cards. */}
      <div className={made ? 'card no-print' : 'card'}>
        <h2>{t('group.trainees')}</h2>
        {trainees.loading && !trainees.data ? <p role="status">{t('app.loading')}</p> : null}
        {trainees.data?.trainees.length === 0 ? <EmptyState title={t('empty.groupNoTrainees')}>{t('empty.groupNext')}</EmptyState> : null}
        <div className="table-wrap">
          <table data-testid="trainees">
            <thead>
              <tr>
                <th scope="col">{t('trainee.code')}</th>
                <th scope="col">{t('trainee.alias')}</th>
              </tr>
            </thead>
            <tbody>
              {trainees.data?.trainees.map((tr) => (
                <tr key={tr.id}>
                  <td>
                    <Link href={`/trainees/${tr.id}`}>{tr.code}</Link>
                  </td>
                  <td>{tr.alias ?? '–'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <div className="grid-2">
          <form onSubmit={(e) => void addTrainee(e)}>
            <h3>{t('bulk.oneTitle')}</h3>
            <label>
              {t('group.aliasOptional')}
              <input maxLength={60} value={alias} onChange={(e) => setAlias(e.target.value)} name="alias" />
            </label>
            <button type="submit" data-action="add-trainee">
              {t('group.addTrainee')}
            </button>
            <p className="hint">{t('qr.codesExplain')}</p>
          </form>
          <form onSubmit={(e) => void addMany(e)}>
            <h3>{t('bulk.title')}</h3>
            <label>
              {t('bulk.label')}
              <textarea value={bulk} onChange={(e) => setBulk(e.target.value)} name="bulk" rows={3} aria-describedby="bulk-hint" required />
            </label>
            <p id="bulk-hint" className="hint">
              {t('bulk.hint')}
            </p>
            <button type="submit" data-action="add-trainees">
              {t('bulk.submit')}
            </button>
          </form>
        </div>
      </div>
      {made ? (
        <div className="card" data-testid="bulk-cards">
          <h2>{t('bulk.cardsTitle', { n: made.length })}</h2>
          <p className="hint no-print">{t('bulk.cardsHint')}</p>
          <p className="no-print">
            <button type="button" className="primary" onClick={() => window.print()} data-action="print-bulk-cards">
              {t('cards.print')}
            </button>
          </p>
          <QrCards cards={made} address={defaultCardAddress(info.data?.headsetUrls)} />
        </div>
      ) : null}

      <div className="card no-print">
        <h2>{t('group.assignments')}</h2>
        <form onSubmit={(e) => void saveAssignments(e)}>
          <fieldset>
            <legend>{t('group.stationsLegend')}</legend>
            <p className="hint">{t('group.stationsHint')}</p>
            {country ? <p className="hint">{t('coach.countryOnly', { country: t(`country.${country}`) })}</p> : null}
            {offered.map((s) => (
              <label key={s.id} className="check">
                <input
                  type="checkbox"
                  checked={chosen.includes(s.id)}
                  onChange={(e) => setChosen((c) => (e.target.checked ? [...c, s.id] : c.filter((x) => x !== s.id)))}
                  data-station={s.id}
                />
                {s.title}
              </label>
            ))}
          </fieldset>
          <label className="check">
            <input type="checkbox" checked={exam} onChange={(e) => setExam(e.target.checked)} data-action="group-exam" />
            {t('group.examForGroup')}
          </label>
          <button type="submit" data-action="save-assignments">
            {t('group.save')}
          </button>
        </form>
      </div>

      <GroupPath groupId={id} onChange={() => setPathChanges((n) => n + 1)} />
      <GroupOnPath key={pathChanges} groupId={id} />

      <h2 className={made ? 'no-print' : undefined}>{t('group.failingSteps')}</h2>
      {failures.data?.stations.length === 0 ? <EmptyState title={t('group.noSessions')}>{t('empty.failuresNext')}</EmptyState> : null}
      {failures.data?.stations.map((st) => {
        const failing = st.steps.filter((s) => s.failed > 0);
        const top = failing.slice(0, topStepsShown);
        return (
          <div key={st.scenarioId} className={made ? 'card no-print' : 'card'} data-testid={`failures-${st.scenarioId}`}>
            {top.length === 0 ? (
              <p>{t('steps.noneFailed', { station: stations.title(st.scenarioId), attempts: st.attempts })}</p>
            ) : (
              <ChartFigure
                kind="bar"
                horizontal
                testId={`top-failures-${st.scenarioId}`}
                title={t('steps.topTitle', { station: stations.title(st.scenarioId), attempts: st.attempts, n: top.length })}
                labelHeading={t('group.step')}
                labels={top.map((s) => stepText(st.scenarioId, s.step))}
                series={[{ label: t('group.failRate'), values: top.map((s) => s.failRate) }]}
                extra={{ heading: t('steps.reason'), values: top.map(reason) }}
                height={Math.max(120, 40 * top.length + 40)}
              />
            )}
            {st.steps.length > top.length ? (
              <details data-testid={`all-steps-${st.scenarioId}`}>
                <summary>{t('steps.showAll', { n: st.steps.length })}</summary>
                <table>
                  <thead>
                    <tr>
                      <th scope="col">{t('group.step')}</th>
                      <th scope="col" className="num">
                        {t('group.failRate')}
                      </th>
                      <th scope="col">{t('steps.reason')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {st.steps.map((s) => (
                      <tr key={s.step}>
                        <th scope="row">{stepText(st.scenarioId, s.step)}</th>
                        <td className="num">{s.failRate}</td>
                        <td>{reason(s) || '–'}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </details>
            ) : null}
          </div>
        );
      })}
    </section>
  );
}
