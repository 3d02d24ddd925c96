import { useTranslation } from 'react-i18next';
import { useHasAudio } from '../audio/audio-availability';
import { instructionKey, repeatRequests } from '../audio/spoken-session';
import { useSession } from '../state/session-context';

/** "Repeat" for the current instruction: only where it can be heard (no silent button in Tigrinya). */
export function RepeatButton() {
  const { t, i18n } = useTranslation();
  const key = useSession(instructionKey);
  const audible = useHasAudio(i18n.language, [key]);
  if (!audible) return null;
  return (
    <button type="button" onClick={() => repeatRequests.getState().repeat()} data-action="repeat">
      {t('ui:play.repeat')}
    </button>
  );
}
