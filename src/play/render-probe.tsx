import { useFrame, useThree, type RootState } from '@react-three/fiber';
import { useEffect, useRef } from 'react';
import { Vector3, type Object3D } from 'three';
import { objectRegistry, type PartDescriptor } from '../world/object-registry';
import { reach } from '../world/reach';
import { useSessionStore } from '../state/session-context';
import type { SessionEvent } from '../engine';

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
  /** Every registered part that says how it is operated (the generic test driver plays paths from these). */
  parts(): (PartDescriptor & { id: string })[];
  /** The events the session has recorded so far (a copy): a test driver checks each move made what the path says. */
  events(): SessionEvent[];
  /** A world point in a part's own space (is a hand inside a danger area?). */
  partLocal(id: string, world: [number, number, number]): [number, number, number] | null;
  /** World position of a point given in a part's own space (a value on a scale, the aim point). */
  partPoint(id: string, local: [number, number, number]): [number, number, number] | null;
  /**
   * The XR ray pointers (@react-three/xr's, from pmndrs pointer-events) as they stand now: where each
   * ray starts and which part (or named object) it hits. A test presses only once the ray really
   * hits what it aims at: the emulated controller's ray needs a few frames before it intersects.
   */
  rayPointers(): RayPointerState[];
  /** Whether the scene holds an object of that name (e.g. `instruction-panel`). */
  sceneHas(name: string): boolean;
  /** Visible meshes under the named object: the draw calls it adds per eye (text included). */
  drawnMeshesUnder(name: string): number;
  /** R3F's state (renderer, scene, camera, frame loop): the bench draws the same scene without the app. */
  three(): RootState;
}

interface Vector3Ray {
  origin: Vector3;
}

export interface RayPointerState {
  origin: [number, number, number];
  /** The registered part whose object (or a child of it) the ray hits, else the hit object's name, else null. */
  hits: string | null;
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
  const session = useSessionStore();

  const countsRef = useRef<RenderCounts>({ frames: 0, calls: 0, triangles: 0, programs: 0, textures: 0, geometries: 0, presenting: false, maxXr: { calls: 0, triangles: 0, programs: 0, textures: 0 }, maxDesktop: { calls: 0, triangles: 0, programs: 0, textures: 0 }, scriptsAtFirstStationFrame: null, firstStationFrameMs: null });

  useEffect(() => {
    const counts = countsRef.current;
    window.__werkvloer = {
      counts,
      screenPosition(id) {
        const object = objectRegistry.get(id) ?? scene.getObjectByName(id);
        if (!object) return null;
        object.getWorldPosition(tmp).project(camera);
        const rect = gl.domElement.getBoundingClientRect();
        return { x: rect.left + ((tmp.x + 1) / 2) * size.width, y: rect.top + ((1 - tmp.y) / 2) * size.height };
      },
      screenPoint(world) {
        tmp.set(...world).project(camera);
        const rect = gl.domElement.getBoundingClientRect();
        return { x: rect.left + ((tmp.x + 1) / 2) * size.width, y: rect.top + ((1 - tmp.y) / 2) * size.height };
      },
      worldPosition(id) {
        const object = objectRegistry.get(id) ?? scene.getObjectByName(id);
        if (!object) return null;
        object.getWorldPosition(tmp);
        return [tmp.x, tmp.y, tmp.z];
      },
      viewerPosition() {
        camera.getWorldPosition(tmp);
        return [tmp.x, tmp.y, tmp.z];
      },
      viewerHeading() {
        camera.getWorldDirection(tmp);
        return Math.atan2(-tmp.x, -tmp.z);
      },
      trackedInputs: () => reach.points.length,
      objectIds: () => objectRegistry.ids(),
      parts: () =>
        objectRegistry.ids().flatMap((id) => {
          const d = objectRegistry.descriptor(id);
          return d ? [{ id, ...d }] : [];
        }),
      events: () => session.getState().events.map((e) => ({ ...e })),
      partLocal(id, world) {
        const object = objectRegistry.get(id);
        if (!object) return null;
        object.worldToLocal(tmp.set(...world));
        return [tmp.x, tmp.y, tmp.z];
      },
      partPoint(id, local) {
        const object = objectRegistry.get(id);
        if (!object) return null;
        object.localToWorld(tmp.set(...local));
        return [tmp.x, tmp.y, tmp.z];
      },
      rayPointers() {
        const partOf = new Map<Object3D, string>();
        for (const id of objectRegistry.ids()) partOf.set(objectRegistry.get(id)!, id);
        return [...(globalThis.pointerEventspointerMap?.values() ?? [])].flatMap((pointer) => {
          // pmndrs pointer-events keeps every pointer on globalThis; a ray intersector holds its raycaster.
          const ray = (pointer.intersector as { raycaster?: { ray: Vector3Ray } }).raycaster?.ray;
          if (pointer.type !== 'ray' || !ray) return [];
          let hit: Object3D | null = pointer.getIntersection()?.object ?? null;
          const name = hit?.name || null;
          while (hit && !partOf.has(hit)) hit = hit.parent;
          return [{ origin: [ray.origin.x, ray.origin.y, ray.origin.z] as [number, number, number], hits: hit ? partOf.get(hit)! : name }];
        });
      },
      sceneHas: (name) => scene.getObjectByName(name) !== undefined,
      drawnMeshesUnder(name) {
        let n = 0;
        scene.getObjectByName(name)?.traverseVisible((o) => {
          // A hit area's material is invisible: rays find it, the renderer skips it (no draw call).
          const m = (o as { isMesh?: boolean; material?: { visible: boolean } | { visible: boolean }[] }).material;
          const drawn = Array.isArray(m) ? m.some((x) => x.visible) : m?.visible !== false;
          if ((o as { isMesh?: boolean }).isMesh && drawn) n += 1;
        });
        return n;
      },
      three: get,
    };
    return () => {
      delete window.__werkvloer;
    };
  }, [gl, camera, size, scene, get, session]);

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
        // Only scripts requested before the station was there: what loads after its first frame by
        // design (texts, controller models) is not counted because a slow frame let it arrive.
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
