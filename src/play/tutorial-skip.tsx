import { useTranslation } from 'react-i18next';
import { fontForLanguage } from '../i18n/fonts';
import { languageInfo } from '../i18n/languages';
import { PanelButton } from './panel-button';

/** "Skip" beside the instruction panel during the VR tutorial: a trainee who knows VR goes straight to work. */
export default function TutorialSkip({ position, onSkip }: { position: [number, number, number]; onSkip: () => void }) {
  const { t, i18n } = useTranslation('vr-tutorial');
  const font = fontForLanguage(languageInfo(i18n.language).code);
  return <PanelButton name="tutorial-skip" label={t('skip')} font={font} width={0.3} position={position} onPress={() => onSkip()} />;
}
