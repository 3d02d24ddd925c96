import { useEffect, useMemo, useState, type ComponentType } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { stations } from 'virtual:werkvloer/stations';
import { decodePoses } from '../engine/pose-codec';
import type { Scenario } from '../engine';
import { initialState } from '../engine/state';
import type { LiveEventsEvent, LivePosesEvent } from '../shared/live-progress';
import type { LiveTile } from '../shared/live-tile';
import { appClock } from '../state/app-clock';
import { SessionProvider } from '../state/session-context';
import { createSessionStore } from '../state/session-store';
import { createLiveStore, liveEngine, liveSource, mergeEvents, mergeSamples } from './live-store';
import type { ReplayViewpoint } from './pose-source';
import { ReplayScene } from './replay-scene';

interface Station {
  session: ReturnType<typeof createSessionStore>;
  loadComposition: () => Promise<{ default: ComponentType }>;
  /** Step id → its instruction's key in the station's namespace. */
  instructions: Map<string, string>;
}

/**
 * A running attempt in 3D (replay.html?live=<attempt id>, from the trainer's live class view): the
 * station from the kit and its layout, the trainee's head and hands as the headset sends them
 * (about once a second, only while this page is open), and the tile's step and counts. The
 * headset also sends its event log while watched, so the station is drawn as the trainee changed it
 * (a guard open, a part placed), the engine run over the log as the replay does.
 */
export function LiveApp({ attemptId }: { attemptId: string }) {
  const { t, i18n } = useTranslation('replay');
  const store = useMemo(() => createLiveStore(), []);
  const source = useMemo(() => liveSource(store), [store]);
  const [station, setStation] = useState<Station | null>(null);
  const [problem, setProblem] = useState<'unavailable' | 'no-station' | null>(null);
  const tile = useStore(store, (s) => s.tile);
  const gone = useStore(store, (s) => s.gone);
  const waiting = useStore(store, (s) => s.samples.length === 0);
  const viewpoint = useStore(store, (s) => s.viewpoint);
  const events = useStore(store, (s) => s.events);
  // The station follows the log: the session's engine is the log's state (nothing here acts).
  const engine = useMemo(() => {
    const s = station?.session.getState();
    return s?.scenario && s.mode ? liveEngine(s.scenario, s.mode, events) : null;
  }, [station, events]);
  useEffect(() => {
    if (station && engine) station.session.setState({ engine });
  }, [station, engine]);

  useEffect(() => {
    let loading = false;
    let closed = false;
    const load = async (first: LiveTile) => {
      const entry = stations.find((s) => s.id === first.scenarioId);
      if (!entry) throw new Error('no-station');
      await i18n.loadNamespaces(first.scenarioId);
      const loaded = await entry.loadScenario();
      const scenario: Scenario = loaded.default;
      // Nothing here acts: the session is `ended` from the start, the station as laid out.
      const session = createSessionStore({ now: appClock.now, uuid: () => attemptId });
      session.setState({ status: 'ended', sessionId: attemptId, scenario, scenarioHash: loaded.hash, mode: first.mode, engine: initialState(scenario, first.mode) });
      if (!closed) setStation({ session, loadComposition: entry.loadComposition, instructions: new Map(scenario.steps.map((s) => [s.id, s.instruction])) });
    };
    // The dashboard's login cookie goes with it (same origin).
    const stream = new EventSource(`/api/dashboard/live-attempts/${attemptId}/poses`);
    stream.addEventListener('tile', (e: MessageEvent<string>) => {
      const next = JSON.parse(e.data) as LiveTile;
      store.setState({ tile: next });
      if (loading) return;
      loading = true;
      load(next).catch((error: unknown) => {
        if (!closed) setProblem(error instanceof Error && error.message === 'no-station' ? 'no-station' : 'unavailable');
      });
    });
    stream.addEventListener('poses', (e: MessageEvent<string>) => {
      const next = JSON.parse(e.data) as LivePosesEvent;
      try {
        const incoming = decodePoses(next.poses.data);
        store.setState((s) => ({ samples: mergeSamples(s.samples, incoming) }));
      } catch (error) {
        // The server checked them; a broken one is skipped, the next second comes anyway.
        console.warn('werkvloer: live poses skipped', error);
      }
    });
    stream.addEventListener('events', (e: MessageEvent<string>) => {
      const next = JSON.parse(e.data) as LiveEventsEvent;
      store.setState((s) => ({ events: mergeEvents(s.events, next) }));
    });
    stream.addEventListener('gone', () => {
      store.setState({ gone: true });
      stream.close();
    });
    stream.onerror = () => {
      // Closed for good (not signed in, not this organisation's, forgotten); else the browser reconnects.
      if (stream.readyState !== EventSource.CLOSED) return;
      if (store.getState().tile) store.setState({ gone: true });
      else setProblem('unavailable');
    };
    return () => {
      closed = true;
      stream.close();
    };
  }, [attemptId, store, i18n]);

  if (problem) {
    return (
      <main className="replay-page">
        <p role="alert" data-testid="replay-problem" data-problem={problem}>
          {problem === 'no-station' ? t('error.no-station') : t('live.unavailable')}
        </p>
        <a href="/dashboard#/live">{t('back')}</a>
      </main>
    );
  }
  if (!tile || !station) return <p role="status">{t('loading')}</p>;
  const ns = tile.scenarioId;
  const title = t('live.title', { trainee: tile.trainee.code, station: t('title', { ns }) });
  const instruction = tile.step ? station.instructions.get(tile.step.id) : undefined;
  return (
    <main className="replay-page" data-testid="live-view" data-attempt={tile.attemptId}>
      <header className="replay-header">
        <a href="/dashboard#/live">{t('back')}</a>
        <h1>{title}</h1>
      </header>
      {waiting && !gone ? (
        <p className="replay-note" role="status" data-testid="live-waiting">
          {t('live.waiting')}
        </p>
      ) : null}
      {tile.finished ? (
        <p className="replay-note" role="status" data-testid="live-finished">
          {t('live.finished', { score: tile.finished.score })}
        </p>
      ) : gone ? (
        <p className="replay-note" role="status" data-testid="live-gone">
          {t('live.gone')}
        </p>
      ) : null}
      <div className="replay-view" data-testid="live-world" data-events={events.length} data-steps-done={engine?.completed.length ?? 0}>
        <SessionProvider store={station.session}>
          <ReplayScene loadComposition={station.loadComposition} source={source} label={title} />
        </SessionProvider>
      </div>
      <section className="replay-controls" aria-label={t('live.progress')}>
        <div className="replay-buttons">
          <span role="group" aria-label={t('viewpoint')}>
            {(['trainee', 'side'] as ReplayViewpoint[]).map((v) => (
              <button key={v} type="button" aria-pressed={viewpoint === v} onClick={() => store.setState({ viewpoint: v })} data-testid={`replay-view-${v}`}>
                {t(`view.${v}`)}
              </button>
            ))}
          </span>
        </div>
        <p data-testid="live-step" data-step={tile.step?.id ?? ''}>
          <strong>{t('due')}</strong> {instruction ? t(instruction, { ns }) : t('allDone')}
        </p>
        <p data-testid="live-counts">{t('live.counts', { done: tile.stepsDone, total: tile.stepsTotal, mistakes: tile.mistakes, violations: tile.violations })}</p>
      </section>
    </main>
  );
}
