import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { audioSettings } from '../audio/audio-settings';
import { languages, nativeName } from '../i18n/languages';

export interface SettingsMenuProps {
  language: string;
  onLanguage(code: string): void;
}

/**
 * Language, volume and mono during play (desktop). Changing the language keeps the session and its
 * score: only the texts and the voice change. VR has the same choices on the 3D settings panel.
 */
export function SettingsMenu({ language, onLanguage }: SettingsMenuProps) {
  const { t } = useTranslation();
  const volume = useStore(audioSettings, (s) => s.volume);
  const mono = useStore(audioSettings, (s) => s.mono);
  return (
    <details className="settings" data-testid="settings">
      <summary>{t('ui:settings.title')}</summary>
      <label>
        {t('ui:settings.language')}
        <select value={language} onChange={(e) => onLanguage(e.target.value)} data-testid="language-select">
          {languages.map((l) => (
            <option key={l.code} value={l.code} lang={l.code} dir={l.dir}>
              {nativeName(l.code)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('ui:settings.volume')}
        <input type="range" min={0} max={1} step={0.1} value={volume} onChange={(e) => audioSettings.getState().setVolume(Number(e.target.value))} />
      </label>
      <label>
        <input type="checkbox" checked={mono} onChange={(e) => audioSettings.getState().setMono(e.target.checked)} />
        {t('ui:settings.mono')}
      </label>
    </details>
  );
}
