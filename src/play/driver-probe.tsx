import { useStore, useThree } from '@react-three/fiber';
import { useEffect } from 'react';
import { Box3, Raycaster, Vector2, Vector3, type Material, type Mesh, type Object3D } from 'three';
import type { SessionEvent } from '../engine';
import { appClock } from '../state/app-clock';
import { useSessionStore } from '../state/session-context';
import { placedParts, suspendedBoundaries, type PartDescriptor, type PlacedPart } from '../world/placed-parts';
import { reach } from '../world/reach';
import { installFrameGate } from './frame-gate';
import { lineOfSight } from './line-of-sight';
import { panelPoints } from './panel-placement';

type Vec3 = [number, number, number];

export interface RayPointerState {
  origin: Vec3;
  /** The placed part whose node (or a child of it) the ray hits, else the hit object's name, else null. */
  hits: string | null;
  /** Whether the pointer holds a button down (the trigger seen pressed, its down dispatched). */
  down: boolean;
}

/** What the generic e2e driver (tests/e2e/support/station-driver.ts) reads; it acts through real input only. */
export interface WerkvloerDriverProbe {
  /** Every part placed now, with how it is operated. */
  parts(): (PartDescriptor & { id: string })[];
  /** The events the session has recorded so far (a copy): each move must make what the path says. */
  events(): SessionEvent[];
  /** World points of points given in a part's own space (a value on a scale, a drop zone's grid); null when not placed. */
  partPoints(id: string, local: Vec3[]): Vec3[] | null;
  /** A world point in a part's own space (is a hand inside a danger area?). */
  partLocal(id: string, world: Vec3): Vec3 | null;
  /** Where each point a danger area watches is now (a controller's grip, a fingertip): a hand reaching in is steered by it. */
  reachPoints(): { device: string; at: Vec3 }[];
  /**
   * The XR ray pointers (@react-three/xr's, from pmndrs pointer-events) as they stand now: a press
   * waits until the ray really hits what it aims at (the emulated ray needs a few frames).
   */
  rayPointers(): RayPointerState[];
  /** Visible meshes under the named object: the draw calls it adds per eye (text included). */
  drawnMeshesUnder(name: string): number;
  /** The placed part a click at this CSS pixel of the canvas would reach, if any: the driver drags the room only where none is. */
  partAt(x: number, y: number): string | null;
  /** Suspense boundaries of the scene still showing their fallback (code of parts or texts on its way). */
  suspended(): number;
  /** Every visible text under the named object (a panel): its em height in the world and its distance from the eyes; null without it. */
  textSizes(name: string): { head: Vec3; texts: { text: string; em: number; distance: number }[] } | null;
  /**
   * Draws the canvas at `scale` device pixels per CSS pixel until called with null (the canvas's own
   * ratio again); returns the drawing buffer's size. SwiftShader draws every pixel on the CPU: a path
   * played at 0.5 draws a quarter of them, while pointers (CSS pixels) land where they did.
   */
  renderScale(scale: number | null): { width: number; height: number };
  /**
   * What stands between the eyes and the named panel as it is drawn now: from the head, a ray to each
   * corner, edge middle and middle of its drawn outline, against every drawn mesh of the scene but the
   * panel's own and the trainee's hands, controllers and rays; null without the panel.
   */
  panelBlockers(name: string): { head: Vec3; outline: { left: number; right: number; top: number; bottom: number }; blockers: string[] } | null;
  /**
   * Closes (true) or opens (false) the frame gate (src/play/frame-gate.ts): closed, the page draws a
   * frame only when asked (`requestFrames`), so the driver's round trips do not each wait for one.
   */
  gateFrames(closed: boolean): void;
  /** At least `n` more frames, gate closed or not (a wait that needs the page to move on). */
  requestFrames(n: number): void;
  /** Frames drawn on request and by the gate's trickle (a wait nobody marked) so far. */
  gatedFrames(): { requested: number; trickled: number };
}

declare global {
  interface Window {
    __werkvloerDriver?: WerkvloerDriverProbe;
    /** The test clock: `advance(ms)` lets that time pass at once (src/state/app-clock.ts). */
    __werkvloerClock?: { advance(ms: number): number; now(): number };
  }
}

const tmp = new Vector3();

// The test clock, from this module's load on: wall-clock time plus what the driver let pass at once.
// Never set back (a session's times only grow), and only ever in the test build.
const wallClock = Date.now;
let skipped = 0;
appClock.now = () => wallClock() + skipped;

// The test render scale, held against the canvas's own configuration (which sets its dpr range again
// whenever it re-renders, e.g. on a resize). Like the clock, only ever in the test build.
let forcedDpr: number | null = null;

// One gate per page, from this module's load on (open until the driver closes it).
const frameGate = installFrameGate(window);

function nodeOf(id: string): Object3D | null {
  return placedParts().find((p) => p.id === id)?.node ?? null;
}

/**
 * The test build's window onto the placed parts and the session for the generic e2e driver, and its
 * test clock. Loaded after the station's first frame and only in the test build (instruction-panel.tsx):
 * no production build and no first frame carries it.
 */
export default function DriverProbe() {
  const session = useSessionStore();
  const scene = useThree((s) => s.scene);
  const camera = useThree((s) => s.camera);
  const gl = useThree((s) => s.gl);
  const store = useStore();
  useEffect(
    () =>
      store.subscribe((s) => {
        if (forcedDpr !== null && s.viewport.dpr !== forcedDpr) s.setDpr(forcedDpr);
      }),
    [store],
  );
  useEffect(() => {
    window.__werkvloerDriver = {
      parts: () => placedParts().map(({ id, object, operation }) => ({ id, object, operation })),
      events: () => session.getState().events.map((e) => ({ ...e })),
      partPoints(id, local) {
        const node = nodeOf(id);
        if (!node) return null;
        return local.map((p) => {
          node.localToWorld(tmp.set(...p));
          return [tmp.x, tmp.y, tmp.z];
        });
      },
      partLocal(id, world) {
        const node = nodeOf(id);
        if (!node) return null;
        node.worldToLocal(tmp.set(...world));
        return [tmp.x, tmp.y, tmp.z];
      },
      reachPoints: () =>
        reach.points.map((p) => {
          p.object.getWorldPosition(tmp);
          return { device: p.device, at: [tmp.x, tmp.y, tmp.z] as Vec3 };
        }),
      rayPointers() {
        const partOf = new Map<Object3D, PlacedPart>(placedParts().map((p) => [p.node, p]));
        // pmndrs pointer-events keeps every pointer on globalThis; a ray intersector holds its raycaster.
        return [...(globalThis.pointerEventspointerMap?.values() ?? [])].flatMap((pointer) => {
          const ray = (pointer.intersector as { raycaster?: { ray: { origin: Vector3 } } }).raycaster?.ray;
          if (pointer.type !== 'ray' || !ray) return [];
          let hit: Object3D | null = pointer.getIntersection()?.object ?? null;
          const name = hit?.name || null;
          while (hit && !partOf.has(hit)) hit = hit.parent;
          return [{ origin: [ray.origin.x, ray.origin.y, ray.origin.z] as Vec3, hits: hit ? partOf.get(hit)!.id : name, down: pointer.getButtonsDown().size > 0 }];
        });
      },
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
      partAt(x, y) {
        const rect = gl.domElement.getBoundingClientRect();
        const ndc = new Vector2(((x - rect.left) / rect.width) * 2 - 1, -((y - rect.top) / rect.height) * 2 + 1);
        const raycaster = new Raycaster();
        raycaster.setFromCamera(ndc, camera);
        const partOf = new Map<Object3D, PlacedPart>(placedParts().map((p) => [p.node, p]));
        for (const hit of raycaster.intersectObject(scene, true)) {
          for (let o: Object3D | null = hit.object; o; o = o.parent) if (partOf.has(o)) return partOf.get(o)!.id;
        }
        return null;
      },
      suspended: () => suspendedBoundaries(),
      textSizes(name) {
        const panel = scene.getObjectByName(name);
        if (!panel) return null;
        scene.updateMatrixWorld();
        const head = camera.getWorldPosition(new Vector3());
        const texts: { text: string; em: number; distance: number }[] = [];
        panel.traverseVisible((o) => {
          const t = o as Mesh & { text?: unknown; fontSize?: number; textRenderInfo?: { blockBounds: number[] } };
          const m = t.material as Material | undefined;
          if (typeof t.text !== 'string' || t.text.trim() === '' || !t.textRenderInfo || typeof t.fontSize !== 'number' || m?.visible === false) return;
          const [x0, y0, x1, y1] = t.textRenderInfo.blockBounds as [number, number, number, number];
          const middle = t.localToWorld(new Vector3((x0 + x1) / 2, (y0 + y1) / 2, 0));
          // A text scaled with its group is read at its drawn size.
          const scale = new Vector3().setFromMatrixScale(t.matrixWorld).y;
          texts.push({ text: t.text, em: t.fontSize * scale, distance: middle.distanceTo(head) });
        });
        return { head: [head.x, head.y, head.z], texts };
      },
      renderScale(scale) {
        if (scale !== null && !(Number.isFinite(scale) && scale > 0 && scale <= 2)) throw new Error(`a render scale lies in (0, 2], not ${scale}`);
        const state = store.getState();
        forcedDpr = scale;
        // Back to the canvas's own ratio: the device's, within its range (station-canvas.tsx, [1, 2]).
        state.setDpr(scale ?? [1, 2]);
        return { width: gl.domElement.width, height: gl.domElement.height };
      },
      panelBlockers(name) {
        const panel = scene.getObjectByName(name);
        if (!panel) return null;
        scene.updateMatrixWorld();
        const head = camera.getWorldPosition(new Vector3());
        // The panel's drawn outline in its own plane (it hangs unturned, facing the trainee).
        const box = new Box3();
        panel.traverseVisible((o) => {
          const m = (o as Mesh).material as Material | Material[] | undefined;
          const shown = Array.isArray(m) ? m.some((x) => x.visible) : m?.visible === true;
          const g = (o as Mesh).geometry;
          if (!(o as Mesh).isMesh || !shown || !g) return;
          if (!g.boundingBox) g.computeBoundingBox();
          if (g.boundingBox && !g.boundingBox.isEmpty()) box.union(g.boundingBox.clone().applyMatrix4(o.matrixWorld));
        });
        const middle = panel.getWorldPosition(new Vector3());
        const outline = { left: box.min.x - middle.x, right: box.max.x - middle.x, top: box.max.y - middle.y, bottom: box.min.y - middle.y };
        // The trainee's own hands, controllers and rays live under the XR origin, beside the headset's camera.
        const own = gl.xr.getCamera().parent;
        // A document the trainee holds up to read (src/world/reading-copy.tsx) is in front of everything on purpose, while pointed at.
        // The next-step cue (vr-cue-arrow.tsx) is the trainee's own aid, drawn over the scene like the panel (no depth test).
        const skip = (o: Object3D) => o === panel || (own !== null && o === own) || (o.name === 'reading-copy' && name !== 'reading-copy') || o.name === 'vr-cue';
        const sight = lineOfSight(scene, skip);
        const blockers = panelPoints([middle.x, middle.y, middle.z], outline).flatMap((p) =>
          sight.between(head, new Vector3(...p.at)).map((b) => `the panel's ${p.name} behind ${b.name} at ${b.at.join(', ')}`),
        );
        return { head: [head.x, head.y, head.z], outline, blockers };
      },
      gateFrames: (closed) => (closed ? frameGate.close() : frameGate.open()),
      requestFrames: (n) => frameGate.request(n),
      gatedFrames: () => frameGate.counts(),
    };
    window.__werkvloerClock = {
      advance(ms) {
        if (!Number.isFinite(ms) || ms < 0) throw new Error(`advance takes a duration in ms ≥ 0, not ${ms}`);
        skipped += ms;
        return skipped;
      },
      now: () => appClock.now(),
    };
    return () => {
      frameGate.open();
      delete window.__werkvloerDriver;
      delete window.__werkvloerClock;
    };
  }, [session, scene, camera, gl, store]);
  return null;
}
