import { useEffect } from 'react';
import { currentStepView } from '../state/step-view';
import { useSessionStore } from '../state/session-context';
import { vocabulary } from './vocabulary';

/** Counts a word as met when its step is shown (the panel shows its Dutch word); a new session starts empty. */
export function VocabularyTracker() {
  const session = useSessionStore();
  useEffect(() => {
    const meetCurrent = () => {
      const s = session.getState();
      if (!s.scenario || !s.engine) return;
      const view = currentStepView(s.scenario, s.engine);
      if (view?.dutchTerm) vocabulary.getState().meet(view.objectId);
    };
    vocabulary.getState().reset();
    meetCurrent();
    return session.subscribe((s, prev) => {
      if (s.sessionId !== prev.sessionId) vocabulary.getState().reset();
      if (s.engine !== prev.engine) meetCurrent();
    });
  }, [session]);
  return null;
}
