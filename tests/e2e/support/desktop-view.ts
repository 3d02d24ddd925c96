import type { Page } from 'playwright-core';
import { expect } from 'vitest';

type Vec3 = [number, number, number];
interface Point {
  x: number;
  y: number;
}

/** About how far (CSS px) a point moves on screen per pixel of drag (src/play/desktop-look.tsx). */
const SHIFT_PER_DRAG_PX = 2.5;

/** Radians the view turns per CSS pixel of drag (src/play/desktop-look.tsx's DRAG_SPEED). */
const TURN_PER_DRAG_PX = 0.005;

const screenOf = (page: Page, target: string | Vec3) =>
  page.evaluate((t) => (typeof t === 'string' ? window.__werkvloer!.screenPosition(t) : window.__werkvloer!.screenPoint(t)), target);

/**
 * Whether the target lies behind the view, and how far (radians about the vertical axis) the view
 * must turn to face it. A point behind the camera still projects to a screen point (mirrored through
 * the view's centre), which may land on the canvas: clicking there clicks something else.
 */
const bearingOf = (page: Page, target: string | Vec3) =>
  page.evaluate((t) => {
    const probe = window.__werkvloer!;
    const world = typeof t === 'string' ? probe.worldPosition(t) : t;
    if (!world) return null;
    const camera = probe.three().camera;
    camera.updateMatrixWorld();
    const m = camera.matrixWorldInverse.elements;
    // The camera looks down its own -z: a point at z >= 0 in the camera's space is behind the eyes.
    const zCam = m[2]! * world[0] + m[6]! * world[1] + m[10]! * world[2] + m[14]!;
    const eye = probe.viewerPosition();
    const heading = probe.viewerHeading();
    const toTarget = Math.atan2(-(world[0] - eye[0]), -(world[2] - eye[2]));
    const turn = Math.atan2(Math.sin(toTarget - heading), Math.cos(toTarget - heading));
    return { behind: zCam >= -0.05, turn };
  }, target);

/** Whether a click at this point reaches the 3D view (not the overlay, not off screen). */
const reachesCanvas = (page: Page, p: Point) =>
  page.evaluate(({ x, y }) => {
    const margin = 8;
    if (x < margin || y < margin || x > innerWidth - margin || y > innerHeight - margin) return false;
    return document.elementFromPoint(x, y)?.tagName === 'CANVAS';
  }, p);

/**
 * Where to point the mouse at an object or a point in the room. When the overlay covers it or it is
 * off screen, the trainee's move is made: drag the empty room (at the bottom of the view, the
 * machine's body) to turn the view until it can be clicked.
 */
export async function revealOnScreen(page: Page, target: string | Vec3): Promise<Point> {
  // The overlay grows once, when its late parts (picture, settings, repeat) arrive after the first
  // frame: wait for that, or a point found free now may be covered by the time it is clicked.
  await page.waitForFunction(() => !document.querySelector('.hud:not(.result)') || document.querySelector('[data-testid="settings"]') !== null, undefined, { timeout: 60_000 });
  for (let attempt = 0; attempt < 8; attempt++) {
    const p = await screenOf(page, target);
    expect(p, `${JSON.stringify(target)} is in the scene`).not.toBeNull();
    const bearing = await bearingOf(page, target);
    const { w, h } = await page.evaluate(() => ({ w: innerWidth, h: innerHeight }));
    if (bearing?.behind) {
      // Behind the trainee (the next task is on the other side of the U): turn round toward it, as a
      // trainee drags the room round, by at most 0.4 of the window's width per drag.
      const limit = w * 0.4;
      const dx = Math.max(-limit, Math.min(limit, bearing.turn / TURN_PER_DRAG_PX));
      const from = { x: w * 0.5, y: h * 0.97 };
      await page.mouse.move(from.x, from.y);
      await page.mouse.down();
      await page.mouse.move(from.x + dx / 2, from.y, { steps: 3 });
      await page.mouse.move(from.x + dx, from.y, { steps: 3 });
      await page.mouse.up();
      await page.waitForTimeout(50);
      continue;
    }
    if (await reachesCanvas(page, p!)) return p!;
    // Aim for the right half, below the overlay in the top left corner.
    const dx = (w * 0.62 - p!.x) / SHIFT_PER_DRAG_PX;
    const dy = (h * 0.6 - p!.y) / SHIFT_PER_DRAG_PX;
    const from = { x: w * 0.5, y: h * 0.97 };
    await page.mouse.move(from.x, from.y);
    await page.mouse.down();
    await page.mouse.move(from.x + dx / 2, from.y + dy / 2, { steps: 3 });
    await page.mouse.move(from.x + dx, from.y + dy, { steps: 3 });
    await page.mouse.up();
    await page.waitForTimeout(50);
  }
  throw new Error(`could not bring ${JSON.stringify(target)} into view`);
}

/** A press with the mouse (down, then up) on an object, a card (`object:card`) or a point in the room. */
export async function clickOn(page: Page, target: string | Vec3): Promise<void> {
  const p = await revealOnScreen(page, target);
  await page.mouse.move(p.x, p.y);
  await page.mouse.down();
  await page.mouse.up();
}

/** Keeps the mouse pressed on an object for `ms` (a hold step: washing, pushing the carriage). */
export async function holdOn(page: Page, target: string, ms: number): Promise<void> {
  const p = await revealOnScreen(page, target);
  await page.mouse.move(p.x, p.y);
  await page.mouse.down();
  await page.waitForTimeout(ms);
  await page.mouse.up();
}

/** The room position of a value on a horizontal scale (a ValueControl) centred on an object. */
export async function pointOnScale(page: Page, object: string, scale: { min: number; max: number; length: number }, value: number): Promise<Vec3> {
  const c = await page.evaluate((id) => window.__werkvloer!.worldPosition(id), object);
  expect(c, `${object} is in the scene`).not.toBeNull();
  return [c![0] + ((value - scale.min) / (scale.max - scale.min) - 0.5) * scale.length, c![1], c![2]];
}
