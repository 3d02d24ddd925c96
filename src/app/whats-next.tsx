import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { StateMark } from './path-map';
import { loadStationCatalog } from './station-catalog';
import { StationTile } from './station-tile';
import { nextModule, traineePathStore } from '../state/trainee-path-store';

/**
 * "What's next" on the end screen of every attempt (issue 26): the next module of the trainee's path
 * as its picture tile with the "next" mark, started in one press (its exam when the path has opened
 * it); when every module is done, the path's end. Nothing without a path. Shown once the server has
 * answered after the upload (offline: from the path this headset last received).
 */
export function WhatsNext() {
  const { t } = useTranslation('ui');
  const { view, pending, startModule } = useStore(traineePathStore);
  if (!view || pending) return null;
  const next = nextModule(view);
  if (!next) {
    if (view.modules.some((m) => m.state !== 'mastered')) return null;
    return (
      <section className="whats-next path-map" data-testid="whats-next" data-next="done">
        <h3>{t('path.whatsNext')}</h3>
        <p className="path-state path-state-done">
          <StateMark state="done" />
          <em>{t('path.allDone')}</em>
        </p>
      </section>
    );
  }
  const station = loadStationCatalog().find((s) => s.id === next.scenarioId);
  if (!station || !startModule) return null;
  const mode = next.examOpen ? 'exam' : 'practice';
  return (
    <section className="whats-next path-map" data-testid="whats-next" data-next={next.scenarioId} data-next-mode={mode}>
      <h3>{t('path.whatsNext')}</h3>
      <div data-path-state="next">
        <StationTile folder={station.folder} sector={station.sector} title={t(`stations:${station.id}.title`)} sectorName={t(`sector.${station.sector}`)} onChoose={() => startModule(next.scenarioId, mode)}>
          <span className="path-state path-state-next">
            <StateMark state="next" />
            <em>{t(mode === 'exam' ? 'path.startExam' : 'path.startPractice')}</em>
          </span>
        </StationTile>
      </div>
    </section>
  );
}
