import { Suspense, lazy, useMemo, type ComponentType } from 'react';
import { SceneCanvas } from '../play/scene-canvas';
import { StationShown } from '../play/station-shown';
import { WorkshopRoom } from '../play/workshop-room';
import { firstStationFrame } from '../world/first-station-frame';
import { PoseMarkers } from './pose-markers';
import type { PoseSource } from './pose-source';

export interface ReplaySceneProps {
  loadComposition: () => Promise<{ default: ComponentType }>;
  /** Where the head and hands are at the moment shown: a recorded session's playback or a live one. */
  source: PoseSource;
  label: string;
}

/** The station as the trainee had it (from the kit and its layout), with their head and hands. */
export function ReplayScene({ loadComposition, source, label }: ReplaySceneProps) {
  const Composition = useMemo(() => lazy(loadComposition), [loadComposition]);
  return (
    <SceneCanvas camera={{ position: [1.7, 1.9, 1.1], fov: 60, near: 0.05, far: 50 }} dpr={[1, 2]} gl={{ antialias: true }} aria-label={label}>
      <WorkshopRoom />
      <Suspense fallback={null}>
        <Composition />
        {/* Parts that come after a station's first frame (text, what is unique to a machine) wait for it. */}
        <StationShown onShown={() => firstStationFrame.mark()} />
      </Suspense>
      <PoseMarkers source={source} probe={__WERKVLOER_TEST_BUILD__} />
    </SceneCanvas>
  );
}
