import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { comfortSettings } from '../input/comfort-settings';

/** The VR comfort choices on the start screen, before the headset goes on (also changeable in VR). */
export function ComfortOptions() {
  const { t } = useTranslation('ui');
  const seated = useStore(comfortSettings, (s) => s.seated);
  const smoothMove = useStore(comfortSettings, (s) => s.smoothMove);
  const tutorial = useStore(comfortSettings, (s) => s.tutorial);
  return (
    <fieldset className="comfort">
      <label>
        <input type="checkbox" data-comfort="tutorial" checked={tutorial} onChange={(e) => comfortSettings.getState().setTutorial(e.target.checked)} />
        {t('play.tutorialFirst')}
      </label>
      <label>
        <input type="checkbox" data-comfort="seated" checked={seated} onChange={(e) => comfortSettings.getState().setSeated(e.target.checked)} />
        {t('play.seated')}
      </label>
      <label>
        <input type="checkbox" data-comfort="smooth-move" checked={smoothMove} onChange={(e) => comfortSettings.getState().setSmoothMove(e.target.checked)} />
        {t('play.smoothMove')}
      </label>
    </fieldset>
  );
}
