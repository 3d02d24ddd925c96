import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { PerspectiveCamera, Vector3 } from 'three';
import { aimAt, restingRightHand, xrOrigin } from './aim';
import { nextFrames, setButton, setPose } from './emulator';

/** Drop zones of the injection moulding station (scenes/plastics/injection-moulding/station.tsx). */
export const zones = {
  scrapBin: { center: [-0.25, 0.7, -0.34], size: [0.36, 0.8, 0.44] },
  goodBox: { center: [-0.65, 0.95, -0.65], size: [0.3, 0.5, 0.3] },
} as const;
export type Zone = (typeof zones)[keyof typeof zones];

/** The centre of the mould area (the hazard zone between the platens). */
export const mouldCentre: [number, number, number] = [-0.09, 1.05, -0.9];

type V3 = readonly [number, number, number];

/**
 * A point inside the zone at `distance` from `origin`: a carried object stays at the distance it
 * was picked up at (along the mouse ray or the controller ray), so that is where it can land.
 */
export function pointInZoneAt(origin: V3, distance: number, zone: Zone): [number, number, number] {
  const o = new Vector3(...origin);
  let best: Vector3 | null = null;
  let bestScore = Infinity;
  const p = new Vector3();
  const n = 12;
  for (let i = 0; i <= n; i++)
    for (let j = 0; j <= n; j++)
      for (let k = 0; k <= n; k++) {
        // Stay 5 % inside the walls: the drop must be unambiguous.
        p.set(
          zone.center[0] + (i / n - 0.5) * zone.size[0] * 0.9,
          zone.center[1] + (j / n - 0.5) * zone.size[1] * 0.9,
          zone.center[2] + (k / n - 0.5) * zone.size[2] * 0.9,
        );
        const off = Math.abs(p.distanceTo(o) - distance);
        if (off > 0.01) continue;
        const score = p.distanceTo(new Vector3(...zone.center));
        if (score < bestScore) {
          bestScore = score;
          best = p.clone();
        }
      }
  if (!best) throw new Error(`no point of the zone lies ${distance.toFixed(2)} m from the pointer: the station layout changed`);
  return [best.x, best.y, best.z];
}

const worldOf = async (page: Page, id: string) => {
  const at = await page.evaluate((objectId) => window.__werkvloer!.worldPosition(objectId), id);
  expect(at, `${id} is in the scene`).not.toBeNull();
  return at!;
};
const screenOf = async (page: Page, id: string) => {
  const at = await page.evaluate((objectId) => window.__werkvloer!.screenPosition(objectId), id);
  expect(at, `${id} is in the scene`).not.toBeNull();
  return at!;
};

/** The desktop camera (src/play/station-canvas.tsx), to find the screen point of a place that is no object. */
async function desktopCamera(page: Page) {
  const rect = await page.evaluate(() => {
    const r = document.querySelector('canvas')!.getBoundingClientRect();
    return { left: r.left, top: r.top, width: r.width, height: r.height };
  });
  const camera = new PerspectiveCamera(60, rect.width / rect.height, 0.05, 50);
  camera.position.set(0, 1.6, 0.25);
  camera.lookAt(0, 1.05, -0.6);
  camera.updateMatrixWorld();
  const project = (p: V3) => {
    const v = new Vector3(...p).project(camera);
    return { x: rect.left + ((v.x + 1) / 2) * rect.width, y: rect.top + ((1 - v.y) / 2) * rect.height };
  };
  return { camera, project };
}

/** Where on the screen a world point is, checked against the probe with a known object (the camera did not turn). */
export async function screenPointOf(page: Page, world: V3, check = 'cycle-start') {
  const { project } = await desktopCamera(page);
  const probe = await screenOf(page, check);
  const mine = project(await worldOf(page, check));
  expect(Math.hypot(probe.x - mine.x, probe.y - mine.y), 'test camera matches the app camera').toBeLessThan(2);
  return project(world);
}

/** Mouse: down and up on an object, as a trainee clicks. */
export async function click(page: Page, id: string): Promise<void> {
  await page.waitForFunction((objectId) => window.__werkvloer?.objectIds().includes(objectId), id, { timeout: 60_000 });
  const at = await screenOf(page, id);
  await page.mouse.move(at.x, at.y);
  await page.mouse.down();
  await page.mouse.up();
  await nextFrames(page, 2);
}

/** Mouse: press on a part, drag it over the bin or box, let go there. */
export async function dragToZone(page: Page, id: string, zone: Zone): Promise<void> {
  await page.waitForFunction((objectId) => window.__werkvloer?.objectIds().includes(objectId), id, { timeout: 60_000 });
  const from = await screenOf(page, id);
  const distance = new Vector3(0, 1.6, 0.25).distanceTo(new Vector3(...(await worldOf(page, id))));
  const to = await screenPointOf(page, pointInZoneAt([0, 1.6, 0.25], distance, zone));
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await nextFrames(page, 2);
  await page.mouse.move((from.x + to.x) / 2, (from.y + to.y) / 2);
  await nextFrames(page, 2);
  await page.mouse.move(to.x, to.y);
  await nextFrames(page, 2);
  await page.mouse.up();
  await nextFrames(page, 2);
}

const hand = restingRightHand;
const handWorld: V3 = [hand[0] + xrOrigin[0], hand[1] + xrOrigin[1], hand[2] + xrOrigin[2]];

/** VR: point the right controller (held at `from`, in the origin's space) at a world point. */
async function aim(page: Page, target: V3, from: V3 = hand) {
  await setPose(page, 'right-controller', { position: from, quaternion: aimAt(from, target) });
  await nextFrames(page, 2);
}

/** VR: aim the right controller's ray at an object, pull the trigger, let go. */
export async function triggerOn(page: Page, id: string): Promise<void> {
  await page.waitForFunction((objectId) => window.__werkvloer?.objectIds().includes(objectId), id, { timeout: 60_000 });
  await aim(page, await worldOf(page, id));
  await setButton(page, 'trigger', 1);
  await nextFrames(page, 2);
  await setButton(page, 'trigger', 0);
  await nextFrames(page, 2);
}

/** VR: take a part with the ray (trigger held), swing it over the bin or box, let go. */
export async function carryToZone(page: Page, id: string, zone: Zone): Promise<void> {
  await page.waitForFunction((objectId) => window.__werkvloer?.objectIds().includes(objectId), id, { timeout: 60_000 });
  const at = await worldOf(page, id);
  await aim(page, at);
  await setButton(page, 'trigger', 1);
  await nextFrames(page, 2);
  // The part stays at the distance it was taken at: the hand moves toward the zone, as a trainee's
  // arm would, until the zone's centre is that far along the ray.
  const reach = new Vector3(...handWorld).distanceTo(new Vector3(...at));
  const goal = new Vector3(...zone.center);
  const handThere = new Vector3(...handWorld).sub(goal).normalize().multiplyScalar(reach).add(goal);
  const from: V3 = [handThere.x - xrOrigin[0], handThere.y - xrOrigin[1], handThere.z - xrOrigin[2]];
  await aim(page, [(at[0] + goal.x) / 2, (at[1] + goal.y) / 2, (at[2] + goal.z) / 2], [(hand[0] + from[0]) / 2, (hand[1] + from[1]) / 2, (hand[2] + from[2]) / 2]);
  // The ray starts a little off the controller's position: steer by where the part really is.
  const aimPoint = goal.clone();
  for (let i = 0; i < 4; i++) {
    await aim(page, [aimPoint.x, aimPoint.y, aimPoint.z], from);
    const now = await worldOf(page, id);
    if (process.env.E2E_TRACE) console.info(`[carry] ${id} at ${now.map((v) => v.toFixed(2)).join(' ')}`);
    const error = goal.clone().sub(new Vector3(...now));
    if (error.length() < 0.03) break;
    aimPoint.add(error);
  }
  await setButton(page, 'trigger', 0);
  await nextFrames(page, 2);
}
