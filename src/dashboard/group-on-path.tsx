import { useTranslation } from 'react-i18next';
import { usePathName, type PathData } from './group-path';
import { useLoad } from './use-load';
import { useStations } from './use-stations';
import type { ModuleProgress } from '../engine';

type GroupOnPath =
  | { path: null; trainees: [] }
  | {
      path: Pick<PathData, 'id' | 'sector' | 'name'> & { modules: string[] };
      trainees: { id: string; code: string; alias: string | null; modules: ModuleProgress[] }[];
    };

/**
 * Who of the group is where on its learning path (issue 26): a trainee per row, a module per column,
 * and "stuck" as the engine defines it. The data is the table; it prints with the page.
 */
export function GroupOnPath({ groupId }: { groupId: string }) {
  const { t } = useTranslation();
  const view = useLoad<GroupOnPath>(`/api/groups/${groupId}/path/trainees`);
  const stations = useStations();
  const pathName = usePathName();
  const v = view.data;
  // Drawn once the stations' titles are there too: a column headed by a station's id would flash first.
  if (!v || !v.path || stations.byId.size === 0) return null;
  const stuck = v.trainees.filter((x) => x.modules.some((m) => m.stuck));
  return (
    <div className="card" data-testid="group-on-path">
      <h2>{t('paths.groupTitle', { name: pathName(v.path) })}</h2>
      {v.trainees.length === 0 ? <p className="hint">{t('paths.groupEmpty')}</p> : null}
      {stuck.length > 0 ? (
        <p role="status" data-testid="group-stuck">
          {t('paths.stuckCount', { count: stuck.length })}
        </p>
      ) : null}
      {v.trainees.length > 0 ? (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">{t('paths.groupCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('paths.trainee')}</th>
                {v.path.modules.map((id) => (
                  <th scope="col" key={id}>
                    {stations.title(id)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {v.trainees.map((x) => (
                <tr key={x.id} data-trainee={x.id}>
                  <th scope="row">{x.alias ? `${x.alias} (${x.code})` : x.code}</th>
                  {x.modules.map((m) => (
                    <td key={m.scenarioId} data-module={m.scenarioId} data-state={m.state} data-stuck={m.stuck ? 'yes' : undefined}>
                      {t(`paths.state.${m.state}`)}
                      {m.state === 'practice' ? ` · ${t('paths.practiceCount', { n: m.practicePasses, needed: m.practiceNeeded })}` : ''}
                      {m.next ? ` · ${t('paths.next')}` : ''}
                      {m.stuck ? <strong className="stuck"> · {t('paths.stuck')}</strong> : null}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </div>
  );
}
