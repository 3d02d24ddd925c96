import { useTranslation } from 'react-i18next';
import type { EngineState, Scenario, ScoreResult } from '../engine';
import { assetUrl } from '../world/asset-url';
import { attemptReview } from '../state/attempt-review';
import './attempt-review.css';
import { ReviewEntry } from './review-item';

export interface AttemptReviewPanelProps {
  scenario: Scenario;
  engine: EngineState;
  result: ScoreResult;
  onTryAgain(): void;
}

/**
 * The end screen's lesson: what went wrong and the right way (each rule that fired, each step missed
 * or done wrong), what went well, the one or two things to practise next, and "Try again".
 */
export default function AttemptReviewPanel({ scenario, engine, result, onTryAgain }: AttemptReviewPanelProps) {
  const { t } = useTranslation();
  const review = attemptReview(scenario, engine);
  const nextIds = new Set(review.practiseNext.map((i) => `${i.kind}:${i.id}`));
  const others = review.problems.filter((i) => !nextIds.has(`${i.kind}:${i.id}`));
  return (
    <section className="review" data-testid="review">
      {result.continuations.length > 0 ? (
        <p className="not-counted" data-testid="not-counted">
          {t('feedback:review-not-counted')}
        </p>
      ) : null}
      {review.practiseNext.length > 0 ? (
        <>
          <h3>{t('feedback:review-practise-next')}</h3>
          <ol data-testid="practise-next">
            {review.practiseNext.map((item) => (
              <ReviewEntry key={`${item.kind}:${item.id}`} item={item} />
            ))}
          </ol>
        </>
      ) : null}
      {others.length > 0 ? (
        <>
          <h3>{t('feedback:review-why')}</h3>
          <ul data-testid="problems">
            {others.map((item) => (
              <ReviewEntry key={`${item.kind}:${item.id}`} item={item} />
            ))}
          </ul>
        </>
      ) : null}
      {review.wentWellCount > 0 ? (
        <>
          <h3>{t('feedback:review-went-well')}</h3>
          <p className="well" data-testid="went-well">
            {t('feedback:review-went-well-count', { count: review.wentWellCount, total: scenario.steps.length })}
          </p>
          <ul>
            {review.wentWell.map((w) => (
              <li key={w.step} className="review-item well" data-id={w.step}>
                {w.pictogram ? <img src={assetUrl(w.pictogram)} alt="" width={44} height={44} /> : <span />}
                <span>{t(w.textKey)}</span>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <button type="button" className="primary" data-action="try-again" onClick={onTryAgain}>
        {t('feedback:review-try-again')}
      </button>
    </section>
  );
}
