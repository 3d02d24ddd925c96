import { useTranslation } from 'react-i18next';
import type { Scenario } from '../engine';
import { repeatRequests } from '../audio/spoken-session';
import { PointedWord, WordsMet } from '../vocabulary/word-list';
import { assetUrl } from '../world/asset-url';
import { SettingsMenu } from './settings-menu';

export interface HudExtrasProps {
  part: 'picture' | 'word' | 'actions' | 'settings' | 'words-met';
  scenario: Scenario;
  pictogram?: string | undefined;
  language: string;
  onLanguage(code: string): void;
}

/** The overlay's parts that load after the station's first frame (src/state/late-ui.ts). */
export default function HudExtras({ part, scenario, pictogram, language, onLanguage }: HudExtrasProps) {
  const { t } = useTranslation();
  switch (part) {
    case 'picture':
      return pictogram ? <img className="pictogram" src={assetUrl(pictogram)} alt="" width={44} height={44} data-testid="hud-pictogram" /> : null;
    case 'word':
      return <PointedWord scenario={scenario} />;
    case 'actions':
      return (
        <button type="button" onClick={() => repeatRequests.getState().repeat()} data-action="repeat">
          {t('ui:play.repeat')}
        </button>
      );
    case 'settings':
      return <SettingsMenu language={language} onLanguage={onLanguage} />;
    case 'words-met':
      return <WordsMet scenario={scenario} />;
  }
}
