import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { askForHelp, helpRequest, helpShown } from '../state/help-request';
import { lateUi } from '../state/late-ui';
import { useSessionStore } from '../state/session-context';

/**
 * "I need help" in the overlay; the VR panel has its own (src/play/instruction-panel.tsx). It loads
 * with the overlay's extras, after the station's first frame, and starts the live progress then
 * (its own chunk). Shown only when a trainer can get the call: a signed-in trainee.
 */
export function HelpButton() {
  const { t } = useTranslation();
  const session = useSessionStore();
  const shown = useStore(helpRequest, helpShown);
  const live = useStore(helpRequest, (s) => s.live);
  useEffect(() => {
    void import('../results/progress-runtime').then((m) => m.startLiveProgress(session, () => (lateUi.getState().vr ? 'vr-controller' : 'desktop')));
  }, [session]);
  if (!live) return null;
  const waiting = shown === 'asked' || shown === 'unreachable';
  return (
    <button type="button" className={`help-button help-${shown}`} data-action="help" data-help={shown} aria-disabled={waiting} onClick={waiting ? undefined : askForHelp}>
      {t(`ui:help.${shown}`)}
    </button>
  );
}
