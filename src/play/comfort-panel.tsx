import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { comfortSettings } from '../input/comfort-settings';
import { PanelButton } from './panel-button';

/**
 * VR comfort switches, on the settings panel (src/play/settings-panel.tsx): seated play and smooth
 * movement, changeable without taking the headset off. The choice is remembered by the headset
 * (comfort-settings). Green when on, grey when off. Shown only when asked for: switches always in view
 * would cost draw calls every frame; on the settings panel their plates join its single plate mesh.
 */
export function ComfortToggles({ font, top }: { font: string; /** Height of the first switch on the settings panel. */ top: number }) {
  const { t } = useTranslation('ui');
  const seated = useStore(comfortSettings, (s) => s.seated);
  const smoothMove = useStore(comfortSettings, (s) => s.smoothMove);
  return (
    <>
      <PanelButton kind="switch" name="comfort-seated" label={t('play.seated')} font={font} width={0.56} active={seated} position={[0, top, 0]} onPress={() => comfortSettings.getState().setSeated(!seated)} />
      <PanelButton kind="switch" name="comfort-smooth" label={t('play.smoothMove')} font={font} width={0.56} active={smoothMove} position={[0, top - 0.13, 0]} onPress={() => comfortSettings.getState().setSmoothMove(!smoothMove)} />
    </>
  );
}
