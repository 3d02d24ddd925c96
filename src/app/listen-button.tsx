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
      <span aria-hidden="true">🔊</span> {t('feedback:review-listen')}
    </button>
  );
}
