import type { Page } from 'playwright-core';
import { Euler, PerspectiveCamera, Vector3 } from 'three';
import { expect } from 'vitest';
import layout from '../../../scenes/food/hygiene-sluice-line-be/layout.json';
import { aimAt, restingRightHand } from './aim';
import { nextFrames, setButton, setPose } from './emulator';

type V3 = [number, number, number];
export type ValueObject = 'temp-chicken' | 'temp-mince' | 'portion';
export type Zone = 'crate-mince' | 'reject-bin' | 'line-infeed';

// The scales and drop zones where the station's layout.json puts them (the NL variant extends it).
type Placed = { part: string; object?: string; zone?: string; position: number[]; rotation?: number[]; min?: number; max?: number; length?: number; size?: number[] };
const placed = layout.parts as Placed[];
const valueControls = Object.fromEntries(
  placed.filter((p) => p.part === 'slider').map((p) => [p.object!, { position: p.position as V3, rotation: (p.rotation ?? [0, 0, 0]) as V3, min: p.min!, max: p.max!, length: p.length! }]),
) as Record<ValueObject, { position: V3; rotation: V3; min: number; max: number; length: number }>;
const zones = Object.fromEntries(placed.filter((p) => p.part === 'drop-zone').map((p) => [p.zone!, { position: p.position as V3 }])) as Record<Zone, { position: V3 }>;

/** The desktop camera of src/play/station-canvas.tsx and the arrow-key step of src/play/desktop-look.tsx. */
const eye = new Vector3(0, 1.6, 0.25);
const KEY_STEP = Math.PI / 24;
const MAX_PITCH = 1.2;

/** Where on its scale a value sits, in world space (the scale runs along the control's local x). */
export function valueWorldPoint(id: ValueObject, value: number): V3 {
  const c = valueControls[id];
  const offset = ((value - c.min) / (c.max - c.min) - 0.5) * c.length;
  const axis = new Vector3(1, 0, 0).applyEuler(new Euler(...c.rotation));
  return new Vector3(...c.position).addScaledVector(axis, offset).toArray() as V3;
}

async function worldOf(page: Page, id: string): Promise<V3> {
  // What station.tsx places (the jewellery, the OK buttons) comes a few frames after the station's first frame.
  await page.waitForFunction((objectId) => window.__werkvloer?.worldPosition(objectId) != null, id, { timeout: 30_000 }).catch(() => undefined);
  const at = await page.evaluate((objectId) => window.__werkvloer!.worldPosition(objectId), id);
  expect(at, `${id} exists`).not.toBeNull();
  return at!;
}

/**
 * A trainee at the computer: mouse only, plus the arrow keys to turn toward the sluice on the left
 * or the packing table on the right (the camera turns, it never moves). Screen points of places
 * that are not objects (a spot on a scale, a bin) come from the same camera the app builds.
 */
export class DesktopTrainee {
  private yaw = 0;
  private pitch = 0;
  constructor(private readonly page: Page) {}

  private async canvasRect() {
    return this.page.evaluate(() => {
      const r = document.querySelector('canvas')!.getBoundingClientRect();
      return { left: r.left, top: r.top, width: r.width, height: r.height };
    });
  }

  private project(world: V3, rect: { left: number; top: number; width: number; height: number }, yaw: number, pitch: number) {
    const camera = new PerspectiveCamera(60, rect.width / rect.height, 0.05, 50);
    camera.position.copy(eye);
    camera.lookAt(0, 1.05, -0.6);
    const view = new Euler().setFromQuaternion(camera.quaternion, 'YXZ');
    view.y += yaw * KEY_STEP;
    view.x = Math.max(-MAX_PITCH, Math.min(MAX_PITCH, view.x + pitch * KEY_STEP));
    view.z = 0;
    camera.quaternion.setFromEuler(view);
    camera.updateMatrixWorld();
    const p = new Vector3(...world).project(camera);
    return { x: rect.left + ((p.x + 1) / 2) * rect.width, y: rect.top + ((1 - p.y) / 2) * rect.height, inFront: p.z < 1 };
  }

  /**
   * Turns the view with the arrow keys until `world` is drawn in the lower right of the screen:
   * the instruction overlay covers the upper left, and a trainee clicks what they can see.
   */
  async face(world: V3): Promise<void> {
    const rect = await this.canvasRect();
    const goal = { x: rect.left + rect.width * 0.72, y: rect.top + rect.height * 0.72 };
    let best = { yaw: this.yaw, pitch: this.pitch, d: Infinity };
    for (let yaw = -14; yaw <= 14; yaw++) {
      for (let pitch = -4; pitch <= 6; pitch++) {
        const p = this.project(world, rect, yaw, pitch);
        const d = Math.hypot(p.x - goal.x, p.y - goal.y);
        if (p.inFront && d < best.d) best = { yaw, pitch, d };
      }
    }
    while (this.yaw !== best.yaw) {
      const left = best.yaw > this.yaw;
      await this.page.keyboard.press(left ? 'ArrowLeft' : 'ArrowRight');
      this.yaw += left ? 1 : -1;
    }
    while (this.pitch !== best.pitch) {
      const up = best.pitch > this.pitch;
      await this.page.keyboard.press(up ? 'ArrowUp' : 'ArrowDown');
      this.pitch += up ? 1 : -1;
    }
    await nextFrames(this.page, 2);
  }

  /** The CSS pixel where a world point is drawn, with the app's camera turned as we turned it. */
  async screenOf(world: V3): Promise<{ x: number; y: number }> {
    const p = this.project(world, await this.canvasRect(), this.yaw, this.pitch);
    return { x: p.x, y: p.y };
  }

  /** The screen position of an object, after turning toward it; it must be inside the view. */
  async find(id: string): Promise<{ x: number; y: number }> {
    await this.face(await worldOf(this.page, id));
    const at = await this.page.evaluate((objectId) => window.__werkvloer!.screenPosition(objectId), id);
    const size = this.page.viewportSize()!;
    expect(at, `${id} on screen`).not.toBeNull();
    expect(at!.x > 0 && at!.x < size.width && at!.y > 0 && at!.y < size.height, `${id} inside the view at ${JSON.stringify(at)}`).toBe(true);
    return at!;
  }

  /** Mouse down and up on an object (a press, a card, a worn item, a grab on the spot). */
  async press(id: string): Promise<void> {
    const at = await this.find(id);
    await this.page.mouse.move(at.x, at.y);
    await this.page.mouse.down();
    await this.page.mouse.up();
  }

  /** Keeps the mouse button down on an object for `ms` (washing, disinfecting, wiping). */
  async hold(id: string, ms: number): Promise<void> {
    const at = await this.find(id);
    await this.page.mouse.move(at.x, at.y);
    await this.page.mouse.down();
    // The step is the duration itself: the trainee keeps rubbing this long, nothing to wait on.
    await this.page.waitForTimeout(ms);
    await this.page.mouse.up();
  }

  /** Points at the value on the scale and lets go: the control sends `set` with that value. */
  async set(id: ValueObject, value: number): Promise<void> {
    await this.face(valueControls[id].position);
    // Our camera must agree with the app's: the scale's centre lands where the probe says it is.
    const centre = await this.screenOf(valueControls[id].position);
    const probe = await this.page.evaluate((objectId) => window.__werkvloer!.screenPosition(objectId), id);
    expect(Math.hypot(centre.x - probe!.x, centre.y - probe!.y), `${id}: camera model agrees with the app`).toBeLessThan(0.5);
    const at = await this.screenOf(valueWorldPoint(id, value));
    await this.page.mouse.move(at.x, at.y);
    await this.page.mouse.down();
    await this.page.mouse.up();
  }

  /** Drags an object to a drop zone in small mouse moves, and lets go there. */
  async carry(id: string, zone: Zone): Promise<void> {
    const from = await this.find(id);
    await this.page.mouse.move(from.x, from.y);
    await this.page.mouse.down();
    const to = await this.screenOf(zones[zone].position);
    await this.page.mouse.move(to.x, to.y, { steps: 8 });
    await nextFrames(this.page, 2);
    await this.page.mouse.up();
  }
}

/** A trainee in the headset with the right controller: aim the ray, pull the trigger, let go. */
export class ControllerTrainee {
  constructor(private readonly page: Page) {}

  private async aim(world: V3): Promise<void> {
    await setPose(this.page, 'right-controller', { position: restingRightHand, quaternion: aimAt(restingRightHand, world) });
    await nextFrames(this.page, 4);
  }

  private async trigger(value: 0 | 1): Promise<void> {
    await setButton(this.page, 'trigger', value);
    await nextFrames(this.page, 4);
  }

  async press(id: string): Promise<void> {
    await this.aim(await worldOf(this.page, id));
    await this.trigger(1);
    await this.trigger(0);
  }

  async hold(id: string, ms: number): Promise<void> {
    await this.aim(await worldOf(this.page, id));
    await this.trigger(1);
    // The hold is the step: the trainee keeps the trigger pulled this long.
    await this.page.waitForTimeout(ms);
    await this.trigger(0);
  }

  async set(id: ValueObject, value: number): Promise<void> {
    await this.aim(valueWorldPoint(id, value));
    await this.trigger(1);
    await this.trigger(0);
  }

  async carry(id: string, zone: Zone): Promise<void> {
    const from = await worldOf(this.page, id);
    await this.aim(from);
    await this.trigger(1);
    // Swing the ray over to the zone in a few steps, as an arm would.
    const to = zones[zone].position;
    for (const f of [0.25, 0.5, 0.75, 1]) await this.aim([from[0] + (to[0] - from[0]) * f, from[1] + (to[1] - from[1]) * f, from[2] + (to[2] - from[2]) * f]);
    await this.trigger(0);
  }
}

