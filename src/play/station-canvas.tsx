import { Suspense, lazy, useMemo, useState, type ComponentType, type ReactNode } from 'react';
import type { LoadedXR } from './xr-setup';
import { SessionProvider, useSession, useSessionStore } from '../state/session-context';
import { appClock } from '../state/app-clock';
import { poseTakes } from '../results/pose-take';
import type { SessionStore } from '../state/session-store';
import { RenderProbe } from './render-probe';
import { SceneCanvas } from './scene-canvas';
import { firstStationFrame } from '../world/first-station-frame';
import { StationShown } from './station-shown';
import { WorkshopRoom } from './workshop-room';
import { useStore } from 'zustand';
import { panelSpot } from '../state/panel-spot';
import { defaultPanelPosition } from './panel-placement';

// Text (troika) is ~40 KB gzip: fetched only once the station has been drawn, so the first frame
// never waits for it (the desktop overlay shows the same instruction meanwhile).
const InstructionPanel = lazy(() => import('./instruction-panel'));
const TutorialSkip = lazy(() => import('./tutorial-skip'));

/** The VR tutorial, running in its own session before the station (src/app/vr-tutorial.ts). */
export interface TutorialRun {
  store: SessionStore;
  loadComposition: () => Promise<{ default: ComponentType }>;
  skip(): void;
}

export interface StationCanvasProps {
  xr: LoadedXR | null;
  loadComposition: (() => Promise<{ default: ComponentType }>) | null;
  /** Enter the immersive session as soon as the renderer exists (the click that asked is still fresh). */
  enterVr: boolean;
  onBack: () => void;
  /** While set, the tutorial space is shown instead of the station, with its own instructions. */
  tutorial?: TutorialRun | null;
}

const DesktopLook = lazy(() => import('./desktop-look').then((m) => ({ default: m.DesktopLook })));
// On a screen, an arrow on the overlay points to the next thing to do when it is out of view; after the first frame.
const NextCueProbe = lazy(() => import('./next-cue-probe').then((m) => ({ default: m.NextCueProbe })));
// Head and hands for the replay (issue 28): its code (and the codec's deflate) after the first frame.
const PoseRecorder = lazy(() => import('./pose-recorder'));

/** Where the trainee stands: the origin of the XR space, and the desktop camera's spot. */
export const workPosition: [number, number, number] = [0, 0, 0.25];

/**
 * The 3D view shared by desktop and VR. The trainee stands at the work position facing -z; stations
 * put their work surface about 0.6 m ahead, so desktop camera and headset see the same bench.
 */
export function StationCanvas({ xr, loadComposition, enterVr, onBack, tutorial = null }: StationCanvasProps) {
  const Composition = useMemo(() => (loadComposition ? lazy(loadComposition) : null), [loadComposition]);
  const loadTutorial = tutorial?.loadComposition;
  const Tutorial = useMemo(() => (loadTutorial ? lazy(loadTutorial) : null), [loadTutorial]);
  const [stationShown, setStationShown] = useState(false);
  const shown = (
    <StationShown
      onShown={() => {
        firstStationFrame.mark();
        setStationShown(true);
      }}
    />
  );
  const vr = enterVr && xr !== null;
  const attempt = useSession((s) => s.sessionId);
  const sessionStore = useSessionStore();
  // Where the station has free space for the panel (its layout's `panel`), else the default spot.
  const [px, py, pz] = useStore(panelSpot, (s) => s.position) ?? defaultPanelPosition;
  const panels = stationShown ? (
    <Suspense fallback={null}>
      {/* Comfort switches are on its settings panel in VR (src/play/settings-panel.tsx). */}
      {/* Never behind the machine: tests/play/panel-placement.test.tsx and the VR station runs look for anything in between. */}
      <InstructionPanel position={[px, py, pz]} onBack={onBack} vr={vr} />
    </Suspense>
  ) : null;
  const world: ReactNode = (
    <>
      <WorkshopRoom />
      {tutorial && Tutorial ? (
        // The tutorial's interactables and panel act on the tutorial's own session, never the station's.
        <SessionProvider store={tutorial.store}>
          <Suspense fallback={null}>
            <Tutorial />
            {shown}
          </Suspense>
          {panels}
          {stationShown ? (
            <Suspense fallback={null}>
              <TutorialSkip position={[px, py - 0.4, pz]} onSkip={tutorial.skip} />
            </Suspense>
          ) : null}
        </SessionProvider>
      ) : (
        <>
          {Composition ? (
            <Suspense fallback={null}>
              {/* A new attempt ("Try again") is a fresh station: nothing of the last one stays lying around. */}
              <Composition key={attempt ?? undefined} />
              {shown}
            </Suspense>
          ) : null}
          {panels}
        </>
      )}
      {/* Looking around with mouse or keys: in VR only after the station is shown (a headset turns the view itself). */}
      {vr && !stationShown ? null : (
        <Suspense fallback={null}>
          <DesktopLook />
        </Suspense>
      )}
      {/* On a screen the overlay draws its arrow; in a headset the probe draws one at the view's edge. */}
      {stationShown ? (
        <Suspense fallback={null}>
          <NextCueProbe />
        </Suspense>
      ) : null}
      {stationShown && !tutorial ? (
        <Suspense fallback={null}>
          <PoseRecorder session={sessionStore} now={() => appClock.now()} register={poseTakes.register} />
        </Suspense>
      ) : null}
      <RenderProbe />
    </>
  );
  return (
    <SceneCanvas
      camera={{ position: [workPosition[0], 1.6, workPosition[2]], fov: 60, near: 0.05, far: 50 }}
      onCreated={({ camera }) => {
        camera.lookAt(0, 1.05, -0.6);
        if (enterVr && xr) void xr.store.enterVR()?.catch((error: unknown) => console.error('werkvloer: could not enter VR', error));
      }}
      dpr={[1, 2]}
      gl={{ antialias: true, powerPreference: 'high-performance' }}
      aria-label="werkvloer"
    >
      {xr ? (
        <xr.runtime.XR store={xr.store}>
          <xr.runtime.XRLocomotion workPosition={workPosition} />
          {world}
        </xr.runtime.XR>
      ) : (
        world
      )}
    </SceneCanvas>
  );
}
