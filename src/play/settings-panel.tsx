import { Text } from '@react-three/drei';
import '../world/text-setup';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { audioSettings } from '../audio/audio-settings';
import { defaultFontUrl, fontForLanguage } from '../i18n/fonts';
import { languageInfo, languages, nativeName } from '../i18n/languages';
import { ComfortToggles } from './comfort-panel';
import { PanelButton } from './panel-button';
import { PanelPlates } from './panel-plates';

/**
 * The settings in VR, beside the instruction panel: language (each in its own name and script),
 * volume and mono. A language chosen here changes the whole app (src/app/app.tsx follows i18next)
 * and keeps the session and its score; and the comfort switches (seated, smooth movement). Only in a
 * headset: on a screen the overlay's settings menu (src/app/settings-menu.tsx) does this.
 */
export function SettingsPanel({ position }: { position: [number, number, number] }) {
  const { t, i18n } = useTranslation('ui');
  const volume = useStore(audioSettings, (s) => s.volume);
  const mono = useStore(audioSettings, (s) => s.mono);
  const lang = languageInfo(i18n.language);
  const font = fontForLanguage(lang.code);
  return (
    <group position={position} name="settings-panel">
      <PanelPlates>
      <mesh position={[0, -0.15, -0.01]}>
        <planeGeometry args={[0.62, 1.16]} />
        <meshBasicMaterial color="#102a43" transparent opacity={0.92} />
      </mesh>
      <Text font={font} position={[0, 0.38, 0]} fontSize={0.035} color="#9fb3c8" anchorX="center" anchorY="top" direction={lang.dir}>
        {t('ui:settings.language')}
      </Text>
      {languages.map((l, i) => (
        <PanelButton
          key={l.code}
          name={`language:${l.code}`}
          label={nativeName(l.code)}
          font={fontForLanguage(l.code)}
          width={0.27}
          position={[(i % 2 === 0 ? -0.145 : 0.145), 0.27 - Math.floor(i / 2) * 0.13, 0]}
          onPress={() => void i18n.changeLanguage(l.code)}
          active={l.code === lang.code}
        />
      ))}
      <PanelButton name="volume-down" label="–" font={defaultFontUrl} width={0.12} position={[-0.22, -0.27, 0]} onPress={() => audioSettings.getState().setVolume(volume - 0.1)} />
      <Text font={font} position={[0, -0.27, 0]} fontSize={0.035} color="#ffffff" anchorX="center" anchorY="middle" direction={lang.dir}>
        {t('ui:settings.volumeValue', { volume: Math.round(volume * 100) })}
      </Text>
      <PanelButton name="volume-up" label="+" font={defaultFontUrl} width={0.12} position={[0.22, -0.27, 0]} onPress={() => audioSettings.getState().setVolume(volume + 0.1)} />
      <PanelButton
        name="mono"
        label={mono ? t('ui:settings.monoOn') : t('ui:settings.monoOff')}
        font={font}
        width={0.56}
        position={[0, -0.39, 0]}
        onPress={() => audioSettings.getState().setMono(!mono)}
      />
      <ComfortToggles font={font} top={-0.52} />
      </PanelPlates>
    </group>
  );
}
