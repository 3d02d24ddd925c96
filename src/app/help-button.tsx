import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { poseTakes } from '../results/pose-take';
import { readTrainee } from '../results/trainee-identity';
import { askForHelp, helpRequest, helpShown } from '../state/help-request';
import { lateUi } from '../state/late-ui';
import { progressSnapshot } from '../state/progress-snapshot';
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
    const device = () => (lateUi.getState().vr ? 'vr-controller' : 'desktop');
    const sources = {
      token: () => readTrainee()?.token ?? null,
      snapshot: (now: number) => progressSnapshot(session.getState(), helpRequest.getState(), now, device()),
      // The live 3D view's poses come from the recorder the session record's come from.
      poses: (attemptId: string, windowMs: number, hz: number) => poseTakes.recent(attemptId, windowMs, hz),
    };
    // Its own chunk, fetched now: after the station's first frame, like this button.
    void import('../results/progress-runtime').then((m) => m.startLiveProgress(session, sources));
  }, [session]);
  if (!live) return null;
  const waiting = shown === 'asked' || shown === 'unreachable';
  return (
    <button type="button" className={`help-button help-${shown}`} data-action="help" data-help={shown} aria-disabled={waiting} onClick={waiting ? undefined : askForHelp}>
      {t(`ui:help.${shown}`)}
    </button>
  );
}
