import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from './api';
import { useLoad } from './use-load';
import { useStations } from './use-stations';
import type { LearningPath } from '../engine';

/** A path as the API sends and takes it (scenes/_paths, docs/api.md); the server checks it on save. */
export type PathData = LearningPath;

/** A path's name: the trainer's name for a copy, else its sector (and country). */
export function usePathName() {
  const { t } = useTranslation();
  return (p: Pick<PathData, 'sector' | 'country' | 'name'>) => p.name ?? (p.country ? `${t(`paths.sector.${p.sector}`)} (${t(`country.${p.country}`)})` : t(`paths.sector.${p.sector}`));
}

/**
 * The group's learning path (issue 26): start from a default path, then reorder, add, remove and set
 * each module's thresholds; the server checks the result like a path file and says what is wrong.
 */
export function GroupPath({ groupId, onChange }: { groupId: string; onChange?: () => void }) {
  const { t } = useTranslation();
  const defaults = useLoad<{ paths: PathData[] }>('/api/paths');
  const current = useLoad<{ path: PathData | null; sourcePathId?: string }>(`/api/groups/${groupId}/path`);
  const stations = useStations();
  const pathName = usePathName();
  const [draft, setDraft] = useState<PathData | null>(null);
  const [source, setSource] = useState<string>('');
  const [adding, setAdding] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  useEffect(() => {
    if (current.data) {
      setDraft(current.data.path);
      setSource(current.data.sourcePathId ?? '');
    }
  }, [current.data]);

  const start = (id: string) => {
    const p = defaults.data?.paths.find((d) => d.id === id);
    if (!p) return;
    setDraft(structuredClone(p));
    setSource(p.id);
    setMessage(null);
  };
  const change = (f: (modules: PathData['modules']) => PathData['modules']) => setDraft((d) => (d ? { ...d, modules: f([...d.modules]) } : d));
  const move = (i: number, by: -1 | 1) =>
    change((m) => {
      const [item] = m.splice(i, 1);
      m.splice(i + by, 0, item!);
      // A reordered module waits for the one before it again, as a new path would.
      return m.map((x) => ({ ...x, opensAfter: undefined }));
    });
  const setMastery = (i: number, key: keyof PathData['modules'][number]['mastery'], value: number | boolean) => change((m) => m.map((x, j) => (j === i ? { ...x, mastery: { ...x.mastery, [key]: value } } : x)));
  const save = async (e: React.FormEvent) => {
    e.preventDefault();
    if (!draft) return;
    try {
      await api('PUT', `/api/groups/${groupId}/path`, { path: draft, sourcePathId: source || undefined });
      setMessage(t('paths.saved'));
      current.reload();
      onChange?.();
    } catch (err) {
      const issues = err instanceof ApiError && err.issues.length > 0 ? err.issues.map((i) => `${i.path}: ${i.message}`).join('; ') : (err as Error).message;
      setMessage(t('app.error', { message: issues }));
    }
  };
  const remove = async () => {
    await api('PUT', `/api/groups/${groupId}/path`, { path: null });
    setMessage(t('paths.removed'));
    current.reload();
    onChange?.();
  };
  const addable = stations.list.filter((s) => !draft?.modules.some((m) => m.scenarioId === s.id));

  return (
    <div className="card no-print" data-testid="group-path">
      <h2>{t('paths.title')}</h2>
      <p className="hint">{current.data?.path ? t('paths.current', { name: pathName(current.data.path) }) : t('paths.none')}</p>
      <label>
        {t('paths.startFrom')}{' '}
        <select value="" onChange={(e) => start(e.target.value)} data-action="path-start">
          <option value="">{t('paths.choose')}</option>
          {(defaults.data?.paths ?? []).map((p) => (
            <option key={p.id} value={p.id}>
              {pathName(p)}
            </option>
          ))}
        </select>
      </label>
      {message ? <p role="status">{message}</p> : null}
      {draft ? (
        <form onSubmit={(e) => void save(e)}>
          <label>
            {t('paths.name')}{' '}
            <input value={draft.name ?? ''} maxLength={80} onChange={(e) => setDraft({ ...draft, name: e.target.value.trim() === '' ? undefined : e.target.value })} data-action="path-name" />
          </label>
          <div className="table-wrap">
            <table data-testid="path-modules">
              <caption>{pathName(draft)}</caption>
              <thead>
                <tr>
                  <th scope="col">#</th>
                  <th scope="col">{t('paths.module')}</th>
                  <th scope="col">{t('paths.practicePasses')}</th>
                  <th scope="col">{t('paths.minScore')}</th>
                  <th scope="col">{t('paths.exam')}</th>
                  <th scope="col">{t('paths.actions')}</th>
                </tr>
              </thead>
              <tbody>
                {draft.modules.map((m, i) => {
                  const title = stations.title(m.scenarioId);
                  return (
                    <tr key={m.scenarioId} data-module={m.scenarioId}>
                      <td>{i + 1}</td>
                      <th scope="row">{title}</th>
                      <td>
                        <input type="number" min={0} max={10} value={m.mastery.practicePasses} aria-label={`${t('paths.practicePasses')}: ${title}`} onChange={(e) => setMastery(i, 'practicePasses', Number(e.target.value))} />
                      </td>
                      <td>
                        <input type="number" min={0} max={100} value={m.mastery.practiceMinScore} aria-label={`${t('paths.minScore')}: ${title}`} onChange={(e) => setMastery(i, 'practiceMinScore', Number(e.target.value))} />
                      </td>
                      <td>
                        <input type="checkbox" checked={m.mastery.exam} aria-label={`${t('paths.exam')}: ${title}`} onChange={(e) => setMastery(i, 'exam', e.target.checked)} />
                      </td>
                      <td>
                        <button type="button" disabled={i === 0} onClick={() => move(i, -1)} aria-label={`${t('paths.moveUp')}: ${title}`}>
                          ↑
                        </button>{' '}
                        <button type="button" disabled={i === draft.modules.length - 1} onClick={() => move(i, 1)} aria-label={`${t('paths.moveDown')}: ${title}`}>
                          ↓
                        </button>{' '}
                        <button type="button" onClick={() => change((ms) => ms.filter((_, j) => j !== i).map((x) => ({ ...x, opensAfter: x.opensAfter?.filter((a) => a !== m.scenarioId) })))} data-action="path-remove-module">
                          {t('paths.removeModule')}
                          <span className="visually-hidden">: {title}</span>
                        </button>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          {addable.length > 0 ? (
            <p>
              <label>
                {t('paths.add')}{' '}
                <select value={adding} onChange={(e) => setAdding(e.target.value)} data-action="path-add-choice">
                  <option value="">{t('paths.choose')}</option>
                  {addable.map((s) => (
                    <option key={s.id} value={s.id}>
                      {s.title}
                    </option>
                  ))}
                </select>
              </label>{' '}
              <button
                type="button"
                disabled={!adding}
                onClick={() => {
                  change((ms) => [...ms, { scenarioId: adding, mastery: { practicePasses: 2, practiceMinScore: 80, exam: true } }]);
                  setAdding('');
                }}
                data-action="path-add"
              >
                {t('paths.addButton')}
              </button>
            </p>
          ) : null}
          <button type="submit" className="primary" data-action="path-save">
            {t('paths.save')}
          </button>{' '}
          {current.data?.path ? (
            <button type="button" onClick={() => void remove()} data-action="path-delete">
              {t('paths.removePath')}
            </button>
          ) : null}
        </form>
      ) : null}
    </div>
  );
}
