import { tutorial as tutorialEntry } from 'virtual:werkvloer/tutorial';
import { comfortSettings } from '../input/comfort-settings';
import { createSessionStore, type SessionClock } from '../state/session-store';
import type { TutorialRun } from '../play/station-canvas';

/** Whether entering VR now starts with the tutorial: wanted on this headset, and the build has one. */
export function tutorialWanted(): boolean {
  return tutorialEntry !== null && comfortSettings.getState().tutorial;
}

/** The tutorial's texts: loaded with the station's, before the headset goes on. */
export const tutorialNamespace = tutorialEntry?.id ?? null;

/**
 * Starts the tutorial in a session of its own (never uploaded: the app only uploads the station's
 * session). `onDone` runs once, when its last step is done or the trainee skips it; from then on
 * this headset enters VR without it, until the trainee asks for it again on the start screen.
 */
export async function startTutorial(clock: SessionClock, language: string, onDone: () => void): Promise<TutorialRun | null> {
  if (!tutorialEntry) return null;
  const { default: scenario, hash } = await tutorialEntry.loadScenario();
  const store = createSessionStore(clock);
  let finished = false;
  const finish = () => {
    if (finished) return;
    finished = true;
    unsubscribe();
    comfortSettings.getState().setTutorial(false);
    // A new place: the trainee starts the station at the work position, facing the bench.
    comfortSettings.getState().recenter();
    onDone();
  };
  const unsubscribe = store.subscribe((s) => {
    if (s.status === 'ended') finish();
  });
  store.getState().start(scenario, hash, 'practice', language);
  return { store, loadComposition: tutorialEntry.loadComposition, skip: finish };
}
