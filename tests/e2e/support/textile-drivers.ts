import type { Page } from 'playwright-core';
import { Vector3 } from 'three';
import { expect } from 'vitest';
import { aimAt, restingRightHand, xrOrigin } from './aim';
import { clickOn, holdOn, revealOnScreen } from './desktop-view';
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
  // What station.tsx places comes a few frames after the station's first frame (its kit parts at once).
  await page.waitForFunction((objectId) => window.__werkvloer?.worldPosition(objectId) != null, id, { timeout: 30_000 }).catch(() => undefined);
  const at = await page.evaluate((objectId) => window.__werkvloer!.worldPosition(objectId), id);
  expect(at, `${id} is in the scene`).not.toBeNull();
  return at!;
}

export async function screenPosition(page: Page, id: string): Promise<{ x: number; y: number }> {
  await page.waitForFunction((objectId) => window.__werkvloer?.screenPosition(objectId) != null, id, { timeout: 30_000 }).catch(() => undefined);
  const at = await page.evaluate((objectId) => window.__werkvloer!.screenPosition(objectId), id);
  expect(at, `${id} is on screen`).not.toBeNull();
  return at!;
}

/** The screen point of a room position through the app's live camera (after any turn of the view). */
async function screenPoint(page: Page, p: Vec3): Promise<{ x: number; y: number }> {
  const at = await page.evaluate((q) => window.__werkvloer!.screenPoint(q), [...p] as [number, number, number]);
  expect(at, `${p.join(', ')} projects to the screen`).not.toBeNull();
  return at!;
}

/** The mouse, as a trainee uses it: what the overlay covers is first brought into view (desktop-view.ts). */
export function mousePlayer(page: Page): Player {
  const drag = async (a: { x: number; y: number }, to: Vec3, steps: number) => {
    await page.mouse.move(a.x, a.y);
    await page.mouse.down();
    const b = await screenPoint(page, to);
    await page.mouse.move(b.x, b.y, { steps });
    await page.mouse.up();
  };
  return {
    press: (id) => clickOn(page, id),
    hold: (id, ms) => holdOn(page, id, ms),
    async slide(_id, from, to) {
      await drag(await revealOnScreen(page, [...from] as [number, number, number]), to, 8);
    },
    async carry(id, to) {
      await drag(await revealOnScreen(page, id), to, 10);
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
  // Something held up before the eyes (an inspected part) is pointed at from the resting hand: the
  // controller's ray ignores what is closer than 0.2 m (@react-three/xr's minDistance), so a hand
  // pushed up to it would miss it and the trigger would teleport instead.
  if (t.distanceTo(eye) < 0.6) return [...restingRightHand];
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
