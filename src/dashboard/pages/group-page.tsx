import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { api } from '../api';
import { ChartFigure } from '../chart-figure';
import { useStations } from '../use-stations';
import { useLoad } from '../use-load';
import type { Group } from './groups-page';

export interface Trainee {
  id: string;
  code: string;
  alias: string | null;
}

interface Failures {
  stations: { scenarioId: string; attempts: number; steps: { step: string; failed: number; failRate: number; mistakes: number; notDone: number }[] }[];
}

export function GroupPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const groups = useLoad<{ groups: Group[] }>('/api/groups');
  const trainees = useLoad<{ trainees: Trainee[] }>(`/api/groups/${id}/trainees`);
  const assignments = useLoad<{ stations: string[]; exam: boolean }>(`/api/groups/${id}/assignments`);
  const failures = useLoad<Failures>(`/api/dashboard/groups/${id}/step-failures`);
  const stations = useStations();
  const group = groups.data?.groups.find((g) => g.id === id);
  const [alias, setAlias] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const [chosen, setChosen] = useState<string[]>([]);
  const [exam, setExam] = useState(false);
  useEffect(() => {
    if (assignments.data) {
      setChosen(assignments.data.stations);
      setExam(assignments.data.exam);
    }
  }, [assignments.data]);

  const addTrainee = async (e: React.FormEvent) => {
    e.preventDefault();
    try {
      const made = await api<{ code: string; joinCode: string }>('POST', `/api/groups/${id}/trainees`, alias.trim() ? { alias: alias.trim() } : {});
      setAlias('');
      setMessage(t('group.traineeAdded', { code: made.code, joinCode: made.joinCode }));
      trainees.reload();
    } catch (err) {
      setMessage(t('app.error', { message: (err as Error).message }));
    }
  };
  const saveAssignments = async (e: React.FormEvent) => {
    e.preventDefault();
    try {
      await api('PUT', `/api/groups/${id}/assignments`, { stations: chosen, exam });
      setMessage(t('group.assignmentsSaved'));
      assignments.reload();
    } catch (err) {
      setMessage(t('app.error', { message: (err as Error).message }));
    }
  };
  const stepText = (scenarioId: string, step: string) => stations.byId.get(scenarioId)?.steps.find((s) => s.id === step)?.text ?? step;

  if (groups.error || trainees.error) return <p role="alert">{groups.error ?? trainees.error}</p>;
  return (
    <section aria-labelledby="group-title">
      <h1 id="group-title">{t('group.title', { name: group?.name ?? '…' })}</h1>
      {message ? (
        <p role="status" data-testid="group-message">
          {message}
        </p>
      ) : null}
      <h2>{t('group.trainees')}</h2>
      {trainees.loading && !trainees.data ? <p role="status">{t('app.loading')}</p> : null}
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
      <form onSubmit={(e) => void addTrainee(e)} className="inline">
        <label>
          {t('group.aliasOptional')}
          <input maxLength={60} value={alias} onChange={(e) => setAlias(e.target.value)} name="alias" />
        </label>
        <button type="submit" data-action="add-trainee">
          {t('group.addTrainee')}
        </button>
      </form>
      <p>
        <Link href={`/groups/${id}/cards`} data-action="cards">
          {t('group.printCards')}
        </Link>
      </p>

      <h2>{t('group.assignments')}</h2>
      <form onSubmit={(e) => void saveAssignments(e)}>
        <fieldset>
          <legend>{t('group.stationsLegend')}</legend>
          <p className="hint">{t('group.stationsHint')}</p>
          {stations.list.map((s) => (
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

      <h2>{t('group.failingSteps')}</h2>
      {failures.data?.stations.length === 0 ? <p>{t('group.noSessions')}</p> : null}
      {failures.data?.stations.map((st) => (
        <ChartFigure
          key={st.scenarioId}
          kind="bar"
          horizontal
          testId={`failures-${st.scenarioId}`}
          title={t('group.failingChart', { station: stations.title(st.scenarioId), attempts: st.attempts })}
          labelHeading={t('group.step')}
          labels={st.steps.map((s) => stepText(st.scenarioId, s.step))}
          series={[{ label: t('group.failRate'), values: st.steps.map((s) => s.failRate) }]}
        />
      ))}
    </section>
  );
}
