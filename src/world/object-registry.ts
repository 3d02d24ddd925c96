import type { Object3D } from 'three';

type Vec3 = readonly [number, number, number];

/**
 * How a placed part is operated: which trainee action it takes and where to aim. A generic test
 * driver plays any station's ideal path from these alone (tests/e2e/support/station-driver.ts); a
 * Node test checks with them that every event of a path can be made by some part. Nothing acts
 * through it: the part still listens to real pointers.
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

/** What a registered part is: the scenario object it acts on, its operation, and where on it to aim. */
export interface PartDescriptor {
  /** The scenario object the part's events name (several cards can share one). */
  object: string;
  operation: Operation;
  /** The point to aim at, in the part's own space (its centre when absent). */
  aim?: Vec3;
  /** How far (m) from the trainee's eyes it can be reached by hand; rays reach any distance when absent. */
  range?: number;
}

interface Entry {
  object: Object3D;
  descriptor?: PartDescriptor;
}

/**
 * Interactable objects by scenario object id (or a card's probe id). The app's test probe reads it to
 * find where an object is on screen or in the room, and how it is operated; nothing acts through it.
 */
const parts = new Map<string, Entry>();

export const objectRegistry = {
  register(id: string, object: Object3D, descriptor?: PartDescriptor): () => void {
    const entry = { object, descriptor };
    parts.set(id, entry);
    return () => {
      if (parts.get(id) === entry) parts.delete(id);
    };
  },
  get(id: string): Object3D | undefined {
    return parts.get(id)?.object;
  },
  descriptor(id: string): PartDescriptor | undefined {
    return parts.get(id)?.descriptor;
  },
  /** How many are registered, without making a list (read every frame until the station shows). */
  count(): number {
    return parts.size;
  },
  ids(): string[] {
    return [...parts.keys()];
  },
};
