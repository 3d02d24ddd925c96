import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from './api';
import { formatDate } from './format-date';
import { usePathName, type PathData } from './group-path';
import { useLoad } from './use-load';
import type { ModuleProgress } from '../engine';

type Progress = { path: null } | { path: Pick<PathData, 'id' | 'sector' | 'name'> & { sourcePathId: string }; modules: ModuleProgress[] };

/**
 * Where one trainee stands on their group's path, as a table; the trainer may open or lock a module
 * or its exam by hand (the server keeps every such choice with who and when).
 */
export function TraineePath({ traineeId, stationTitle }: { traineeId: string; stationTitle: (id: string) => string }) {
  const { t, i18n } = useTranslation();
  const progress = useLoad<Progress>(`/api/trainees/${traineeId}/path`);
  const pathName = usePathName();
  const [message, setMessage] = useState<string | null>(null);
  const set = async (scenarioId: string, what: 'module' | 'exam', open: boolean) => {
    try {
      await api('PUT', `/api/trainees/${traineeId}/modules/${encodeURIComponent(scenarioId)}`, { what, open });
      progress.reload();
    } catch (err) {
      setMessage(t('app.error', { message: (err as Error).message }));
    }
  };
  const p = progress.data;
  if (!p) return null;
  if (!p.path) return <p className="hint" data-testid="trainee-path">{t('paths.traineeNone')}</p>;
  return (
    <div className="card" data-testid="trainee-path">
      <h2>{t('paths.traineeTitle', { name: pathName(p.path) })}</h2>
      {message ? <p role="status">{message}</p> : null}
      <div className="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">{t('paths.module')}</th>
              <th scope="col">{t('paths.stateHeading')}</th>
              <th scope="col">{t('paths.practicePasses')}</th>
              <th scope="col">{t('paths.byHand')}</th>
            </tr>
          </thead>
          <tbody>
            {p.modules.map((m) => {
              const title = stationTitle(m.scenarioId);
              return (
                <tr key={m.scenarioId} data-module={m.scenarioId} data-state={m.state}>
                  <th scope="row">{title}</th>
                  <td>
                    {t(`paths.state.${m.state}`)}
                    {m.next ? ` · ${t('paths.next')}` : ''}
                    {m.masteredAt ? ` · ${formatDate(m.masteredAt, i18n.language)}` : ''}
                    {m.refresh ? ` · ${t('paths.refresh')}` : ''}
                    {m.stuck ? <strong className="stuck"> · {t('paths.stuck')}</strong> : null}
                  </td>
                  <td>{t('paths.practiceCount', { n: m.practicePasses, needed: m.practiceNeeded })}</td>
                  <td>
                    {m.state === 'mastered' ? null : (
                      <>
                        <button type="button" onClick={() => void set(m.scenarioId, 'module', m.state === 'locked')} data-action={m.state === 'locked' ? 'path-open-module' : 'path-lock-module'}>
                          {m.state === 'locked' ? t('paths.openModule') : t('paths.lockModule')}
                          <span className="visually-hidden">: {title}</span>
                        </button>{' '}
                        <button type="button" onClick={() => void set(m.scenarioId, 'exam', !m.examOpen)} data-action={m.examOpen ? 'path-close-exam' : 'path-open-exam'}>
                          {m.examOpen ? t('paths.closeExam') : t('paths.openExam')}
                          <span className="visually-hidden">: {title}</span>
                        </button>
                      </>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </div>
  );
}
