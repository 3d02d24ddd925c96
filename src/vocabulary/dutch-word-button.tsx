import { useTranslation } from 'react-i18next';
import { useHasAudio } from '../audio/audio-availability';
import { speak } from '../audio/audio-player';
import { termKey } from '../audio/spoken-keys';
import { assetUrl } from '../world/asset-url';

export interface DutchWordButtonProps {
  /** The Dutch word of the current step's object (scenario `objects[].term`). */
  term: string;
  /** Its picture: the step's pictogram (or the object's own), a path under assets/. */
  pictogram?: string | undefined;
}

/**
 * The Dutch word with its picture; a tap says it in Dutch, whatever the trainee's language (the
 * word they will hear at work). The synthetic Dutch voice or the centre's own recording, through
 * the same manifest as every spoken line. Where the word has no audio it is shown, not offered as a
 * button: never a silent button.
 */
export function DutchWordButton({ term, pictogram }: DutchWordButtonProps) {
  const { t } = useTranslation();
  const key = termKey(term);
  const audible = useHasAudio('nl', [key]);
  const picture = pictogram ? <img className="term-picture" src={assetUrl(pictogram)} alt="" width={24} height={24} data-testid="term-picture" /> : null;
  const word = (
    <strong lang="nl" dir="ltr">
      {term}
    </strong>
  );
  if (!audible) {
    return (
      <span className="dutch-word" data-testid="dutch-word">
        {picture}
        {word}
      </span>
    );
  }
  return (
    <button type="button" className="dutch-word" data-testid="dutch-word" data-action="say-word" data-term-key={key} aria-label={t('ui:play.sayWord', { word: term })} onClick={() => void speak('nl', [key])}>
      {picture}
      {word}
      {/* A drawn speaker (no emoji font is shipped): this word can be heard. */}
      <svg aria-hidden="true" width="18" height="18" viewBox="0 0 24 24" fill="currentColor">
        <path d="M3 9v6h4l5 4V5L7 9H3zm13.5 3a4.5 4.5 0 0 0-2.5-4v8a4.5 4.5 0 0 0 2.5-4z" />
      </svg>
    </button>
  );
}
