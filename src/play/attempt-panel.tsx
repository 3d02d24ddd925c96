import { Text } from '@react-three/drei';
import '../world/text-setup';
import { useTranslation } from 'react-i18next';
import type { EngineState, Scenario, ScoreResult } from '../engine';
import { speak } from '../audio/audio-player';
import { useHasAudio } from '../audio/audio-availability';
import { attemptReview } from '../state/attempt-review';
import { useSessionStore } from '../state/session-context';
import { continueFromSafeState, tryAgainFromStart } from '../state/try-again';
import { PanelButton } from './panel-button';
import { columnAt, panelButtonColumn } from './panel-placement';
import { PictogramSlot } from '../world/pictogram-slot';
import { Suspense, lazy } from 'react';

// Only an attempt that is saved, signed in and has a slip offers it: its texts load then.
const VrDebriefButton = lazy(() => import('./vr-debrief-button'));
// Only a trainee on a learning path has a next module to start from here.
const VrNextButton = lazy(() => import('./vr-next-button'));

export interface AttemptPanelProps {
  scenario: Scenario;
  engine: EngineState;
  /** The result at the end; null while practice is stopped by a critical rule. */
  result: ScoreResult | null;
  font: string;
  dir: 'ltr' | 'rtl';
  onBack(): void;
}

interface Line {
  id: string;
  text: string;
  pictogram: string | undefined;
}

/**
 * The VR panel's lesson, the same as the desktop overlay's: when practice is stopped by a critical
 * rule, why and the right way, with "carry on from the safe point", "start again" and "stop"; at the
 * end, the score and the one or two things to practise next with the right way, "try again" and
 * "back". Pictures lead; a listen button only where there is a voice.
 */
export function AttemptPanel({ scenario, engine, result, font, dir, onBack }: AttemptPanelProps) {
  const { t, i18n } = useTranslation();
  const session = useSessionStore();
  const rtl = dir === 'rtl';
  const side = rtl ? -1 : 1;
  const anchorX = rtl ? 'right' : 'left';
  const x = -0.32 * side;
  const picture = -0.43 * side;
  const ns = scenario.id;

  let title = '';
  let titleColor = '#ffffff';
  const lines: Line[] = [];
  const spoken: string[] = [];
  if (!result && engine.halted) {
    const halted = engine.halted;
    title = t('feedback:review-machine-stopped');
    titleColor = '#ff7b72';
    for (const id of halted.rules.slice(0, 1)) {
      const rule = [...scenario.rules, ...scenario.sequences].find((r) => r.id === id);
      if (!rule) continue;
      lines.push({ id, text: t(`${ns}:${rule.message}`), pictogram: 'pictograms/warning-general.svg' });
      spoken.push(`${ns}:${rule.message}`);
    }
    const resume = scenario.steps.find((s) => s.id === halted.resumeAt);
    if (resume) {
      lines.push({
        id: resume.id,
        text: `${t('feedback:review-right-way')}: ${t(`${ns}:${resume.instruction}`)}`,
        pictogram: resume.pictogram ?? scenario.objects.find((o) => o.id === resume.object)?.pictogram,
      });
      spoken.push('feedback:review-right-way', `${ns}:${resume.instruction}`);
    }
  } else if (result) {
    title = `${t('ui:result.score', { score: result.total })} · ${result.failedByCritical ? t('ui:result.stoppedBySafety') : result.passed ? t('ui:result.passed') : t('ui:result.failed')}`;
    titleColor = result.passed ? '#7ee787' : '#ff7b72';
    const review = attemptReview(scenario, engine);
    for (const item of review.practiseNext) {
      lines.push({ id: item.id, text: item.rightKey ? `${t(item.textKey)} → ${t(item.rightKey)}` : t(item.textKey), pictogram: item.pictogram });
      spoken.push(item.textKey, ...(item.rightKey ? ['feedback:review-right-way', item.rightKey] : []));
    }
    if (lines.length === 0 && review.wentWellCount > 0) {
      lines.push({ id: 'went-well', text: `${t('feedback:review-went-well')}: ${t('feedback:review-went-well-count', { count: review.wentWellCount, total: scenario.steps.length })}`, pictogram: undefined });
    }
  }
  const audible = useHasAudio(i18n.language, spoken);
  if (!result && !engine.halted) return null;

  return (
    <group name={result ? 'attempt-review' : 'attempt-halted'}>
      <Text font={font} position={[0, 0.22, 0]} fontSize={0.045} maxWidth={1.0} color={titleColor} anchorX="center" anchorY="middle" direction={dir} textAlign="center">
        {title}
      </Text>
      {lines.map((line, i) => (
        <group key={line.id} position={[0, 0.1 - i * 0.16, 0]} name={`review-line-${line.id}`}>
          {line.pictogram ? <PictogramSlot src={line.pictogram} size={0.12} position={[picture, -0.04, 0]} /> : null}
          <Text font={font} position={[x, 0.02, 0]} maxWidth={0.82} fontSize={0.034} color="#ffffff" anchorX={anchorX} anchorY="top" direction={dir}>
            {line.text}
          </Text>
        </group>
      ))}
      {/* Its buttons in the instruction panel's column beside the plate (src/play/panel-placement.ts). */}
      {result ? (
        <>
          <PanelButton name="panel-try-again" label={t('feedback:review-try-again')} font={font} width={panelButtonColumn.width} position={columnAt(1)} onPress={() => tryAgainFromStart(session, i18n.language)} />
          <PanelButton name="panel-back" label={t('ui:result.backToStart')} font={font} width={panelButtonColumn.width} position={columnAt(2)} onPress={onBack} />
          <Suspense fallback={null}>
            <VrDebriefButton font={font} width={panelButtonColumn.width} position={columnAt(3)} />
          </Suspense>
          <Suspense fallback={null}>
            {/* The path's next module first in the column (its place is free once the attempt has ended). */}
            <VrNextButton font={font} width={panelButtonColumn.width} position={columnAt(0)} />
          </Suspense>
        </>
      ) : (
        <>
          <PanelButton name="panel-continue" label={t('feedback:review-continue')} font={font} width={panelButtonColumn.width} position={columnAt(0)} onPress={(device) => continueFromSafeState(session, device)} />
          <PanelButton name="panel-try-again" label={t('feedback:review-try-again-start')} font={font} width={panelButtonColumn.width} position={columnAt(1)} onPress={() => tryAgainFromStart(session, i18n.language)} />
          <PanelButton name="panel-end" label={t('feedback:review-see-result')} font={font} width={panelButtonColumn.width} position={columnAt(2)} onPress={() => session.getState().finish()} />
          <PanelButton name="panel-stop" label={t('ui:play.stop')} font={font} width={panelButtonColumn.width} position={columnAt(3)} onPress={onBack} />
        </>
      )}
      {audible ? <PanelButton name="panel-listen" label={t('feedback:review-listen')} font={font} width={panelButtonColumn.width} position={columnAt(4)} onPress={() => void speak(i18n.language, spoken)} /> : null}
    </group>
  );
}
