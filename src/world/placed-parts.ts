import { _roots } from '@react-three/fiber';
import type { Object3D } from 'three';
import type { ArrivalSpotProps } from './arrival-spot';
import type { DropZoneProps } from './drop-zone';
import type { GrabbableProps } from './grabbable';
import type { HazardZoneProps } from './hazard-zone';
import type { HoldControlProps } from './hold-control';
import type { InspectableProps } from './inspectable';
import type { InteractableProps } from './interactable';
import type { ValueControlProps } from './value-control';

type Vec3 = readonly [number, number, number];

/**
 * How a placed part is operated: which trainee action it takes. The generic e2e driver plays any
 * station's path from these alone (tests/e2e/support/station-driver.ts); a Node test checks with
 * them that every event of a path can be made by some part (tests/scenes/rule-paths.test.tsx).
 */
export type Operation =
  /** Pointer down then up on the part sends `action` (press, wear, remove, inspect, classify, answer…) with `value`. */
  | { kind: 'press'; action: string; value?: number | string }
  /** Pointer down sends `hold-start`, up sends `hold-end`; the engine judges the time between (`minMs` shown on the bar). */
  | { kind: 'hold'; minMs?: number }
  /**
   * Pick up and put into a drop zone (`place`, value = zone id; `grab` once it moves unless null);
   * a press on the spot sends `tap`. PPE (`wear`) is worn when brought to the head or body, or pressed.
   */
  | { kind: 'grab'; grab: string | null; tap: string | null; wear?: 'head' | 'body' }
  /** Drag along a scale on the part's local x axis (`length` m, centred): letting go sends `set` with the snapped value. */
  | { kind: 'set'; min: number; max: number; step: number; length: number }
  /** A press brings it before the eyes (`inspect`); a second press puts it back. */
  | { kind: 'inspect' }
  /** A place a grabbable is put into: the target of a `place` whose value is `zone`. */
  | { kind: 'drop-zone'; zone: string; accepts: readonly string[]; size: Vec3 }
  /** A place the trainee's head comes over (walking, teleport): `enter`, then `exit` on leaving. */
  | { kind: 'arrive'; radius: number }
  /** A danger area a hand, controller or carried object comes into: `enter`, then `exit`. */
  | { kind: 'reach-zone'; size: Vec3 };

/** What a placed part is: the scenario object its events name (several cards share one) and its operation. */
export interface PartDescriptor {
  object: string;
  operation: Operation;
}

/** A part the world has placed now: its id (as the object registry knows it), descriptor and 3D node. */
export interface PlacedPart extends PartDescriptor {
  id: string;
  node: Object3D;
}

/**
 * Each kit component's operation, read from the props it was placed with; the component is known by
 * its group's name (`<kind>:<object>`). Read by tests and the test build's driver probe only, never by
 * the app, and importing no component: the JavaScript before the first frame is budgeted, and a new
 * importer of the components would split their chunks. The defaults repeat the components' own.
 */
/* eslint-disable @typescript-eslint/no-explicit-any -- each kind reads its own component's props */
const describers: Record<string, (props: any) => { id: string } & PartDescriptor> = {
  interactable: (p: InteractableProps) => ({ id: p.probeId ?? p.object, object: p.object, operation: { kind: 'press', action: p.action, ...(p.value === undefined ? {} : { value: p.value }) } }),
  'hold-control': (p: HoldControlProps) => ({ id: p.probeId ?? p.object, object: p.object, operation: { kind: 'hold', ...(p.progressMs ? { minMs: p.progressMs } : {}) } }),
  grabbable: (p: GrabbableProps) => {
    const grab = p.grabAction === undefined ? (p.wear ? null : 'grab') : p.grabAction;
    const tap = p.tapAction === undefined ? (p.wear ? 'wear' : grab) : p.tapAction;
    return { id: p.object, object: p.object, operation: { kind: 'grab', grab, tap, ...(p.wear ? { wear: p.wear } : {}) } };
  },
  'value-control': (p: ValueControlProps) => ({ id: p.probeId ?? p.object, object: p.object, operation: { kind: 'set', min: p.min, max: p.max, step: p.step, length: p.length ?? 0.3 } }),
  inspectable: (p: InspectableProps) => ({ id: p.object, object: p.object, operation: { kind: 'inspect' } }),
  'drop-zone': (p: DropZoneProps) => ({ id: `drop-zone:${p.id}`, object: p.id, operation: { kind: 'drop-zone', zone: p.id, accepts: p.accepts, size: p.size } }),
  'hazard-zone': (p: HazardZoneProps) => ({ id: `hazard-zone:${p.object}`, object: p.object, operation: { kind: 'reach-zone', size: p.size } }),
  'arrival-spot': (p: ArrivalSpotProps) => ({ id: p.object, object: p.object, operation: { kind: 'arrive', radius: p.radius } }),
};
/* eslint-enable @typescript-eslint/no-explicit-any */

/** The few fields of React's fiber the walk reads (stable since React 16; the devtools read the same). */
interface Fiber {
  tag: number;
  type: unknown;
  elementType: unknown;
  memoizedProps: unknown;
  memoizedState: unknown;
  stateNode: unknown;
  child: Fiber | null;
  sibling: Fiber | null;
}

/** React's Offscreen fiber: a suspended boundary's content, hidden (its parts are not placed). */
const OFFSCREEN = 22;
/** A host element (R3F: a three object). */
const HOST_COMPONENT = 5;

interface Fiber {
  tag: number;
  memoizedProps: unknown;
  memoizedState: unknown;
  stateNode: unknown;
  child: Fiber | null;
  sibling: Fiber | null;
  return: Fiber | null;
}

/** The kit component that rendered this host fiber's group: the nearest component above it. */
function ownerProps(fiber: Fiber): unknown {
  let f = fiber.return;
  while (f && f.tag === HOST_COMPONENT) f = f.return;
  return f?.memoizedProps;
}

/**
 * Every kit part placed now in every React Three Fiber root (the station canvas; in Node the test
 * renderer's), with how it is operated — read from the props the station placed it with, so a
 * station says nothing twice. Parts inside a suspended boundary are not placed yet.
 */
export function placedParts(): PlacedPart[] {
  const parts: PlacedPart[] = [];
  const seen = new Map<string, number>();
  for (const root of _roots.values()) {
    const stack: Fiber[] = [(root.fiber as unknown as { current: Fiber }).current];
    while (stack.length > 0) {
      const fiber = stack.pop()!;
      if (fiber.sibling) stack.push(fiber.sibling);
      if (fiber.tag === OFFSCREEN && fiber.memoizedState !== null) continue;
      if (fiber.tag === HOST_COMPONENT) {
        const instance = fiber.stateNode as { object?: Object3D } | Object3D | null;
        const node = instance && 'object' in instance && instance.object ? instance.object : (instance as Object3D | null);
        const kind = typeof node?.name === 'string' ? node.name.slice(0, node.name.indexOf(':')) : '';
        const describe = Object.hasOwn(describers, kind) ? describers[kind] : undefined;
        if (node && describe) {
          const { id, ...descriptor } = describe(ownerProps(fiber));
          // Two parts of one object without a probe id (rare): the second is `<id>#2`.
          const n = (seen.get(id) ?? 0) + 1;
          seen.set(id, n);
          parts.push({ id: n === 1 ? id : `${id}#${n}`, ...descriptor, node });
        }
      }
      if (fiber.child) stack.push(fiber.child);
    }
  }
  return parts;
}

/** React's Suspense fiber: its memoizedState is set while it shows its fallback. */
const SUSPENSE = 13;

/**
 * How many Suspense boundaries in the React Three Fiber roots show their fallback now: parts whose
 * code is still on its way (the kit's parts after the first frame, lazy texts). For tests only.
 */
export function suspendedBoundaries(): number {
  let n = 0;
  for (const root of _roots.values()) {
    const stack: Fiber[] = [(root.fiber as unknown as { current: Fiber }).current];
    while (stack.length > 0) {
      const fiber = stack.pop()!;
      if (fiber.sibling) stack.push(fiber.sibling);
      if (fiber.tag === SUSPENSE && fiber.memoizedState !== null) n += 1;
      if (fiber.tag === OFFSCREEN && fiber.memoizedState !== null) continue;
      if (fiber.child) stack.push(fiber.child);
    }
  }
  return n;
}
