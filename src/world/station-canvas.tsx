import { Suspense, lazy, useMemo, type ComponentType } from 'react';
import { Canvas } from '@react-three/fiber';
import { XR, XROrigin } from '@react-three/xr';
import type { WerkvloerXRStore } from '../app/xr-setup';
import { InstructionPanel } from './instruction-panel';
import { RenderProbe } from './render-probe';
import { WorkshopRoom } from './workshop-room';

export interface StationCanvasProps {
  xrStore: WerkvloerXRStore;
  loadComposition: (() => Promise<{ default: ComponentType }>) | null;
  /** Enter the immersive session as soon as the renderer exists (the click that asked is still fresh). */
  enterVr: boolean;
  onBack: () => void;
}

/**
 * The 3D view shared by desktop and VR. The trainee stands at the origin facing -z; stations put
 * their work surface about 0.6 m ahead, so desktop camera and headset see the same work position.
 */
export function StationCanvas({ xrStore, loadComposition, enterVr, onBack }: StationCanvasProps) {
  const Composition = useMemo(() => (loadComposition ? lazy(loadComposition) : null), [loadComposition]);
  return (
    <Canvas
      camera={{ position: [0, 1.6, 0.25], fov: 60, near: 0.05, far: 50 }}
      onCreated={({ camera }) => {
        camera.lookAt(0, 1.05, -0.6);
        if (enterVr) void xrStore.enterVR()?.catch((error: unknown) => console.error('werkvloer: could not enter VR', error));
      }}
      dpr={[1, 2]}
      gl={{ antialias: true, powerPreference: 'high-performance' }}
      aria-label="werkvloer"
    >
      <XR store={xrStore}>
        <XROrigin position={[0, 0, 0.25]} />
        <WorkshopRoom />
        {Composition ? (
          <Suspense fallback={null}>
            <Composition />
          </Suspense>
        ) : null}
        <InstructionPanel position={[0, 1.75, -1.1]} onBack={onBack} />
        <RenderProbe />
      </XR>
    </Canvas>
  );
}
