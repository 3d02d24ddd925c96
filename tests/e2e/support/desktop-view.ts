import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { nextFrames } from './emulator';

type Vec3 = [number, number, number];
interface Point {
  x: number;
  y: number;
}

/** Radians the view turns per CSS pixel of drag (src/play/desktop-look.tsx's DRAG_SPEED). */
const TURN_PER_DRAG_PX = 0.005;
/** The longest drag made at once (CSS px); a longer turn is made in several drags. */
const MAX_DRAG_PX = 360;

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
export async function revealOnScreen(page: Page, target: string | Vec3, partId?: string): Promise<Point> {
  // Mostly the point is in view already: found, checked and (for a part) refined in one round trip.
  const seen = await page.evaluate(seenOnScreen, { target, partId: partId ?? null });
  if (seen) return seen;
  for (let attempt = 0; attempt < 8; attempt++) {
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
    // Drag the empty room (at the bottom of the view, the machine's body): never a part, or the drag
    // would pick up or press it (the food line's trays lie there after they are put on the rack).
    const from = await emptyRoomPoint(page, w, h);
    await page.mouse.move(from.x, from.y);
    await page.mouse.down();
    await page.mouse.move(from.x + dx / 2, from.y + dy / 2, { steps: 3 });
    await page.mouse.move(from.x + dx, from.y + dy, { steps: 3 });
    await page.mouse.up();
    // The turned view drawn (the point is found on screen as the trainee sees it); frames may come only
    // when asked for (the frame gate, src/play/frame-gate.ts).
    await nextFrames(page, 2);
    const now = await page.evaluate(seenOnScreen, { target, partId: partId ?? null });
    if (now) return now;
  }
  throw new Error(`could not bring ${JSON.stringify(target)} into view`);
}

/**
 * In the page: once the overlay has its late parts (it grows once, after the first frame; a point
 * found free before may be covered by the time it is clicked), the screen point of the target if a
 * click there reaches the 3D view — in front of the eyes, on the canvas, not under the overlay — or
 * null. For a part whose centre another part covers (a scale above a button, seen from above), the
 * nearest pixel that shows the part, as a trainee taps the part of the button they see.
 * Self-contained: it runs in the page.
 */
function seenOnScreen({ target, partId }: { target: string | Vec3; partId: string | null }): Promise<Point | null> {
  return new Promise((resolve, reject) => {
    const giveUp = performance.now() + 60_000;
    const ready = () => !document.querySelector('.hud:not(.result)') || document.querySelector('[data-testid="settings"]') !== null;
    const look = () => {
      if (!ready()) {
        if (performance.now() > giveUp) return reject(new Error('the overlay never got its settings button'));
        return setTimeout(look, 4);
      }
      const probe = window.__werkvloer!;
      const world = typeof target === 'string' ? probe.worldPosition(target) : target;
      if (!world) return reject(new Error(`${JSON.stringify(target)} is in the scene: it is not`));
      const p = probe.screenPoint(world);
      if (!p) return resolve(null);
      const camera = probe.three().camera;
      camera.updateMatrixWorld();
      const m = camera.matrixWorldInverse.elements;
      // The camera looks down its own -z: a point at z >= 0 in the camera's space is behind the eyes
      // (it still projects, mirrored through the view's centre, maybe onto the canvas).
      if (m[2]! * world[0] + m[6]! * world[1] + m[10]! * world[2] + m[14]! >= -0.05) return resolve(null);
      const margin = 8;
      if (p.x < margin || p.y < margin || p.x > innerWidth - margin || p.y > innerHeight - margin) return resolve(null);
      if (document.elementFromPoint(p.x, p.y)?.tagName !== 'CANVAS') return resolve(null);
      if (partId === null) return resolve(p);
      const shows = (q: Point) => window.__werkvloerDriver!.partAt(q.x, q.y) === partId;
      if (shows(p)) return resolve(p);
      for (const r of [4, 8, 12, 16, 24]) {
        for (let k = 0; k < 8; k++) {
          const q = { x: p.x + r * Math.cos((k * Math.PI) / 4), y: p.y + r * Math.sin((k * Math.PI) / 4) };
          if (shows(q)) return resolve(q);
        }
      }
      resolve(p);
    };
    look();
  });
}

/** A point of the canvas where a press reaches no part: where a trainee grabs the room to turn the view. */
async function emptyRoomPoint(page: Page, w: number, h: number): Promise<Point> {
  const candidates = [[0.5, 0.97], [0.2, 0.97], [0.8, 0.97], [0.5, 0.8], [0.9, 0.6], [0.1, 0.8], [0.9, 0.3]].map(([fx, fy]) => ({ x: w * fx!, y: h * fy! }));
  for (const p of candidates) {
    if ((await reachesCanvas(page, p)) && (await page.evaluate(({ x, y }) => window.__werkvloerDriver!.partAt(x, y), p)) === null) return p;
  }
  throw new Error('no empty spot of the room to drag the view by: every candidate point is covered or shows a part');
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
