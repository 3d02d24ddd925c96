import type { Page } from 'playwright-core';
import { expect } from 'vitest';

type Vec3 = [number, number, number];
interface Point {
  x: number;
  y: number;
}

/** Radians the view turns per CSS pixel of drag (src/play/desktop-look.tsx's DRAG_SPEED). */
const TURN_PER_DRAG_PX = 0.005;
/** The longest drag made at once (CSS px); a longer turn is made in several drags. */
const MAX_DRAG_PX = 360;

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
    // A point behind the eyes still projects (mirrored through the view's centre), maybe onto the canvas.
    const bearing = await bearingOf(page, target);
    if (!bearing?.behind && (await reachesCanvas(page, p!))) return p!;
    // The drag that turns the view (yaw, then pitch, as desktop-look.tsx turns it) until the point lies
    // in the right half, below the overlay in the top left corner. Reckoned in angles from where the
    // eyes are and the way they look, not from the point's screen position: a point far to the side or
    // behind the trainee is off any screen estimate (the projection runs off to infinity at 90°).
    const drag = await page.evaluate(
      ({ t, perPx }) => {
        const probe = window.__werkvloer!;
        const { camera, size } = probe.three();
        const world = typeof t === 'string' ? probe.worldPosition(t) : t;
        if (!world) return null;
        const eye = probe.viewerPosition();
        const [x, y, z] = [world[0] - eye[0], world[1] - eye[1], world[2] - eye[2]];
        const yawTo = Math.atan2(-x, -z);
        const pitchTo = Math.atan2(y, Math.hypot(x, z));
        const e = camera.matrixWorld.elements;
        // The camera looks down its -z axis (the third column of its world matrix, negated).
        const [fx, fy, fz] = [-e[8]!, -e[9]!, -e[10]!];
        const yaw = Math.atan2(-fx, -fz);
        const pitch = Math.atan2(fy, Math.hypot(fx, fz));
        // Where on screen the point should land: 62 % across, 60 % down.
        const fov = 'fov' in camera ? ((camera as { fov: number }).fov * Math.PI) / 180 : Math.PI / 3;
        const focal = size.height / 2 / Math.tan(fov / 2);
        const right = Math.atan((size.width * 0.12) / focal);
        const below = Math.atan((size.height * 0.1) / focal);
        const wrap = (a: number) => Math.atan2(Math.sin(a), Math.cos(a));
        return { dx: wrap(yawTo + right - yaw) / perPx, dy: (pitchTo + below - pitch) / perPx };
      },
      { t: target, perPx: TURN_PER_DRAG_PX },
    );
    expect(drag, `${JSON.stringify(target)} is in the scene`).not.toBeNull();
    const { w, h } = await page.evaluate(() => ({ w: innerWidth, h: innerHeight }));
    // Dragging right turns the view left (desktop-look.tsx adds the drag to the yaw), dragging down looks up.
    const clamp = (v: number) => Math.max(-MAX_DRAG_PX, Math.min(MAX_DRAG_PX, v));
    const dx = clamp(drag!.dx);
    const dy = clamp(drag!.dy);
    // Drag the empty room at the bottom of the view (the machine's body).
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
