import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { createStore } from 'zustand/vanilla';
import { currentStepView } from '../state/step-view';
import { useSessionStore } from '../state/session-context';
import type { SessionState } from '../state/session-store';
import { attemptReview } from '../state/attempt-review';
import { speak, stopSpeaking, type SpokenLine } from './audio-player';

/** "Repeat instruction" from the HUD or the VR panel: a counter the speaker listens to. */
export const repeatRequests = createStore<{ count: number; repeat(): void }>()((set) => ({
  count: 0,
  repeat: () => set((s) => ({ count: s.count + 1 })),
}));

export function instructionKey(s: SessionState): string | null {
  if (!s.scenario || !s.engine) return null;
  const view = currentStepView(s.scenario, s.engine);
  return view ? `${s.scenario.id}:${view.instructionKey}` : null;
}

/** The language the instruction is heard in: Dutch for a listening step (scenario `listen`), else the trainee's. */
export function instructionLanguage(s: SessionState, trainee: string): string {
  if (!s.scenario || !s.engine) return trainee;
  return currentStepView(s.scenario, s.engine)?.listen ? 'nl' : trainee;
}

/** The instruction as it is spoken: its key, in the language it is heard in. */
export function instructionLine(s: SessionState, trainee: string): SpokenLine | null {
  const key = instructionKey(s);
  return key ? { key, lng: instructionLanguage(s, trainee) } : null;
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

/** At the end: the result, then the first thing to practise next and the right way to do it. */
function reviewKeys(s: SessionState): string[] {
  if (!s.scenario || !s.engine || !s.result || s.result.passed) return [];
  const next = attemptReview(s.scenario, s.engine).practiseNext[0];
  if (!next) return [];
  return next.rightKey ? [next.textKey, 'feedback:review-right-way', next.rightKey] : [next.textKey];
}

/** Practice stopped by a critical rule: "Stop!", the rule's message, then the right way (its safe state's step). */
function haltKeys(s: SessionState): string[] {
  const stopped = s.lastFeedback.find((f) => f.kind === 'stopped');
  if (!stopped || stopped.kind !== 'stopped' || stopped.resumeAt === null || !s.scenario) return [];
  const step = s.scenario.steps.find((x) => x.id === stopped.resumeAt);
  return ['feedback:review-machine-stopped', stopped.key, ...(step ? ['feedback:review-right-way', `${s.scenario.id}:${step.instruction}`] : [])];
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
    const first = instructionLine(session.getState(), language);
    if (first) void speak(language, [first]);
    const offSession = session.subscribe((s, prev) => {
      if (s.lastFeedback === prev.lastFeedback && s.status === prev.status) return;
      const keys: (string | SpokenLine)[] = [];
      const halt = s.lastFeedback !== prev.lastFeedback ? haltKeys(s) : [];
      const fb = s.lastFeedback !== prev.lastFeedback && halt.length === 0 ? feedbackKey(s) : null;
      if (fb) keys.push(fb);
      keys.push(...halt);
      const next = instructionKey(s);
      if (s.status === 'ended') {
        const r = resultKey(s);
        if (r) keys.push(r);
        keys.push(...reviewKeys(s));
      } else if (halt.length === 0 && next && (next !== instructionKey(prev) || s.lastFeedback.some((f) => f.kind === 'continued'))) keys.push({ key: next, lng: instructionLanguage(s, language) });
      if (keys.length) void speak(language, keys);
    });
    const offRepeat = repeatRequests.subscribe(() => {
      const line = instructionLine(session.getState(), language);
      if (line) void speak(language, [line]);
    });
    return () => {
      offSession();
      offRepeat();
      stopSpeaking();
    };
  }, [session, language]);
  return null;
}
