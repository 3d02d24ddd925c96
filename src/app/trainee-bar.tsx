import { Suspense, lazy, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TraineeIdentity } from '../results/trainee-identity';

// The join form is a chunk of its own: a station's first frame never waits for it.
const JoinPanel = lazy(() => import('./join-panel'));

export interface TraineeBarProps {
  trainee: TraineeIdentity | null;
  /** A code from the address (`?join=`, the QR card): the form opens with it and sends it at once. */
  codeFromUrl: string | null;
  /** Sign-in comes first on this server: the form is open from the start. */
  openAtOnce?: boolean;
  onJoined(identity: TraineeIdentity): void;
  onNextTrainee(): void;
}

/** Person icon: who is playing comes before what is played. */
function PersonIcon() {
  return (
    <svg viewBox="0 0 24 24" width="40" height="40" aria-hidden="true">
      <circle cx="12" cy="7" r="4.5" fill="currentColor" />
      <path d="M3 23c0-5 4-8.5 9-8.5s9 3.5 9 8.5z" fill="currentColor" />
    </svg>
  );
}

/** On the start screen: the signed-in trainee's code and "next trainee", or the way to sign in. */
export function TraineeBar({ trainee, codeFromUrl, openAtOnce = false, onJoined, onNextTrainee }: TraineeBarProps) {
  const { t } = useTranslation('ui');
  const [opened, setOpen] = useState(codeFromUrl !== null && trainee === null);
  const open = opened || openAtOnce;
  if (trainee) {
    return (
      <section className="trainee" aria-label={t('join.signedInAs')} data-testid="trainee" data-trainee-code={trainee.code}>
        <PersonIcon />
        <p>
          <span>{t('join.signedInAs')}</span> <strong className="trainee-code">{trainee.code}</strong>
        </p>
        <button type="button" className="big" data-action="next-trainee" onClick={onNextTrainee}>
          {t('join.nextTrainee')}
        </button>
      </section>
    );
  }
  return (
    <section className="trainee" data-testid="trainee">
      {open ? (
        <Suspense fallback={<p className="loading" aria-busy="true" />}>
          <JoinPanel initialCode={codeFromUrl ?? ''} submitAtOnce={codeFromUrl !== null} onJoined={onJoined} />
        </Suspense>
      ) : (
        <button type="button" className="big" data-action="join" onClick={() => setOpen(true)}>
          <PersonIcon />
          <span>{t('join.signIn')}</span>
        </button>
      )}
    </section>
  );
}
