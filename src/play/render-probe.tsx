import { useFrame, useThree, type RootState } from '@react-three/fiber';
import { useEffect, useRef } from 'react';
import { Vector3 } from 'three';
import { objectRegistry } from '../world/object-registry';
import { reach } from '../world/reach';
import { countRealDraws } from './real-triangles';

/** What one frame cost the GPU side: draw calls and triangles drawn, programs and textures held. */
export interface FrameLoad {
  calls: number;
  triangles: number;
  programs: number;
  textures: number;
}

export interface RenderCounts {
  frames: number;
  calls: number;
  triangles: number;
  programs: number;
  textures: number;
  geometries: number;
  presenting: boolean;
  /** The most of each over every frame while presenting in XR (both eyes): the busiest moment of a session. */
  maxXr: FrameLoad;
  /** The same over every desktop frame once the station has been drawn (never the room before it). */
  maxDesktop: FrameLoad;
  /** Scripts the page had loaded when the first frame with station objects was drawn (for the budget). */
  scriptsAtFirstStationFrame: string[] | null;
  /** performance.now() when that frame was drawn: navigation to first station frame (for the bench). */
  firstStationFrameMs: number | null;
}

export interface WerkvloerProbe {
  counts: RenderCounts;
  /** Screen position (CSS px) of an interactable's centre (or of a named panel button), for driving the mouse in tests. */
  screenPosition(id: string): { x: number; y: number } | null;
  /** Screen position (CSS px) of any point in the room: a value on a scale, a spot on the floor. */
  screenPoint(world: [number, number, number]): { x: number; y: number };
  /** World position of an interactable (or of a named panel button), for aiming an emulated controller at it. */
  worldPosition(id: string): [number, number, number] | null;
  /** Where the trainee's eyes are in the room (the XR camera in a headset), for comfort tests. */
  viewerPosition(): [number, number, number];
  /** The way the trainee looks, as an angle about the vertical axis (0 = facing the bench, -z). */
  viewerHeading(): number;
  /** Controllers or hands the scene tracks now (their reach points): VR input is ready when > 0. */
  trackedInputs(): number;
  objectIds(): string[];
  /** Whether the scene holds an object of that name (e.g. `instruction-panel`). */
  sceneHas(name: string): boolean;
  /** R3F's state (renderer, scene, camera, frame loop): the bench draws the same scene without the app. */
  three(): RootState;
}

declare global {
  interface Window {
    __werkvloer?: WerkvloerProbe;
  }
}

const tmp = new Vector3();

/**
 * A read-only window onto the renderer for tests and the benchmark: counts from `renderer.info`
 * (both eyes in XR) and where objects are. It never acts; tests act through real pointers.
 */
export function RenderProbe() {
  const gl = useThree((s) => s.gl);
  const camera = useThree((s) => s.camera);
  const size = useThree((s) => s.size);
  const scene = useThree((s) => s.scene);
  const get = useThree((s) => s.get);

  const countsRef = useRef<RenderCounts>({ frames: 0, calls: 0, triangles: 0, programs: 0, textures: 0, geometries: 0, presenting: false, maxXr: { calls: 0, triangles: 0, programs: 0, textures: 0 }, maxDesktop: { calls: 0, triangles: 0, programs: 0, textures: 0 }, scriptsAtFirstStationFrame: null, firstStationFrameMs: null });

  useEffect(() => {
    // Triangles the GPU draws: a text before its glyphs asks for Infinity instances and draws none.
    countRealDraws(gl.info);
    const counts = countsRef.current;
    const xyz = (): [number, number, number] => [tmp.x, tmp.y, tmp.z];
    const worldPosition = (id: string) => {
      const object = objectRegistry.get(id) ?? scene.getObjectByName(id);
      if (!object) return null;
      object.getWorldPosition(tmp);
      return xyz();
    };
    const screenPoint = (world: [number, number, number]) => {
      tmp.set(...world).project(camera);
      const rect = gl.domElement.getBoundingClientRect();
      return { x: rect.left + ((tmp.x + 1) / 2) * size.width, y: rect.top + ((1 - tmp.y) / 2) * size.height };
    };
    window.__werkvloer = {
      counts,
      screenPosition(id) {
        const world = worldPosition(id);
        return world && screenPoint(world);
      },
      screenPoint,
      worldPosition,
      viewerPosition() {
        camera.getWorldPosition(tmp);
        return xyz();
      },
      viewerHeading() {
        camera.getWorldDirection(tmp);
        return Math.atan2(-tmp.x, -tmp.z);
      },
      trackedInputs: () => reach.points.length,
      objectIds: () => objectRegistry.ids(),
      sceneHas: (name) => scene.getObjectByName(name) !== undefined,
      three: get,
    };
    return () => {
      delete window.__werkvloer;
    };
  }, [gl, camera, size, scene, get]);

  const stationSeenAtFrame = useRef<number | null>(null);
  const stationFrameStart = useRef<number | null>(null);
  // Runs before each render and reads the previous frame's totals: no allocation per frame.
  useFrame(() => {
    const probe = window.__werkvloer;
    if (!probe) return;
    const c = probe.counts;
    if (c.scriptsAtFirstStationFrame === null) {
      if (stationSeenAtFrame.current === null && objectRegistry.count() > 0) {
        stationSeenAtFrame.current = c.frames;
        stationFrameStart.current = performance.now();
      } else if (stationSeenAtFrame.current !== null && c.frames > stationSeenAtFrame.current) {
        // The frame with the station has been drawn: note which scripts it took (a one-time list). Only
        // requests begun before that frame began count: what loads after the first frame (text, parts of
        // later steps) cannot be what it needed, however quickly it arrives.
        const drawnFrom = stationFrameStart.current ?? 0;
        c.firstStationFrameMs = performance.now();
        c.scriptsAtFirstStationFrame = performance
          .getEntriesByType('resource')
          .filter((e) => e.startTime <= drawnFrom)
          .map((e) => new URL(e.name).pathname)
          .filter((p) => p.endsWith('.js'));
      }
    }
    c.frames += 1;
    c.calls = gl.info.render.calls;
    c.triangles = gl.info.render.triangles;
    c.programs = gl.info.programs?.length ?? 0;
    c.textures = gl.info.memory.textures;
    c.geometries = gl.info.memory.geometries;
    c.presenting = gl.xr.isPresenting;
    const max = c.presenting ? c.maxXr : c.scriptsAtFirstStationFrame ? c.maxDesktop : null;
    if (max) {
      max.calls = Math.max(max.calls, c.calls);
      max.triangles = Math.max(max.triangles, c.triangles);
      max.programs = Math.max(max.programs, c.programs);
      max.textures = Math.max(max.textures, c.textures);
    }
  });
  return null;
}
