import type { Object3D } from 'three';
import type { Device } from '../engine';

/** Something that can reach into a hazard zone: a controller, a fingertip, a carried workpiece. */
export interface ReachPoint {
  object: Object3D;
  device: Device;
}

const points: ReachPoint[] = [];

/**
 * The points hazard zones watch every frame. A plain array (no Set iterator): zones loop over it
 * each frame without allocating.
 */
export const reach = {
  points: points as readonly ReachPoint[],
  add(point: ReachPoint): () => void {
    points.push(point);
    return () => {
      const i = points.indexOf(point);
      if (i >= 0) points.splice(i, 1);
    };
  },
};

/**
 * Where the desktop or tablet pointer is: hazard zones treat its ray as the trainee's hand — except
 * while it drags the room to turn the view (`looking`): then it is the trainee's eyes that move.
 */
export const screenPointer = { active: false, looking: false, device: 'desktop' as Device };
