import { useEffect, useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import {
  createRoot,
  events as createPointerEvents,
  extend,
  unmountComponentAtNode,
  type ReconcilerRoot,
  type RenderProps,
} from '@react-three/fiber';
import { FiberProvider, useContextBridge } from 'its-fine';
import {
  BoxGeometry,
  Color,
  CylinderGeometry,
  DirectionalLight,
  Group,
  HemisphereLight,
  Mesh,
  MeshBasicMaterial,
  MeshLambertMaterial,
  PlaneGeometry,
} from 'three';

// Only what the shared world, the panels and @react-three/xr use; a station extends its own extras
// in its own chunk. R3F's <Canvas> registers the whole three namespace, which costs ~50 KB gzip.
extend({
  BoxGeometry,
  Color,
  CylinderGeometry,
  DirectionalLight,
  Group,
  HemisphereLight,
  Mesh,
  MeshBasicMaterial,
  MeshLambertMaterial,
  PlaneGeometry,
});

export type SceneCanvasProps = Omit<RenderProps<HTMLCanvasElement>, 'size' | 'events'> & {
  children: ReactNode;
  'aria-label'?: string;
};

function SceneCanvasInner({ children, 'aria-label': label, ...config }: SceneCanvasProps) {
  // Carries the app's React contexts (i18n, session) into the separate three.js React root.
  const Bridge = useContextBridge();
  const container = useRef<HTMLDivElement>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const root = useRef<ReconcilerRoot<HTMLCanvasElement> | null>(null);
  const [size, setSize] = useState<{ width: number; height: number } | null>(null);

  useLayoutEffect(() => {
    const el = container.current;
    if (!el) return;
    const measure = () => {
      const rect = el.getBoundingClientRect();
      setSize((prev) => (prev && prev.width === rect.width && prev.height === rect.height ? prev : { width: rect.width, height: rect.height }));
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  useLayoutEffect(() => {
    if (!size || !canvas.current || size.width === 0 || size.height === 0) return;
    root.current ??= createRoot(canvas.current);
    const r = root.current;
    void r
      .configure({ ...config, events: createPointerEvents, size: { ...size, top: 0, left: 0 } })
      .then(() => r.render(<Bridge>{children}</Bridge>));
  });

  useEffect(() => {
    const el = canvas.current;
    return () => {
      if (el) unmountComponentAtNode(el);
      root.current = null;
    };
  }, []);

  return (
    <div ref={container} style={{ position: 'relative', width: '100%', height: '100%', overflow: 'hidden' }}>
      <canvas ref={canvas} aria-label={label} style={{ display: 'block', width: '100%', height: '100%' }} />
    </div>
  );
}

/** R3F's <Canvas>, minus the whole-namespace registration, so three.js tree-shakes. */
export function SceneCanvas(props: SceneCanvasProps) {
  return (
    <FiberProvider>
      <SceneCanvasInner {...props} />
    </FiberProvider>
  );
}
