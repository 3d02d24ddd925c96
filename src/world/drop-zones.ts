import { Vector3, type Object3D } from 'three';

export interface DropZoneEntry {
  id: string;
  object: Object3D;
  /** Half sizes of the zone's box, in its own space. */
  half: readonly [number, number, number];
  accepts: readonly string[];
}

const zones: DropZoneEntry[] = [];
const local = new Vector3();
/** A workpiece a few centimetres off still lands: hands shake, rays more so. */
const slack = 0.06;

/** Places where a carried object can be put: a jig, a tray, the carriage of a slicer. */
export const dropZones = {
  add(zone: DropZoneEntry): () => void {
    zones.push(zone);
    return () => {
      const i = zones.indexOf(zone);
      if (i >= 0) zones.splice(i, 1);
    };
  },
  /** The zone that takes `objectId` and holds `worldPoint`, if any. */
  find(objectId: string, worldPoint: Vector3): DropZoneEntry | null {
    for (const z of zones) {
      if (!z.accepts.includes(objectId)) continue;
      z.object.worldToLocal(local.copy(worldPoint));
      if (Math.abs(local.x) <= z.half[0] + slack && Math.abs(local.y) <= z.half[1] + slack && Math.abs(local.z) <= z.half[2] + slack) return z;
    }
    return null;
  },
};
