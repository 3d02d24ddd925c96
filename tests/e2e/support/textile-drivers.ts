import type { Page } from 'playwright-core';
import { PerspectiveCamera, Vector3 } from 'three';
import { expect } from 'vitest';
import { aimAt, xrOrigin } from './aim';
import { nextFrames, setButton, setPose } from './emulator';

type Vec3 = readonly [number, number, number];

/** One way of acting on the station: the mouse on the desktop, or an emulated controller in VR. */
export interface Player {
  press(id: string): Promise<void>;
  /** Holds the press for `ms` (a pedal, a handle): a real wait, the engine judges the duration. */
  hold(id: string, ms: number): Promise<void>;
  /** Drags a value control's knob from `from` to the world point `to` on its scale and lets go. */
  slide(id: string, from: Vec3, to: Vec3): Promise<void>;
  /** Picks a thing up and lets it go over the world point `to` (a drop zone). */
  carry(id: string, to: Vec3): Promise<void>;
}

export async function worldPosition(page: Page, id: string): Promise<Vec3> {
  const at = await page.evaluate((objectId) => window.__werkvloer!.worldPosition(objectId), id);
  expect(at, `${id} is in the scene`).not.toBeNull();
  return at!;
}

export async function screenPosition(page: Page, id: string): Promise<{ x: number; y: number }> {
  const at = await page.evaluate((objectId) => window.__werkvloer!.screenPosition(objectId), id);
  expect(at, `${id} is on screen`).not.toBeNull();
  return at!;
}

/**
 * The desktop camera of src/world/station-canvas.tsx (at the work position, looking at the bench),
 * to find the screen point of a spot on a scale that no object marks. Checked against the app's own
 * probe on a registered object before use.
 */
async function desktopProjector(page: Page, checkId: string) {
  const rect = await page.evaluate(() => {
    const r = document.querySelector('canvas')!.getBoundingClientRect();
    return { left: r.left, top: r.top, width: r.width, height: r.height };
  });
  const camera = new PerspectiveCamera(60, rect.width / rect.height, 0.05, 50);
  camera.position.set(0, 1.6, 0.25);
  camera.lookAt(0, 1.05, -0.6);
  camera.updateMatrixWorld();
  const project = (p: Vec3) => {
    const v = new Vector3(...p).project(camera);
    return { x: rect.left + ((v.x + 1) / 2) * rect.width, y: rect.top + ((1 - v.y) / 2) * rect.height };
  };
  const probe = await screenPosition(page, checkId);
  const mine = project(await worldPosition(page, checkId));
  expect(Math.hypot(probe.x - mine.x, probe.y - mine.y), 'the test camera matches the app camera').toBeLessThan(1.5);
  return project;
}

export function mousePlayer(page: Page): Player {
  const at = async (id: string) => {
    const p = await screenPosition(page, id);
    await page.mouse.move(p.x, p.y);
  };
  return {
    async press(id) {
      await at(id);
      await page.mouse.down();
      await page.mouse.up();
    },
    async hold(id, ms) {
      await at(id);
      await page.mouse.down();
      await page.waitForTimeout(ms);
      await page.mouse.up();
    },
    async slide(id, from, to) {
      const project = await desktopProjector(page, id);
      const a = project(from);
      const b = project(to);
      await page.mouse.move(a.x, a.y);
      await page.mouse.down();
      await page.mouse.move(b.x, b.y, { steps: 8 });
      await page.mouse.up();
    },
    async carry(id, to) {
      const project = await desktopProjector(page, id);
      const b = project(to);
      await at(id);
      await page.mouse.down();
      await page.mouse.move(b.x, b.y, { steps: 10 });
      await page.mouse.up();
    },
  };
}

/** Where the trainee's eyes are in VR (world): the emulated headset at 1.6 m above the XR origin. */
const eye = new Vector3(xrOrigin[0], 1.6, xrOrigin[2]);

/**
 * The hand reaches toward what it works on, as a trainee leans over the table: the ray starts
 * 0.4 m before the target on the line to the eyes, so machine parts on the way do not catch it
 * (and the hand stays clear of other parts, where the close-by grab would take over from the ray).
 */
function handNear(target: Vec3): Vec3 {
  const t = new Vector3(...target);
  const reach = Math.min(0.4, t.distanceTo(eye) / 2);
  const hand = t.add(eye.clone().sub(t).normalize().multiplyScalar(reach)).sub(new Vector3(...xrOrigin));
  return [hand.x, hand.y, hand.z];
}

/** The right controller: aim its ray from the reaching hand, pull and release the trigger. */
export function controllerPlayer(page: Page): Player {
  const aim = async (hand: Vec3, target: Vec3) => {
    await setPose(page, 'right-controller', { position: hand, quaternion: aimAt(hand, target) });
    await nextFrames(page, 6);
  };
  const trigger = async (value: number) => {
    await setButton(page, 'trigger', value, 'right');
    await nextFrames(page, 6);
  };
  return {
    async press(id) {
      const target = await worldPosition(page, id);
      await aim(handNear(target), target);
      await trigger(1);
      await trigger(0);
    },
    async hold(id, ms) {
      const target = await worldPosition(page, id);
      await aim(handNear(target), target);
      await trigger(1);
      await page.waitForTimeout(ms);
      await trigger(0);
    },
    async slide(_id, from, to) {
      const hand = handNear(from);
      await aim(hand, from);
      await trigger(1);
      await aim(hand, to);
      await trigger(0);
    },
    async carry(id, to) {
      const from = await worldPosition(page, id);
      await aim(handNear(from), from);
      await trigger(1);
      // The hand carries the load over: the point it holds moves from the pick-up spot to the zone.
      const a = new Vector3(...from);
      const b = new Vector3(...to);
      for (let i = 1; i <= 5; i++) {
        const p = a.clone().lerp(b, i / 5);
        const at: Vec3 = [p.x, p.y, p.z];
        await aim(handNear(at), at);
      }
      await trigger(0);
    },
  };
}
