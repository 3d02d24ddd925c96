import { useTranslation } from 'react-i18next';
import type { StepTimelineEntry, TimelineEntry } from '../../shared/timeline-types';
import { Link } from 'wouter';
import { useLoad } from '../use-load';
import { ExamFlags } from '../exam-flags';
import { useExamFlags } from '../use-exam-flags';
import { useStations } from '../use-stations';
import { seconds, type SessionSummary } from './sessions-page';
import { formatDate } from '../format-date';

interface SessionDetail extends SessionSummary {
  steps: StepTimelineEntry[];
  events: TimelineEntry[];
  result: { violations: { t: number; rule: string; severity: string; critical: boolean; penalty: number }[]; passScore: number };
}

/** One session as the server replays it: the steps, the safety violations, and the event log in words. */
export function SessionPage({ id }: { id: string }) {
  const { t, i18n } = useTranslation();
  const d = useLoad<SessionDetail>(`/api/dashboard/sessions/${id}`);
  const stations = useStations();
  // Before the early returns: hooks run in the same order on every render.
  const examFlags = useExamFlags(d.data ? [d.data] : undefined);
  if (d.error) return <p role="alert">{d.error}</p>;
  if (!d.data) return <p role="status">{t('app.loading')}</p>;
  const s = d.data;
  const station = stations.byId.get(s.scenarioId);
  const stepText = (step: string | null) => (step ? (station?.steps.find((x) => x.id === step)?.text ?? step) : '–');
  const ruleText = (rule: string) => station?.rules.find((r) => r.id === rule)?.text ?? rule;
  const sec = (ms: number | null) => (ms === null ? '–' : `${seconds(ms, i18n.language)} s`);
  return (
    <section aria-labelledby="session-title">
      <h1 id="session-title">{t('session.title', { station: stations.title(s.scenarioId) })}</h1>
      <dl className="facts" data-testid="session-facts">
        <dt>{t('sessions.trainee')}</dt>
        <dd>
          <Link href={`/trainees/${s.trainee.id}`}>{s.trainee.code}</Link>
          {s.trainee.alias ? ` (${s.trainee.alias})` : ''}
        </dd>
        <dt>{t('sessions.score')}</dt>
        <dd data-testid="score">{s.score}</dd>
        <dt>{t('sessions.result')}</dt>
        <dd className={s.passed ? 'pass' : 'fail'}>{s.passed ? t('sessions.passed') : t('sessions.failed')}</dd>
        <dt>{t('sessions.duration')}</dt>
        <dd>{sec(s.durationMs)}</dd>
        <dt>{t('sessions.mode')}</dt>
        <dd>{t(`mode.${s.mode}`)}</dd>
        <dt>{t('session.device')}</dt>
        <dd>{t(`device.${s.device}`)}</dd>
        <dt>{t('session.language')}</dt>
        <dd>{s.language}</dd>
        <dt>{t('sessions.ended')}</dt>
        <dd>{formatDate(s.endedAt, i18n.language)}</dd>
      </dl>

      {/* Its own page (replay.html): the 3D replay's code and three.js never enter the dashboard's bundle. */}
      <p>
        <a href={`/replay.html?${new URLSearchParams({ session: s.id, lng: i18n.language }).toString()}`} data-testid="replay-link">
          {t('session.replay')}
        </a>
      </p>

      <ExamFlags flags={examFlags.get(s.id)} />

      {s.result.violations.length > 0 ? (
        <div className="violations" role="region" aria-label={t('session.violations')} data-testid="violations">
          <h2>{t('session.violations')}</h2>
          <ul>
            {s.result.violations.map((v, i) => (
              <li key={i} className={v.critical ? 'critical' : ''}>
                <strong>{t(`severity.${v.severity}`)}</strong> {sec(v.t)}: {ruleText(v.rule)} (−{v.penalty})
              </li>
            ))}
          </ul>
        </div>
      ) : null}

      <h2>{t('session.steps')}</h2>
      <ol className="step-timeline" data-testid="steps">
        {s.steps.map((st) => (
          <li key={st.id} className={`step ${st.status}`} data-step={st.id} data-status={st.status}>
            <strong>{t(`stepStatus.${st.status}`)}</strong> {stepText(st.id)} — {t(`competency.${st.competency}`)}
            <span className="small">
              {' '}
              {t('session.stepFacts', { time: sec(st.durationMs), mistakes: st.mistakes, hints: st.hints, earned: st.earned, points: st.points })}
            </span>
          </li>
        ))}
      </ol>

      <h2>{t('session.events')}</h2>
      <ol className="event-log" data-testid="events">
        {s.events.map((e, i) => (
          <li key={i} className={e.violations.length > 0 ? 'violation' : e.mistakes.length > 0 ? 'mistake' : ''}>
            <time>{sec(e.t)}</time> {t('session.event', { action: e.action, object: e.object })}
            {e.value !== undefined ? ` = ${e.value}` : ''}
            {e.completed.map((c) => (
              <span key={c} className="tag ok">
                {' '}
                ✓ {stepText(c)}
              </span>
            ))}
            {e.mistakes.map((m, j) => (
              <span key={j} className="tag wrong">
                {' '}
                ✗ {t(`mistake.${m.kind}`)}: {stepText(m.step)}
              </span>
            ))}
            {e.violations.map((v, j) => (
              <span key={j} className="tag danger">
                {' '}
                ⚠ {ruleText(v.rule)}
              </span>
            ))}
            {e.hint ? <span className="tag"> {t('session.hint', { step: stepText(e.hint) })}</span> : null}
            {e.machines.map((m) => (
              <span key={m.machine} className="tag">
                {' '}
                {m.machine}: {m.from} → {m.to}
              </span>
            ))}
          </li>
        ))}
      </ol>
    </section>
  );
}
