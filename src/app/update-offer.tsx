import { useEffect, useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { checkForUpdate, registerWhenIdle, subscribeUpdateOffer, updateOffer } from './service-worker-offer';

/** Circular arrow: "start again", for trainees who read little. */
function RestartIcon() {
  return (
    <svg viewBox="0 0 24 24" width="28" height="28" aria-hidden="true">
      <path d="M12 4a8 8 0 1 0 8 8h-2.5A5.5 5.5 0 1 1 12 6.5V10l5-5-5-5z" fill="currentColor" />
    </svg>
  );
}

// A yellow band: noticed, but not an error.
const offerStyle = { background: '#fff4ce', border: '2px solid #c9a227', borderRadius: '10px', padding: '0.5rem 0.75rem' } as const;

/**
 * On the start screen only, so between sessions: registers the service worker when the screen is idle
 * and, when a new version of the app waits, offers to restart into it. Never a reload mid-session.
 */
export function UpdateOffer() {
  const { t } = useTranslation('ui');
  const offer = useSyncExternalStore(subscribeUpdateOffer, updateOffer, () => null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    checkForUpdate();
    return registerWhenIdle();
  }, []);
  if (!offer) return null;
  return (
    <section className="trainee" style={offerStyle} data-testid="update-offer" aria-live="polite">
      <p>{t('update.available')}</p>
      <button
        type="button"
        className="big"
        data-action="update-restart"
        disabled={busy}
        onClick={() => {
          setBusy(true);
          void offer.restart();
        }}
      >
        <RestartIcon />
        <span>{t('update.restart')}</span>
      </button>
    </section>
  );
}
