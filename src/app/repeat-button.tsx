import { useTranslation } from 'react-i18next';
import { useHasAudio } from '../audio/audio-availability';
import { instructionKey, instructionLanguage, repeatRequests } from '../audio/spoken-session';
import { useSession } from '../state/session-context';
import { currentStepView } from '../state/step-view';

/** "Repeat" for the current instruction: only where it can be heard (no silent button in Tigrinya). */
export function RepeatButton() {
  const { t, i18n } = useTranslation();
  const key = useSession(instructionKey);
  // A listening step is heard in Dutch; while its words are hidden, its own "listen again" stands in the instruction's place.
  const lng = useSession((s) => instructionLanguage(s, i18n.language));
  const hidden = useSession((s) => (s.scenario && s.engine ? currentStepView(s.scenario, s.engine)?.textHidden === true : false));
  const audible = useHasAudio(lng, [key]);
  if (!audible || hidden) return null;
  return (
    <button type="button" onClick={() => repeatRequests.getState().repeat()} data-action="repeat">
      {t('ui:play.repeat')}
    </button>
  );
}
