import { useThree } from '@react-three/fiber';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { debriefOffer, debriefUrl } from '../state/debrief-offer';
import { PanelButton } from './panel-button';

export interface VrDebriefButtonProps {
  font: string;
  position: [number, number, number];
  width: number;
}

/**
 * "Replay from my first mistake" on the headset's end panel (issue 28's debrief in VR): offered when
 * the end screen offers it (saved, signed in, a slip made: src/state/debrief-offer.ts). Pressed, the
 * headset leaves VR and its browser opens the replay page, paused at the mistake, through the
 * trainee's own eyes, with the instruction due then in their language; from there "Next mistake"
 * goes on to every other. Its own chunk with the replay's texts, loaded at the end of an attempt.
 */
export default function VrDebriefButton({ font, position, width }: VrDebriefButtonProps) {
  const { t, i18n } = useTranslation('replay');
  const sessionId = useStore(debriefOffer, (s) => s.sessionId);
  const gl = useThree((s) => s.gl);
  if (!sessionId) return null;
  const open = () => {
    const url = debriefUrl(sessionId, i18n.language);
    const xr = gl.xr.getSession();
    // The page is left either way: after the session ended (the headset shows its browser again), or at once.
    if (xr) void xr.end().catch(() => undefined).finally(() => location.assign(url));
    else location.assign(url);
  };
  return <PanelButton name="panel-replay-mistake" label={t('debrief')} font={font} width={width} position={position} onPress={open} />;
}
