import { Suspense, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { I18nextProvider } from 'react-i18next';
import { useStore } from 'zustand';
import { createI18n } from '../i18n/i18n';
import { languageInfo, suggestLanguage } from '../i18n/languages';
import { createAppStore } from '../state/app-store';
import { SessionProvider } from '../state/session-context';
import { createSessionStore } from '../state/session-store';
import { appClock } from '../state/app-clock';
import { OutboxSlot } from '../results/outbox-slot';
import { idleWorkWaitsFor } from '../results/when-idle';
import { firstStationFrame } from '../world/first-station-frame';
import { sessionRecord } from '../results/session-record';
import { poseTakes } from '../results/pose-take';
import { forgetTrainee, joinCodeFromUrl, readTrainee, saveTrainee, type TraineeIdentity } from '../results/trainee-identity';
import { StationCanvas, type TutorialRun } from '../play/station-canvas';
import { PlayHud } from './play-hud';
import { registerWhenIdle } from './service-worker-offer';
import { StartScreen } from './start-screen';
import { usePracticePolicy } from './use-practice-policy';
import type { ExamStart } from './mode-picker';
import { offeredStations, useTraineeAssignments } from './trainee-assignments';
import { forgetKeptPath, readKeptPath, refreshTraineePath, traineePathStore } from '../state/trainee-path-store';
import type { Mode } from '../engine';
import { loadStationCatalog } from './station-catalog';
import { comfortSettings } from '../input/comfort-settings';
import { loadXR, type LoadedXR } from '../play/xr-setup';
import { rememberedLanguage } from '../i18n/language-memory';
import { loadTextsIn } from '../i18n/load-texts-in';
import { useRememberedLanguage } from './use-remembered-language';

/** The trainee app: start screen (language, station), then the station on this computer or in VR. */
export function App() {
  const stations = useMemo(() => loadStationCatalog(), []);
  // A reload keeps the language chosen before (src/i18n/language-memory.ts); the browser's only suggests.
  const [appStore] = useState(() => createAppStore(rememberedLanguage(readTrainee()?.code ?? null) ?? suggestLanguage(navigator.languages)));
  const [sessionStore] = useState(() =>
    createSessionStore({ now: () => appClock.now(), uuid: () => crypto.randomUUID() }),
  );
  const [xr, setXr] = useState<LoadedXR | null>(null);
  const [tutorial, setTutorial] = useState<TutorialRun | null>(null);
  const [i18n] = useState(() => createI18n(appStore.getState().language));
  const app = useStore(appStore);
  const [vrAvailable, setVrAvailable] = useState(false);
  // The QR card's code is used once: after a join (or "next trainee") it is gone.
  const [codeFromUrl, setCodeFromUrl] = useState(() => joinCodeFromUrl(location.search));
  // A card scanned on a shared headset is a new trainee: whoever was signed in is signed out first,
  // so a code that fails never leaves the previous trainee playing in their place.
  const [trainee, setTrainee] = useState(() => {
    if (codeFromUrl === null) return readTrainee();
    forgetTrainee();
    return null;
  });
  useRememberedLanguage(appStore, trainee?.code ?? null);
  // Which stations and whether the exam: the trainer decides per group and trainee (dashboard).
  const assignments = useTraineeAssignments(trainee?.token ?? null);
  const offered = useMemo(() => offeredStations(stations, assignments), [assignments, stations]);
  // The group's learning path, if it has one: the start screen's map and the end screen's "what's next".
  const path = useStore(traineePathStore, (s) => s.view);
  const traineeCode = trainee?.code ?? null;
  const traineeToken = trainee?.token ?? null;
  const [pathAsked, setPathAsked] = useState(0);
  useEffect(() => {
    if (!traineeCode || !traineeToken) {
      traineePathStore.setState({ view: null, pending: false });
      return;
    }
    // What this headset last received shows at once (offline too); the server's answer replaces it.
    traineePathStore.setState({ view: readKeptPath(traineeCode), pending: true });
    let cancelled = false;
    void refreshTraineePath({ token: traineeToken, code: traineeCode }).then((view) => {
      if (!cancelled) traineePathStore.setState({ view, pending: false });
    });
    return () => {
      cancelled = true;
    };
  }, [traineeCode, traineeToken, pathAsked]);
  // On a centre's server a result without a trainee reaches no trainer: sign in first (issue 21).
  const policy = usePracticePolicy();
  const [playedAnonymously, setPlayedAnonymously] = useState(false);
  // The token the current session is made under, fixed when it starts: "next trainee" later never moves it.
  const sessionToken = useRef<string | null>(null);
  // The server-issued attempt an exam is played under, fixed like the token; null in practice.
  const examAttempt = useRef<string | null>(null);
  const [examStart, setExamStart] = useState<ExamStart>(null);

  // Once a station is chosen, the start screen's idle loads (outbox, service worker) wait for its first
  // frame: they would compete with it for the download and count against its budget. Set in the
  // store's own update, before any timer can fire.
  useEffect(
    () =>
      appStore.subscribe((s, prev) => {
        if (s.stationFolder !== null && s.stationFolder !== prev.stationFolder) idleWorkWaitsFor(firstStationFrame.drawn());
      }),
    [appStore],
  );

  // The VR settings panel changes the language through i18next: the app follows, mid-session too.
  useEffect(() => {
    const follow = (lng: string) => {
      if (appStore.getState().language !== lng) appStore.getState().setLanguage(lng);
    };
    i18n.on('languageChanged', follow);
    return () => i18n.off('languageChanged', follow);
  }, [i18n, appStore]);

  useEffect(() => {
    void i18n.changeLanguage(app.language);
    const info = languageInfo(app.language);
    document.documentElement.lang = info.code;
    document.documentElement.dir = info.dir;
  }, [i18n, app.language]);

  // Offer VR only when a session can really start (loadXR checks immersive-vr support).
  useEffect(() => {
    let cancelled = false;
    void loadXR(location.search, location.href).then((loaded) => {
      if (cancelled || !loaded) return;
      setXr(loaded);
      setVrAvailable(true);
    });
    return () => {
      cancelled = true;
    };
  }, []);

  const station = stations.find((s) => s.folder === app.stationFolder) ?? null;
  // The exam: unlocked by the trainer by hand, or opened by the path's rule (the server decides either way).
  const examAllowedFor = (scenarioId: string | undefined) => assignments.exam || (path?.modules.some((m) => m.scenarioId === scenarioId && m.examOpen) ?? false);

  const upload = useCallback(async () => {
    const s = sessionStore.getState();
    appStore.getState().setUpload({ kind: 'saving' });
    const fallback = appStore.getState().wantsVr ? 'vr-controller' : 'desktop';
    // The outbox loads lazily: stored in IndexedDB first, then sent (src/results/outbox-runtime.ts).
    const { deliver, whenSettled } = await import('../results/outbox-runtime');
    const show = (o: Awaited<ReturnType<typeof deliver>>) =>
      appStore.getState().setUpload(o.kind === 'saved' ? { kind: 'saved', score: o.score } : { kind: 'failed', reason: o.reason });
    // Loaded when the station started (a cached module): its layout's hash goes with the poses.
    const layoutHash = station ? (await station.loadScenario()).layoutHash : null;
    const outcome = await deliver(sessionRecord(s, fallback, s.sessionId ? poseTakes.take(s.sessionId, layoutHash) : null), sessionToken.current, s.mode === 'exam' ? examAttempt.current : null);
    show(outcome);
    // A stored result may have moved the trainee on their path: ask again for the end screen's "what's next".
    if (outcome.kind === 'saved' && sessionToken.current !== null) setPathAsked((n) => n + 1);
    // A trainee who went straight into a station gets the offline start now, after the session.
    registerWhenIdle();
    if (outcome.kind === 'waiting') await whenSettled(outcome.id, show);
  }, [appStore, sessionStore, station]);

  useEffect(
    () =>
      sessionStore.subscribe((s, prev) => {
        if (s.status === 'ended' && prev.status !== 'ended' && s.events.length > 0) void upload();
      }),
    [sessionStore, upload],
  );

  const play = async (vr: boolean, chosen = station, chosenMode: Mode = app.mode) => {
    if (!chosen) return;
    const station = chosen;
    // The tutorial's code comes only when this headset still wants the tutorial.
    const tutorialCode = vr && comfortSettings.getState().tutorial ? await import('./vr-tutorial') : null;
    const withTutorial = tutorialCode?.tutorialWanted() === true;
    const namespaces = withTutorial && tutorialCode?.tutorialNamespace ? [station.id, tutorialCode.tutorialNamespace] : [station.id];
    // The station's scenario and its texts (in the language just chosen) load now, not with the start screen.
    const [{ default: scenario, hash }] = await Promise.all([station.loadScenario(), loadTextsIn(i18n, appStore.getState().language, namespaces)]);
    sessionToken.current = readTrainee()?.token ?? null;
    setPlayedAnonymously(sessionToken.current === null && policy.centre);
    // The station's session (its clock, its events) starts when the station does: after the tutorial.
    const mode = chosenMode === 'exam' && examAllowedFor(station.id) ? 'exam' : 'practice';
    examAttempt.current = null;
    if (mode === 'exam') {
      // An exam starts only online: the server issues the attempt its result will be stored under.
      setExamStart('starting');
      // Loaded only for an exam: practice, the common case, never needs it before the station.
      const { requestExamAttempt } = await import('../results/exam-attempt-client');
      const answer = await requestExamAttempt(sessionToken.current, scenario.id);
      if (answer.kind !== 'issued') {
        setExamStart(answer.kind);
        return;
      }
      examAttempt.current = answer.attemptId;
    }
    setExamStart(null);
    const startStation = () => {
      // The station chosen (from the end screen's "what's next" it changes here), then its session.
      appStore.getState().chooseStation(station.folder);
      appStore.getState().setMode(mode);
      sessionStore.getState().start(scenario, hash, mode, appStore.getState().language);
    };
    const run = withTutorial && tutorialCode
      ? await tutorialCode.startTutorial({ now: () => appClock.now(), uuid: () => crypto.randomUUID() }, app.language, () => {
          setTutorial(null);
          startStation();
        })
      : null;
    if (run) setTutorial(run);
    else startStation();
    app.play(vr);
  };

  // The end screen's "what's next" starts the next module in one press, on the device of the attempt
  // just played (in VR the headset stays in VR: the station changes around the trainee).
  const playRef = useRef(play);
  playRef.current = play;
  useEffect(() => {
    traineePathStore.setState({
      startModule: (scenarioId, mode) => {
        const next = stations.find((s) => s.id === scenarioId);
        if (next) void playRef.current(appStore.getState().wantsVr, next, mode);
      },
    });
    return () => traineePathStore.setState({ startModule: null });
  }, [appStore, stations]);

  const joined = useCallback((identity: TraineeIdentity) => {
    saveTrainee(identity);
    setTrainee(identity);
    setCodeFromUrl(null);
    // A reload must not redeem the QR card's code again.
    const url = new URL(location.href);
    if (url.searchParams.has('join')) {
      url.searchParams.delete('join');
      history.replaceState(history.state, '', url);
    }
  }, []);

  const nextTrainee = useCallback(() => {
    forgetTrainee();
    forgetKeptPath();
    setTrainee(null);
    setCodeFromUrl(null);
  }, []);

  const back = useCallback(() => {
    void xr?.store.getState().session?.end();
    setTutorial(null);
    const s = sessionStore.getState();
    if (s.status === 'playing') s.finish();
    sessionStore.getState().reset();
    appStore.getState().backToStart();
  }, [appStore, sessionStore, xr]);

  return (
    <I18nextProvider i18n={i18n}>
      {/* Texts load per language; until the first ones arrive there is nothing to read yet. */}
      <Suspense fallback={<p className="loading" aria-busy="true" />}>
      <SessionProvider store={sessionStore}>
        {app.screen === 'start' ? (
          <StartScreen
            language={app.language}
            stations={path ? stations : offered}
            path={path}
            examAllowed={examAllowedFor(station?.id)}
            examStart={examStart}
            selected={app.stationFolder}
            mode={app.mode}
            vrAvailable={vrAvailable}
            trainee={trainee}
            signInFirst={policy.signInFirst && trainee === null}
            codeFromUrl={codeFromUrl}
            onJoined={joined}
            onNextTrainee={nextTrainee}
            onLanguage={app.setLanguage}
            onStation={app.chooseStation}
            onMode={app.setMode}
            onPlayDesktop={() => void play(false)}
            onEnterVr={() => void play(true)}
          />
        ) : (
          <div className="play">
            <StationCanvas
              xr={xr}
              loadComposition={station?.loadComposition ?? null}
              enterVr={app.wantsVr}
              onBack={back}
              tutorial={tutorial}
            />
            <PlayHud upload={app.upload} anonymous={playedAnonymously} onRetry={() => void upload()} onBack={back} language={app.language} onLanguage={app.setLanguage} />
          </div>
        )}
        {/* The end screen shows it inside its own overlay (PlayHud). */}
        {app.screen === 'play' && app.upload.kind !== 'idle' ? null : (
          <OutboxSlot sessionEnded={app.upload.kind !== 'idle'} onStartScreen={app.screen === 'start'} />
        )}
      </SessionProvider>
      </Suspense>
    </I18nextProvider>
  );
}
