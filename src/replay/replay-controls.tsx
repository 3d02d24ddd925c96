import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import type { Scenario } from '../engine';
import { nextMistakeAfter, replayAt, type ReplayMark, type ReplayTimeline } from '../engine/replay-view';
import { formatNumber } from '../i18n/format-number';
import { currentStepView } from '../state/step-view';
import { currentMarkIndex } from './playback';
import type { ReplayStore } from './replay-store';

export interface ReplayControlsProps {
  store: ReplayStore;
  timeline: ReplayTimeline;
  scenario: Scenario;
}

/**
 * The timeline and its buttons, the steps done by the moment shown and the instruction due then.
 * While playing it follows the replay in tenths of a second; paused, to the millisecond.
 */
export function ReplayControls({ store, timeline, scenario }: ReplayControlsProps) {
  const { t, i18n } = useTranslation('replay');
  const at = useStore(store, (s) => (s.playback.playing ? Math.floor(s.playback.t / 100) * 100 : s.playback.t));
  const playing = useStore(store, (s) => s.playback.playing);
  const speed = useStore(store, (s) => s.playback.speed);
  const viewpoint = useStore(store, (s) => s.viewpoint);
  const frame = replayAt(timeline, at);
  const current = currentMarkIndex(timeline.marks, at);
  const ns = scenario.id;
  const seconds = (ms: number) => formatNumber(ms / 1000, i18n.language, 's', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  const stepText = (id: string | null) => {
    const step = scenario.steps.find((s) => s.id === id);
    return step ? t(step.instruction, { ns }) : t('noStep');
  };
  const markText = (m: ReplayMark) => {
    if (m.kind === 'violation') {
      const rule = scenario.rules.find((r) => r.id === m.id);
      return t('mark.violation', { rule: rule ? t(rule.message, { ns }) : m.id });
    }
    return t(`mark.${m.kind}`, { step: stepText(m.id) });
  };
  const due = frame.engine.ended ? null : currentStepView(scenario, frame.engine);
  const duration = Math.max(1, timeline.durationMs);
  const mark = current === null ? null : timeline.marks[current]!;
  return (
    <section className="replay-controls" aria-label={t('timeline')}>
      <div className="replay-buttons">
        <button type="button" onClick={() => store.getState().togglePlay()} data-testid="replay-play">
          {playing ? t('pause') : t('play')}
        </button>
        <button type="button" onClick={() => store.getState().faster()} data-testid="replay-speed" aria-label={t('fasterLabel', { speed })}>
          {t('speed', { speed })}
        </button>
        <button type="button" onClick={() => store.getState().nextMistake()} disabled={nextMistakeAfter(timeline, at) === null} data-testid="replay-next-mistake">
          {t('nextMistake')}
        </button>
        <span role="group" aria-label={t('viewpoint')}>
          {(['trainee', 'side'] as const).map((v) => (
            <button key={v} type="button" aria-pressed={viewpoint === v} onClick={() => store.getState().setViewpoint(v)} data-testid={`replay-view-${v}`}>
              {t(`view.${v}`)}
            </button>
          ))}
        </span>
        <output data-testid="replay-time" data-t={at}>
          {t('time', { now: seconds(at), total: seconds(timeline.durationMs) })}
        </output>
      </div>
      <div className="replay-track">
        <input
          type="range"
          min={0}
          max={timeline.durationMs}
          step={100}
          value={at}
          aria-label={t('seek')}
          aria-valuetext={seconds(at)}
          onChange={(e) => store.getState().seek(Number(e.currentTarget.value))}
          data-testid="replay-seek"
        />
        <ol className="replay-marks">
          {timeline.marks.map((m, i) => (
            <li key={i} style={{ insetInlineStart: `${(m.t / duration) * 100}%` }}>
              <button
                type="button"
                className={`replay-mark ${m.kind}${m.critical ? ' critical' : ''}`}
                title={markText(m)}
                aria-label={`${seconds(m.t)}: ${markText(m)}`}
                aria-current={i === current ? 'true' : undefined}
                data-kind={m.kind}
                data-t={m.t}
                onClick={() => store.getState().seek(m.t)}
              />
            </li>
          ))}
        </ol>
      </div>
      <p className="replay-now" data-testid="replay-current-mark" data-kind={mark?.kind ?? ''} data-t={mark?.t ?? ''} aria-live="polite">
        {mark ? `${seconds(mark.t)}: ${markText(mark)}` : t('noMarkYet')}
      </p>
      <p className="replay-due" data-testid="replay-due" data-step={due?.stepId ?? ''}>
        <strong>{t('due')}</strong> {due ? t(due.instructionKey, { ns }) : t('allDone')}
      </p>
      <h2>{t('steps')}</h2>
      <ol className="replay-steps" data-testid="replay-steps">
        {scenario.steps.map((s) => {
          const state = frame.done.includes(s.id) ? 'done' : s.id === due?.stepId ? 'due' : 'todo';
          return (
            <li key={s.id} data-step={s.id} data-state={state} className={state}>
              <span className="replay-step-state">{t(`stepState.${state}`)}</span> {t(s.instruction, { ns })}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
