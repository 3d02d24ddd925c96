import { useTranslation } from 'react-i18next';
import { speak } from '../audio/audio-player';
import { useHasAudio } from '../audio/audio-availability';

/** Hear these texts again; hidden where none of them has a recording (never a silent button). */
export function ListenButton({ keys, label }: { keys: readonly (string | null | undefined)[]; label?: string }) {
  const { t, i18n } = useTranslation();
  const audible = useHasAudio(i18n.language, keys);
  if (!audible) return null;
  const list = keys.filter((k): k is string => typeof k === 'string');
  return (
    <button type="button" className="listen" data-action="listen" aria-label={label ?? t('feedback:review-listen')} onClick={() => void speak(i18n.language, list)}>
      {/* A drawn speaker: no emoji font is needed (none is shipped). */}
      <svg aria-hidden="true" width="16" height="16" viewBox="0 0 24 24" fill="currentColor">
        <path d="M3 9v6h4l5 4V5L7 9H3zm13.5 3a4.5 4.5 0 0 0-2.5-4v8a4.5 4.5 0 0 0 2.5-4z" />
      </svg>{' '}
      {t('feedback:review-listen')}
    </button>
  );
}
