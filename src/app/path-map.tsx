import { useTranslation } from 'react-i18next';
import type { StationEntry } from './station-catalog';
import { StationTile } from './station-tile';
import { mapStateOf, type MapState, type TraineePathView } from '../state/trainee-path-store';
import './path-map.css';

export interface PathMapProps {
  view: TraineePathView;
  /** The stations this app holds: a module the app does not know is left off the map. */
  stations: readonly StationEntry[];
  selected: string | null;
  onChoose(folder: string): void;
}

/** The mark of each state, drawn: a tick, an arrow to go, an open ring, a padlock. Shape and colour, not words alone. */
export function StateMark({ state }: { state: MapState }) {
  return (
    <svg className={`path-mark path-mark-${state}`} viewBox="0 0 24 24" width="36" height="36" aria-hidden="true" focusable="false">
      {state === 'done' ? (
        <>
          <circle cx="12" cy="12" r="11" fill="#1a7f37" />
          <path d="M6 12.5l4 4 8-9" fill="none" stroke="#fff" strokeWidth="2.8" strokeLinecap="round" strokeLinejoin="round" />
        </>
      ) : null}
      {state === 'next' ? (
        <>
          <circle cx="12" cy="12" r="11" fill="#1f6feb" />
          <path d="M9.5 6.5l7 5.5-7 5.5z" fill="#fff" />
        </>
      ) : null}
      {state === 'open' ? <circle cx="12" cy="12" r="9.5" fill="#fff" stroke="#1f6feb" strokeWidth="3" /> : null}
      {state === 'locked' ? (
        <>
          <circle cx="12" cy="12" r="11" fill="#57606a" />
          <path d="M8.5 11V8.5a3.5 3.5 0 0 1 7 0V11" fill="none" stroke="#fff" strokeWidth="2" />
          <rect x="7" y="11" width="10" height="7.5" rx="1.5" fill="#fff" />
        </>
      ) : null}
    </svg>
  );
}

/**
 * The trainee's learning path on the start screen (issue 26): the modules in order as the station
 * tiles' pictures, each with its mark — done, next, open, locked — and the word under it in the
 * trainee's language (also what a screen reader says). A locked module cannot be chosen. Its own
 * chunk: loaded only for a trainee whose group has a path, after the start screen's first draw.
 */
export default function PathMap({ view, stations, selected, onChoose }: PathMapProps) {
  const { t } = useTranslation('ui');
  const onMap = view.modules.flatMap((m) => {
    const station = stations.find((s) => s.id === m.scenarioId);
    return station ? [{ module: m, station, state: mapStateOf(m) }] : [];
  });
  return (
    <section aria-labelledby="path-heading" className="path-map" data-testid="path-map">
      <h2 id="path-heading">{t('path.title')}</h2>
      <ol className="stations path-steps">
        {onMap.map(({ module, station, state }, i) => (
          <li key={station.folder} data-path-module={module.scenarioId} data-path-state={state} data-exam-open={module.examOpen}>
            <StationTile
              folder={station.folder}
              sector={station.sector}
              title={t(`stations:${station.id}.title`)}
              sectorName={t(`sector.${station.sector}`)}
              pressed={selected === station.folder}
              disabled={state === 'locked'}
              onChoose={onChoose}
            >
              <span className={`path-state path-state-${state}`}>
                <StateMark state={state} />
                <b className="path-step-number" aria-hidden="true">
                  {i + 1}
                </b>
                <em>{t(`path.state.${state}`)}</em>
                {module.examOpen ? <em className="path-exam">{t('path.examOpen')}</em> : null}
              </span>
            </StationTile>
          </li>
        ))}
      </ol>
    </section>
  );
}
