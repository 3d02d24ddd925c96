import { Suspense, lazy, useMemo, type ComponentType } from 'react';
import type { PoseSample } from '../engine/pose-sample';
import { SceneCanvas } from '../play/scene-canvas';
import { StationShown } from '../play/station-shown';
import { WorkshopRoom } from '../play/workshop-room';
import { firstStationFrame } from '../world/first-station-frame';
import { PoseMarkers } from './pose-markers';
import type { ReplayStore } from './replay-store';

export interface ReplaySceneProps {
  loadComposition: () => Promise<{ default: ComponentType }>;
  store: ReplayStore;
  poses: readonly PoseSample[];
  label: string;
}

/** The station as the trainee had it (from the kit and its layout), with their head and hands. */
export function ReplayScene({ loadComposition, store, poses, label }: ReplaySceneProps) {
  const Composition = useMemo(() => lazy(loadComposition), [loadComposition]);
  return (
    <SceneCanvas camera={{ position: [1.7, 1.9, 1.1], fov: 60, near: 0.05, far: 50 }} dpr={[1, 2]} gl={{ antialias: true }} aria-label={label}>
      <WorkshopRoom />
      <Suspense fallback={null}>
        <Composition />
        {/* Parts that come after a station's first frame (text, what is unique to a machine) wait for it. */}
        <StationShown onShown={() => firstStationFrame.mark()} />
      </Suspense>
      <PoseMarkers store={store} poses={poses} probe={__WERKVLOER_TEST_BUILD__} />
    </SceneCanvas>
  );
}
