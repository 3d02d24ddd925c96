import { useEffect, useState, type ComponentType } from 'react';
import { useTranslation } from 'react-i18next';
import { stations } from 'virtual:werkvloer/stations';
import { decodePoses } from '../engine/pose-codec';
import type { PoseSample } from '../engine/pose-sample';
import { nextMistakeAfter, replayTimeline, type ReplayTimeline } from '../engine/replay-view';
import { readTrainee } from '../results/trainee-identity';
import type { SessionReplayData } from '../shared/session-replay-types';
import { createSessionStore } from '../state/session-store';
import { SessionProvider } from '../state/session-context';
import { appClock } from '../state/app-clock';
import { ReplayControls } from './replay-controls';
import { fetchReplay, ReplayLoadError, type ReplayProblem, type ReplayRequest } from './replay-request';
import { ReplayScene } from './replay-scene';
import { createReplayStore, playbackSource, type ReplayStore } from './replay-store';
import type { PoseSource } from './pose-source';

interface Ready {
  data: SessionReplayData;
  timeline: ReplayTimeline;
  poses: PoseSample[];
  session: ReturnType<typeof createSessionStore>;
  store: ReplayStore;
  source: PoseSource;
  loadComposition: () => Promise<{ default: ComponentType }>;
  /** Drawn on another layout than the one played (the station changed since). */
  otherLayout: boolean;
}

/** The replay page: loads the session, the station it was played on and its texts, then shows both. */
export function ReplayApp({ request }: { request: ReplayRequest }) {
  const { t, i18n } = useTranslation('replay');
  const [ready, setReady] = useState<Ready | null>(null);
  const [problem, setProblem] = useState<ReplayProblem | null>(null);

  useEffect(() => {
    let gone = false;
    void (async () => {
      const data = await fetchReplay(request, readTrainee()?.token ?? null);
      const station = stations.find((s) => s.id === data.scenarioId);
      if (!station) throw new ReplayLoadError('no-station');
      await i18n.loadNamespaces(data.scenarioId);
      const poses = data.poses ? decodePoses(data.poses.data) : [];
      const timeline = replayTimeline(data.scenario, data.mode, data.events, poses, data.durationMs);
      // Nothing in the replay acts: the session is `ended` from the start, the engine set by the timeline.
      const session = createSessionStore({ now: appClock.now, uuid: () => data.sessionId });
      session.setState({ status: 'ended', sessionId: data.sessionId, scenario: data.scenario, scenarioHash: data.scenarioHash, mode: data.mode, language: data.language });
      const first = request.at !== null ? Math.min(request.at, timeline.durationMs) : request.fromFirstMistake ? (nextMistakeAfter(timeline, -1) ?? 0) : 0;
      // A trainee replays through their own eyes; a trainer starts beside them.
      const store = createReplayStore(timeline, session, first, request.asTrainee ? 'trainee' : 'side');
      const { layoutHash } = await station.loadScenario();
      const otherLayout = data.layoutHash !== null && layoutHash !== null && data.layoutHash !== layoutHash;
      if (!gone) setReady({ data, timeline, poses, session, store, source: playbackSource(store, poses), loadComposition: station.loadComposition, otherLayout });
    })().catch((error: unknown) => {
      if (gone) return;
      if (!(error instanceof ReplayLoadError)) console.error('werkvloer: replay failed', error);
      setProblem(error instanceof ReplayLoadError ? error.problem : 'failed');
    });
    return () => {
      gone = true;
    };
  }, [request, i18n]);

  const back = request.asTrainee ? '/' : request.sessionId ? `/dashboard#/sessions/${request.sessionId}` : '/dashboard';
  if (problem) {
    return (
      <main className="replay-page">
        <p role="alert" data-testid="replay-problem" data-problem={problem}>
          {t(`error.${problem}`)}
        </p>
        <a href={problem === 'sign-in' && !request.asTrainee ? '/dashboard' : back}>{problem === 'sign-in' && !request.asTrainee ? t('signIn') : t('back')}</a>
      </main>
    );
  }
  if (!ready) return <p role="status">{t('loading')}</p>;
  const title = t('title', { station: t('title', { ns: ready.data.scenarioId }) });
  return (
    <main className="replay-page" data-testid="replay-page">
      <header className="replay-header">
        <a href={back}>{t('back')}</a>
        <h1>{title}</h1>
      </header>
      {ready.poses.length === 0 ? <p className="replay-note">{t('noPoses')}</p> : null}
      {ready.otherLayout ? <p className="replay-note">{t('otherLayout')}</p> : null}
      <div className="replay-view">
        <SessionProvider store={ready.session}>
          <ReplayScene loadComposition={ready.loadComposition} source={ready.source} label={title} />
        </SessionProvider>
      </div>
      <ReplayControls store={ready.store} timeline={ready.timeline} scenario={ready.data.scenario} />
    </main>
  );
}
