import { useTranslation } from 'react-i18next';
import type { Feedback, Scenario } from '../engine';
import { useHasAudio } from '../audio/audio-availability';
import { instructionKey, repeatRequests } from '../audio/spoken-session';
import { useSession } from '../state/session-context';
import { heardInstructionKey, listenPictogram } from '../state/step-view';
import { assetUrl } from '../world/asset-url';

/**
 * A listening step while it is due (scenario `listen`): an ear instead of the words, and "listen
 * again" to hear the Dutch instruction once more. The button only where the Dutch file exists
 * (check:scenes requires one; a centre's recording counts too): never a silent button.
 */
export function ListenStep() {
  const { t } = useTranslation();
  const key = useSession(instructionKey);
  const audible = useHasAudio('nl', [key]);
  return (
    <span className="listen-step" data-testid="listen-step">
      <img className="pictogram" src={assetUrl(listenPictogram)} alt={t('ui:play.listenPrompt')} title={t('ui:play.listenPrompt')} width={44} height={44} />
      {audible ? (
        <button type="button" data-action="listen-again" onClick={() => repeatRequests.getState().repeat()}>
          {t('ui:play.listenAgain')}
        </button>
      ) : null}
    </span>
  );
}

/** Under the feedback of a listening step just done: the Dutch sentence heard, and its translation. */
export function HeardSentence({ scenario, feedback }: { scenario: Scenario; feedback: Feedback | undefined }) {
  const { t, i18n } = useTranslation();
  const key = heardInstructionKey(scenario, feedback);
  if (!key) return null;
  const dutch = t(`${scenario.id}:${key}`, { lng: 'nl' });
  const own = t(`${scenario.id}:${key}`);
  return (
    <span className="heard" data-testid="heard-sentence">
      <span>{t('ui:play.youHeard')}: </span>
      <strong lang="nl" dir="ltr" data-testid="heard-dutch">
        {dutch}
      </strong>
      {i18n.language === 'nl' || own === dutch ? null : <span data-testid="heard-translation"> ({own})</span>}
    </span>
  );
}
