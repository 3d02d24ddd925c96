import type { Feedback, Scenario } from '../engine';
import { HeardSentence, ListenStep } from './listen-step';
import { PointedWord, WordsMet } from '../vocabulary/word-list';
import { DutchWordButton } from '../vocabulary/dutch-word-button';
import { assetUrl } from '../world/asset-url';
import { NextCueArrow } from './next-cue-arrow';
import { HelpButton } from './help-button';
import { RepeatButton } from './repeat-button';
import { SettingsMenu } from './settings-menu';

export interface HudExtrasProps {
  part: 'picture' | 'word' | 'actions' | 'settings' | 'words-met' | 'cue' | 'term' | 'listen' | 'heard';
  scenario: Scenario;
  pictogram?: string | undefined;
  /** The current step's Dutch word (part `term`). */
  term?: string | undefined;
  /** The feedback shown (part `heard`: a listening step just done shows its Dutch sentence). */
  feedback?: Feedback | undefined;
  language: string;
  onLanguage(code: string): void;
}

/** The overlay's parts that load after the station's first frame (src/state/late-ui.ts). */
export default function HudExtras({ part, scenario, pictogram, term, feedback, language, onLanguage }: HudExtrasProps) {
  switch (part) {
    case 'picture':
      return pictogram ? <img className="pictogram" src={assetUrl(pictogram)} alt="" width={44} height={44} data-testid="hud-pictogram" /> : null;
    case 'word':
      return <PointedWord scenario={scenario} />;
    case 'actions':
      return (
        <>
          <RepeatButton />
          <HelpButton />
        </>
      );
    case 'settings':
      return <SettingsMenu language={language} onLanguage={onLanguage} />;
    case 'words-met':
      return <WordsMet scenario={scenario} />;
    case 'term':
      return term ? <DutchWordButton term={term} pictogram={pictogram} /> : null;
    case 'listen':
      return <ListenStep />;
    case 'heard':
      return <HeardSentence scenario={scenario} feedback={feedback} />;
    case 'cue':
      return <NextCueArrow />;
  }
}
