import { Quaternion, Vector3 } from 'three';

/** The XR origin of the station view (src/play/station-canvas.tsx): emulator poses are relative to it. */
export const xrOrigin: readonly [number, number, number] = [0, 0, 0.25];
/** The origin of a seated trainee: lifted so the eyes at 1.2 m see the room as from 1.6 m (src/input/comfort-settings.ts). */
export const seatedXrOrigin: readonly [number, number, number] = [xrOrigin[0], xrOrigin[1] + 0.4, xrOrigin[2]];

/** Where the right hand rests, in the origin's space: in front of the hip, like a trainee at a bench. */
export const restingRightHand: readonly [number, number, number] = [0.2, 1.2, -0.15];
/** The left hand's resting place, mirrored. */
export const restingLeftHand: readonly [number, number, number] = [-0.2, 1.2, -0.15];

/** The quaternion that turns a controller's pointing direction (-z) toward a world point. */
export function aimAt(handLocal: readonly [number, number, number], targetWorld: readonly [number, number, number], origin: readonly [number, number, number] = xrOrigin) {
  const from = new Vector3(handLocal[0] + origin[0], handLocal[1] + origin[1], handLocal[2] + origin[2]);
  const direction = new Vector3(...targetWorld).sub(from).normalize();
  const q = new Quaternion().setFromUnitVectors(new Vector3(0, 0, -1), direction);
  return { x: q.x, y: q.y, z: q.z, w: q.w };
}

/** A turn of the head about the vertical axis. */
export function heading(radians: number) {
  const q = new Quaternion().setFromAxisAngle(new Vector3(0, 1, 0), radians);
  return { x: q.x, y: q.y, z: q.z, w: q.w };
}
