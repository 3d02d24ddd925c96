import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { createStore } from 'zustand/vanilla';
import { currentStepView } from '../state/step-view';
import { useSessionStore } from '../state/session-context';
import type { SessionState } from '../state/session-store';
import { speak, stopSpeaking } from './audio-player';

/** "Repeat instruction" from the HUD or the VR panel: a counter the speaker listens to. */
export const repeatRequests = createStore<{ count: number; repeat(): void }>()((set) => ({
  count: 0,
  repeat: () => set((s) => ({ count: s.count + 1 })),
}));

function instructionKey(s: SessionState): string | null {
  if (!s.scenario || !s.engine) return null;
  const view = currentStepView(s.scenario, s.engine);
  return view ? `${s.scenario.id}:${view.instructionKey}` : null;
}

/** The one feedback worth hearing from an action: safety first, as on the panel. */
function feedbackKey(s: SessionState): string | null {
  const f = s.lastFeedback.find((x) => x.kind === 'rule-violated' || x.kind === 'stopped') ?? s.lastFeedback[s.lastFeedback.length - 1];
  return f ? f.key : null;
}

function resultKey(s: SessionState): string | null {
  if (!s.result) return null;
  return s.result.failedByCritical ? 'ui:result.stoppedBySafety' : s.result.passed ? 'ui:result.passed' : 'ui:result.failed';
}

/**
 * Speaks the session: the instruction when the step changes, the feedback of each action, the
 * result at the end, and the instruction again on request. Captions are always on screen; this
 * only adds the voice. Mounted once on the play screen, for desktop and VR alike.
 */
export function SpokenSession() {
  const session = useSessionStore();
  const { i18n } = useTranslation();
  const language = i18n.language;
  useEffect(() => {
    const first = instructionKey(session.getState());
    if (first) void speak(language, [first]);
    const offSession = session.subscribe((s, prev) => {
      if (s.lastFeedback === prev.lastFeedback && s.status === prev.status) return;
      const keys: string[] = [];
      const fb = s.lastFeedback !== prev.lastFeedback ? feedbackKey(s) : null;
      if (fb) keys.push(fb);
      const next = instructionKey(s);
      if (s.status === 'ended') {
        const r = resultKey(s);
        if (r) keys.push(r);
      } else if (next && next !== instructionKey(prev)) keys.push(next);
      if (keys.length) void speak(language, keys);
    });
    const offRepeat = repeatRequests.subscribe(() => {
      const key = instructionKey(session.getState());
      if (key) void speak(language, [key]);
    });
    return () => {
      offSession();
      offRepeat();
      stopSpeaking();
    };
  }, [session, language]);
  return null;
}
