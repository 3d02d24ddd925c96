import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { keyAction } from '../input/bindings';
import { useSession, useSessionStore } from '../state/session-context';
import type { UploadStatus } from '../state/app-store';
import type { SessionState } from '../state/session-store';
import type { Device } from '../engine';
import { feedbackText, leadingFeedback } from '../state/feedback-text';
import { FeedbackPicture } from './feedback-picture';
import { currentStepView } from '../state/step-view';
import { Suspense, lazy, type ComponentProps } from 'react';
import { useStore } from 'zustand';
import { lateUi } from '../state/late-ui';

export interface PlayHudProps {
  upload: UploadStatus;
  /** Played without signing in on a centre's server (anonymous practice allowed): no trainer sees the result. */
  anonymous?: boolean;
  onRetry(): void;
  onBack(): void;
  language: string;
  onLanguage(code: string): void;
}

const HudExtras = lazy(() => import('./hud-extras'));
// The end of an attempt and the practice stop load when first needed, not with the station.
const ResultHud = lazy(() => import('./result-hud'));
const HaltedHud = lazy(() => import('./halted-hud'));

/** A part of the overlay that loads after the station's first frame; nothing until then. */
function Late(props: ComponentProps<typeof HudExtras>) {
  const ready = useStore(lateUi, (s) => s.ready);
  if (!ready) return null;
  return (
    <Suspense fallback={null}>
      <HudExtras {...props} />
    </Suspense>
  );
}

/** The Dutch word: plain text until the overlay's extras have loaded, then with its picture and heard on a tap. */
function LateWord(props: ComponentProps<typeof HudExtras> & { term: string }) {
  const ready = useStore(lateUi, (s) => s.ready);
  const plain = (
    <strong lang="nl" dir="ltr">
      {props.term}
    </strong>
  );
  if (!ready) return plain;
  return (
    <Suspense fallback={plain}>
      <HudExtras {...props} part="term" />
    </Suspense>
  );
}

/** The desktop overlay: the same instruction as the 3D panel, then the score and whether it was saved. */
export function PlayHud({ upload, anonymous = false, onRetry, onBack, language, onLanguage }: PlayHudProps) {
  const { t, i18n } = useTranslation(['ui', 'feedback']);
  const scenario = useSession((s) => s.scenario);
  const engine = useSession((s) => s.engine);
  const status = useSession((s) => s.status);
  const result = useSession((s) => s.result);
  const mode = useSession((s) => s.mode);
  const lastFeedback = useSession((s) => s.lastFeedback);
  const session = useSessionStore();
  const extras = { language, onLanguage };

  // Keys for the HUD (src/input/bindings.ts): Escape stops, H asks for a hint.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const action = keyAction(e.key);
      if (!action || (e.target instanceof HTMLElement && e.target.closest('input, select, textarea'))) return;
      const s = session.getState();
      if (action === 'stop' && s.status === 'playing') onBack();
      if (action === 'hint') askHint(s, 'desktop');
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [session, onBack]);

  if (!scenario || !engine) return null;
  if (status === 'playing' && engine.halted) {
    const halted = engine.halted;
    return (
      <Suspense fallback={null}>
        <HaltedHud scenario={scenario} engine={{ ...engine, halted }} onBack={onBack} />
      </Suspense>
    );
  }
  const view = currentStepView(scenario, engine);
  const hint = lastFeedback.find((f) => f.kind === 'hint');
  const said = leadingFeedback(lastFeedback);
  const safety = said?.kind === 'rule-violated' || said?.kind === 'stopped';

  if (status === 'ended' && result) {
    return (
      <Suspense fallback={null}>
        <ResultHud upload={upload} anonymous={anonymous} onRetry={onRetry} onBack={onBack} wordsMet={<Late part="words-met" scenario={scenario} {...extras} />} />
      </Suspense>
    );
  }
  return (
    <aside className="hud" role="status" aria-live="polite">
      <div className="hud-step">
        <Late part="picture" scenario={scenario} pictogram={view?.pictogram} {...extras} />
        <p className="instruction" data-testid="instruction">
          {/* A listening step: an ear and "listen again", never its words (they load late, with the voice). */}
          {view?.textHidden ? <Late part="listen" scenario={scenario} {...extras} /> : view ? t(`${scenario.id}:${view.instructionKey}`) : t('ui:play.allDone')}
        </p>
      </div>
      {/* A listening step keeps even its Dutch word off the screen: the trainee must hear it. */}
      {view?.dutchTerm && !view.textHidden ? (
        <p className="term">
          <span>{t('ui:play.dutchWord')}: </span>
          <LateWord part="term" scenario={scenario} term={view.dutchTerm} pictogram={view.pictogram} {...extras} />
        </p>
      ) : null}
      {said ? (
        <p className={`feedback ${safety ? 'safety' : said.kind === 'step-completed' ? 'good' : 'wrong'}`} data-testid="feedback" data-kind={said.kind}>
          <FeedbackPicture scenario={scenario} feedback={said} engine={engine} />
          {feedbackText(t, i18n.language, scenario, said, engine)}
          <Late part="heard" scenario={scenario} feedback={said} {...extras} />
        </p>
      ) : null}
      <Late part="word" scenario={scenario} {...extras} />
      {/* The arrow to an object out of view: fixed to the window, not to the overlay. */}
      <Late part="cue" scenario={scenario} {...extras} />
      {hint ? (
        <p className="hint" data-testid="hint">
          {t(hint.key)}
        </p>
      ) : null}
      <div className="hud-actions">
      {mode === 'practice' && view?.hintKey ? (
        <button
          type="button"
          data-action="hint"
          aria-keyshortcuts="H"
          onClick={(e) => askHint(session.getState(), (e.nativeEvent as PointerEvent).pointerType === 'touch' ? 'touch' : 'desktop')}
        >
          {t('ui:play.hint')}
        </button>
      ) : null}
      <Late part="actions" scenario={scenario} {...extras} />
      <button type="button" onClick={onBack} data-action="stop" aria-keyshortcuts="Escape">
        {t('ui:play.stop')}
      </button>
      {/* In the buttons' row: one row fewer over the station; it opens below them. */}
      <Late part="settings" scenario={scenario} {...extras} />
      </div>
    </aside>
  );
}

/** A hint for the current step (practice only; the engine charges it). */
function askHint(s: SessionState, device: Device) {
  if (s.status !== 'playing' || !s.scenario || !s.engine || s.mode !== 'practice') return;
  const view = currentStepView(s.scenario, s.engine);
  if (view?.hintKey) s.act('hint', view.stepId, device);
}
