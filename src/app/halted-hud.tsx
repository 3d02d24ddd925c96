import { useTranslation } from 'react-i18next';
import type { EngineState, Halt, Scenario } from '../engine';
import { useSessionStore } from '../state/session-context';
import { assetUrl } from '../world/asset-url';
import './attempt-review.css';
import { ListenButton } from './listen-button';
import { continueFromSafeState, tryAgainFromStart } from '../state/try-again';

export interface HaltedHudProps {
  scenario: Scenario;
  engine: EngineState & { halted: Halt };
  onBack(): void;
}

/**
 * Practice stopped by a critical rule: the machine is stopped; why (every rule that fired), the right
 * way (the step practice resumes at), and the choice: go on from the safe point, start again, end
 * here and see the result (with everything to learn from it), or stop.
 */
export default function HaltedHud({ scenario, engine, onBack }: HaltedHudProps) {
  const { t, i18n } = useTranslation();
  const session = useSessionStore();
  const halted = engine.halted;
  const rules = halted.rules.map((id) => [...scenario.rules, ...scenario.sequences].find((r) => r.id === id)).filter((r) => r !== undefined);
  const resume = scenario.steps.find((s) => s.id === halted.resumeAt);
  const picture = resume ? (resume.pictogram ?? scenario.objects.find((o) => o.id === resume.object)?.pictogram) : undefined;
  const keys = [...rules.map((r) => `${scenario.id}:${r.message}`), ...(resume ? ['feedback:review-right-way', `${scenario.id}:${resume.instruction}`] : [])];
  const device = (e: React.MouseEvent) => ((e.nativeEvent as PointerEvent).pointerType === 'touch' ? 'touch' : 'desktop');
  return (
    <aside className="hud halted" role="alertdialog" aria-labelledby="halted-title" data-testid="halted" data-resume-at={halted.resumeAt}>
      <h2 id="halted-title">{t('feedback:review-machine-stopped')}</h2>
      <ul className="review">
        {rules.map((r) => (
          <li key={r.id} className="review-item rule" data-review-kind="rule" data-id={r.id}>
            <img src={assetUrl('pictograms/warning-general.svg')} alt="" width={44} height={44} data-testid="review-pictogram" />
            <span className="tag">{t('feedback:rule-violated')}</span>
            <span className="what">{t(`${scenario.id}:${r.message}`)}</span>
          </li>
        ))}
        {resume ? (
          <li className="review-item right-way" data-id={resume.id}>
            {picture ? <img src={assetUrl(picture)} alt="" width={44} height={44} data-testid="review-pictogram" data-src={picture} /> : <span />}
            <span className="right">
              <b>{t('feedback:review-right-way')}</b>
              {t(`${scenario.id}:${resume.instruction}`)}
            </span>
          </li>
        ) : null}
      </ul>
      <p className="not-counted">{t('feedback:review-not-counted')}</p>
      <div className="hud-actions">
        <ListenButton keys={keys} />
        <button type="button" className="primary" data-action="continue" onClick={(e) => continueFromSafeState(session, device(e))}>
          {t('feedback:review-continue')}
        </button>
        <button type="button" data-action="try-again" onClick={() => tryAgainFromStart(session, i18n.language)}>
          {t('feedback:review-try-again-start')}
        </button>
        <button type="button" data-action="end-attempt" onClick={() => session.getState().finish()}>
          {t('feedback:review-see-result')}
        </button>
        <button type="button" onClick={onBack} data-action="stop">
          {t('ui:play.stop')}
        </button>
      </div>
    </aside>
  );
}
