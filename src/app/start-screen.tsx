import { Suspense, lazy } from 'react';
import { useTranslation } from 'react-i18next';
import { languages, nativeName } from '../i18n/languages';
import type { Mode } from '../engine';
import type { TraineeIdentity } from '../results/trainee-identity';
import type { StationEntry } from './station-catalog';
import { ComfortOptions } from './comfort-options';
import { ModePicker, type ExamStart } from './mode-picker';
import { StationTile } from './station-tile';
import { TraineeBar } from './trainee-bar';
import { UpdateOffer } from './update-offer';
import type { TraineePathView } from '../state/trainee-path-store';

// Only a trainee whose group has a learning path sees the map: its code and look load then.
const PathMap = lazy(() => import('./path-map'));

export interface StartScreenProps {
  language: string;
  stations: readonly StationEntry[];
  selected: string | null;
  mode: Mode;
  /** The trainer unlocked the exam for this trainee (anonymous play is practice only). */
  examAllowed: boolean;
  /** Asking the server for an exam attempt: under way, or why the exam did not start. */
  examStart?: ExamStart;
  vrAvailable: boolean;
  trainee: TraineeIdentity | null;
  /** The signed-in trainee's learning path (the server's last answer, kept offline); null: the station tiles as before. */
  path?: TraineePathView | null;
  /** A centre's server and nobody signed in: the stations wait until the trainee signs in (issue 21). */
  signInFirst?: boolean;
  codeFromUrl: string | null;
  onJoined(identity: TraineeIdentity): void;
  onNextTrainee(): void;
  onLanguage(code: string): void;
  onStation(folder: string): void;
  onMode(mode: Mode): void;
  onPlayDesktop(): void;
  onEnterVr(): void;
}

/** Language first, in each language's own name: a trainee who reads little Dutch can still find theirs. */
export function StartScreen(props: StartScreenProps) {
  const { t } = useTranslation('ui');
  const { stations, selected } = props;
  const locked = !selected || props.signInFirst === true;
  return (
    <main className="start">
      <header>
        <h1>{t('app.name')}</h1>
        <p>{t('app.tagline')}</p>
      </header>
      <UpdateOffer />
      <section aria-labelledby="lang-heading">
        <h2 id="lang-heading">{t('start.chooseLanguage')}</h2>
        <div className="choices" role="group" aria-labelledby="lang-heading">
          {languages.map((l) => (
            <button
              key={l.code}
              type="button"
              lang={l.code}
              dir={l.dir}
              aria-pressed={props.language === l.code}
              data-lang={l.code}
              onClick={() => props.onLanguage(l.code)}
            >
              {nativeName(l.code)}
            </button>
          ))}
        </div>
      </section>
      <TraineeBar key={props.trainee?.token ?? 'nobody'} trainee={props.trainee} codeFromUrl={props.codeFromUrl} openAtOnce={props.signInFirst === true} onJoined={props.onJoined} onNextTrainee={props.onNextTrainee} />
      {props.signInFirst ? (
        <p className="sign-in-first" role="note" data-testid="sign-in-first">
          {t('join.signInFirst')}
        </p>
      ) : null}
      {props.path ? (
        <Suspense fallback={<p className="loading" aria-busy="true" />}>
          <PathMap view={props.path} stations={stations} selected={selected} onChoose={props.onStation} />
        </Suspense>
      ) : (
      <section aria-labelledby="station-heading">
        <h2 id="station-heading">{t('start.chooseStation')}</h2>
        <ul className="stations">
          {stations.map((s) => (
            <li key={s.folder}>
              <StationTile
                folder={s.folder}
                sector={s.sector}
                title={t(`stations:${s.id}.title`)}
                sectorName={t(`sector.${s.sector}`)}
                pressed={selected === s.folder}
                onChoose={props.onStation}
              />
            </li>
          ))}
        </ul>
      </section>
      )}
      <ModePicker mode={props.examAllowed ? props.mode : 'practice'} examAllowed={props.examAllowed} examStart={props.examStart ?? null} onMode={props.onMode} />
      {props.vrAvailable ? <ComfortOptions /> : null}
      <div className="actions">
        <button type="button" className="primary" disabled={locked} onClick={props.onPlayDesktop} data-action="play-desktop">
          {t('start.playDesktop')}
        </button>
        {props.vrAvailable ? (
          <button type="button" className="primary" disabled={locked} onClick={props.onEnterVr} data-action="enter-vr">
            {t('start.enterVr')}
          </button>
        ) : null}
      </div>
    </main>
  );
}
