import { Suspense, lazy, useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { OutboxSlot } from '../results/outbox-slot';
import type { UploadStatus } from '../state/app-store';
import { debriefOffer } from '../state/debrief-offer';
import { useSession, useSessionStore } from '../state/session-context';
import { tryAgainFromStart } from '../state/try-again';

// The lesson of an attempt loads when first needed.
const AttemptReviewPanel = lazy(() => import('./attempt-review-panel'));
const DebriefLink = lazy(() => import('./debrief-link'));

export interface ResultHudProps {
  upload: UploadStatus;
  anonymous: boolean;
  onRetry(): void;
  onBack(): void;
  /** The words met in this attempt (an overlay extra that loads after the first frame). */
  wordsMet: ReactNode;
}

/**
 * The overlay at the end of an attempt: score, whether it was saved, what to learn. Its own chunk,
 * loaded when an attempt ends: nothing of it is needed for the station's first frame.
 */
export default function ResultHud({ upload, anonymous, onRetry, onBack, wordsMet }: ResultHudProps) {
  const { t, i18n } = useTranslation(['ui', 'feedback']);
  const scenario = useSession((s) => s.scenario);
  const engine = useSession((s) => s.engine);
  const result = useSession((s) => s.result);
  const sessionId = useSession((s) => s.sessionId);
  const session = useSessionStore();
  // The replay needs the record on the server and the trainee's own token: saved, signed in, a slip to look at.
  const debrief = upload.kind === 'saved' && !anonymous && sessionId !== null && engine !== null && (engine.mistakes.length > 0 || engine.violations.length > 0) ? sessionId : null;
  // The headset's end panel offers the same replay (src/play/vr-debrief-button.tsx).
  useEffect(() => {
    debriefOffer.setState({ sessionId: debrief });
    return () => debriefOffer.setState({ sessionId: null });
  }, [debrief]);
  if (!scenario || !engine || !result) return null;
  return (
    <aside className="hud result" role="status" aria-live="polite" data-session-id={sessionId ?? undefined}>
      <h2>{t('ui:result.title')}</h2>
      <p className="score" data-testid="score" data-score={result.total}>
        {t('ui:result.score', { score: result.total })}
      </p>
      <p className={result.passed ? 'passed' : 'failed'}>
        {result.failedByCritical ? t('ui:result.stoppedBySafety') : result.passed ? t('ui:result.passed') : t('ui:result.failed')}
      </p>
      <p className="upload" data-testid="upload" data-upload={upload.kind}>
        {upload.kind === 'saving' ? t('ui:result.saving') : null}
        {upload.kind === 'saved' ? (anonymous ? t('ui:result.savedAnonymous') : t('ui:result.saved')) : null}
        {upload.kind === 'failed' ? t('ui:result.notSaved', { reason: upload.reason }) : null}
      </p>
      {upload.kind === 'failed' ? (
        <button type="button" onClick={onRetry}>
          {t('ui:result.retry')}
        </button>
      ) : null}
      {debrief ? (
        <Suspense fallback={null}>
          <DebriefLink sessionId={debrief} language={i18n.language} scenario={scenario} engine={engine} />
        </Suspense>
      ) : null}
      <Suspense fallback={null}>
        <AttemptReviewPanel scenario={scenario} engine={engine} result={result} onTryAgain={() => tryAgainFromStart(session, i18n.language)} />
      </Suspense>
      <OutboxSlot inline sessionEnded onStartScreen={false} />
      <button type="button" onClick={onBack} data-action="back">
        {t('ui:result.backToStart')}
      </button>
      {wordsMet}
    </aside>
  );
}
