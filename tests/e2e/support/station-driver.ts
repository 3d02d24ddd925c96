import type { CDPSession, Page } from 'playwright-core';
import { Vector3 } from 'three';
import { expect } from 'vitest';
import { aimAt, restingLeftHand, restingRightHand, seatedXrOrigin, xrOrigin } from './aim';
import { revealOnScreen } from './desktop-view';
import { nextFrames, setButton, setPinch, setPose, type Side } from './emulator';
import { nextMove, type Move, type Part, type PathEvent } from './path-plan';
import type { PhaseTimes } from './phase-times';

type Vec3 = [number, number, number];
interface Point {
  x: number;
  y: number;
}

/** How the trainee plays: the mouse or a finger on a screen, a controller or a tracked hand in either hand, standing or seated. */
export type Way = { kind: 'mouse' } | { kind: 'touch' } | { kind: 'controller'; hand: Side; seated?: boolean } | { kind: 'hand'; hand: Side; seated?: boolean };

/** The device the session records for a way of playing. */
export const deviceOf = (way: Way) => ({ mouse: 'desktop', touch: 'touch', controller: 'vr-controller', hand: 'vr-hand' })[way.kind];

/**
 * One trainee's hands on the station, whatever the device: point at a world point and press, keep
 * pressing, move while pressed, let go. Poses and screen points come from where the world placed
 * each part (the render probe), never from station constants.
 */
interface Hands {
  /**
   * Points at a world point (turning the desktop view if needed) without pressing; with `partId`, a
   * VR ray is not pressed before it really hits that part.
   */
  point(world: Vec3, partId?: string): Promise<void>;
  down(): Promise<void>;
  /** Moves while pressed so the held thing comes to `world` (a carried part, a knob). */
  moveHeld(world: Vec3, partId?: string): Promise<void>;
  up(): Promise<void>;
  /**
   * Presses and lets go at a point in a part's own space (its origin: a button, a card; a place on a
   * scale), after letting `waitMs` of the path's time pass (the test clock; zero on screens, whose
   * driver lets it pass before).
   */
  tap(partId: string, local: Vec3, waitMs: number): Promise<void>;
  /** In a headset: takes the part, carries it onto the zone's centre and lets go, in one round trip. */
  carry?(partId: string, zoneId: string, waitMs: number): Promise<void>;
  /** Brings the hand (or the desktop pointer) into a danger area, or takes it out again. */
  reach(world: Vec3 | null): Promise<void>;
}

/** World points of points in a part's own space (null entries: the part is not placed now). */
async function partPoints(page: Page, id: string, local: Vec3[]): Promise<Vec3[] | null> {
  return page.evaluate(({ id, local }) => window.__werkvloerDriver!.partPoints(id, local), { id, local });
}

/** Where to aim at a part: its origin, which every kit part's hit box is centred on. */
async function partAim(page: Page, part: Part): Promise<Vec3> {
  const at = await partPoints(page, part.id, [[0, 0, 0]]);
  expect(at, `${part.id} is placed`).not.toBeNull();
  return at![0]!;
}

/** Where the trainee's eyes are (world). */
const eyes = (page: Page) => page.evaluate(() => window.__werkvloer!.viewerPosition());

/** Screen-based hands: the mouse, or one finger through Chrome's touch events. */
function screenHands(page: Page, touch: boolean): Hands {
  let at: Point = { x: 0, y: 0 };
  let cdp: CDPSession | null = null;
  const finger = async (type: 'touchStart' | 'touchMove' | 'touchEnd', p: Point) => {
    cdp ??= await page.context().newCDPSession(page);
    await cdp.send('Input.dispatchTouchEvent', { type, touchPoints: type === 'touchEnd' ? [] : [{ x: p.x, y: p.y, id: 1 }] });
  };
  const screenOf = async (world: Vec3) => {
    const p = await page.evaluate((w) => window.__werkvloer!.screenPoint(w), world);
    return p;
  };
  let pressed = false;
  return {
    async point(world, partId) {
      at = await revealOnScreen(page, world, partId);
      if (!touch) await page.mouse.move(at.x, at.y);
      // A frame before the press, as a hand takes: the scene drawn after the last step (a click is aimed
      // at the world as last drawn) and the part's hover on. Frames come only when asked (the frame gate).
      await nextFrames(page, 1);
    },
    async down() {
      pressed = true;
      if (touch) await finger('touchStart', at);
      else await page.mouse.down();
      // Two frames after a press and after a release, as before: dropping them saved little under
      // load and was not shown safe for parts that act per frame (a drag's view, a carried part).
      await nextFrames(page, 2);
    },
    async moveHeld(world) {
      const to = await screenOf(world);
      const from = at;
      for (let i = 1; i <= 6; i++) {
        const p = { x: from.x + ((to.x - from.x) * i) / 6, y: from.y + ((to.y - from.y) * i) / 6 };
        if (touch) await finger('touchMove', p);
        else await page.mouse.move(p.x, p.y);
      }
      at = to;
      await nextFrames(page, 2);
    },
    async up() {
      if (!pressed) return;
      pressed = false;
      if (touch) await finger('touchEnd', at);
      else await page.mouse.up();
      await nextFrames(page, 2);
    },
    async tap(partId, local) {
      const world = (await partPoints(page, partId, [local]))?.[0];
      expect(world, `${partId} is placed`).toBeTruthy();
      await this.point(world!, partId);
      await this.down();
      await this.up();
    },
    async reach(world) {
      // On a screen the pointer over a danger area is the hand in it (src/world/hazard-zone.tsx).
      if (world) {
        at = await revealOnScreen(page, world);
        if (touch) await finger('touchStart', at);
        else await page.mouse.move(at.x, at.y, { steps: 4 });
      } else if (touch) await finger('touchEnd', at);
      else await page.mouse.move(4, 4, { steps: 4 });
      await nextFrames(page, 3);
    },
  };
}

const eyeHeight = 1.6;

/**
 * The hand reaches toward what it works on, as a trainee leans over the table: the ray starts 0.4 m
 * before the target on the line to the eyes, so other parts on the way do not catch it. Something
 * held before the eyes (an inspected part) is pointed at from the resting hand: the controller ray
 * ignores the nearest 0.2 m (@react-three/xr's minDistance).
 */
function handNear(target: Vec3, rest: readonly [number, number, number], origin: readonly [number, number, number], short = 0.4): Vec3 {
  const eye = new Vector3(origin[0], eyeHeight, origin[2]);
  const t = new Vector3(...target);
  if (t.distanceTo(eye) < 0.6) return [...rest];
  const reach = Math.min(short, t.distanceTo(eye) / 2);
  const hand = t.add(eye.clone().sub(t).normalize().multiplyScalar(reach)).sub(new Vector3(...origin));
  return [hand.x, hand.y, hand.z];
}

/** The hand (world) whose ray is meant, the part it must hit and whether its trigger must be down (null: either). */
type RayQuery = { hand: Vec3; partId: string | null; pressed: boolean | null };

/**
 * Waits until the controller's ray (the pmndrs pointer whose ray starts nearest the hand) hits the
 * part and its trigger is seen pressed or let go: right after entering VR the emulated controller is
 * tracked a few frames before its ray intersects anything, and a trigger pulled then is lost; a
 * trigger let go before a frame saw it pressed was never pressed. Conditions, checked every frame,
 * never a fixed count of frames. A ray that keeps hitting something else is a real failure and says
 * what it hits.
 */
async function rayState(page: Page, query: RayQuery, what: string): Promise<void> {
  try {
    await page.waitForFunction(
      (q) => {
        const d = (o: number[]) => Math.hypot(o[0]! - q.hand[0], o[1]! - q.hand[1], o[2]! - q.hand[2]);
        const ray = window.__werkvloerDriver!.rayPointers().sort((a, b) => d(a.origin) - d(b.origin))[0];
        const ok = ray !== undefined && (q.partId === null || ray.hits === q.partId) && (q.pressed === null || ray.down === q.pressed);
        // The rays move with frames: while not there yet, ask for the next (the frame gate).
        if (!ok) window.__werkvloerDriver!.requestFrames(1);
        return ok;
      },
      query,
      { timeout: 15_000 },
    );
  } catch {
    const now = await page.evaluate((q) => {
      const d = (o: number[]) => Math.hypot(o[0]! - q.hand[0], o[1]! - q.hand[1], o[2]! - q.hand[2]);
      return window.__werkvloerDriver!.rayPointers().sort((a, b) => d(a.origin) - d(b.origin))[0] ?? null;
    }, query);
    throw new Error(`the controller's ray ${what}: it hits ${now?.hits ?? 'nothing'}, its trigger is ${now?.down ? 'pressed' : 'let go'}`);
  }
}

/**
 * In the page, in one round trip: lets the path's time pass (the test clock, two frames, the parts
 * that come with it), finds where the part is, poses the controller or hand as handNear and aimAt
 * would, waits until its ray hits the part, presses and waits until the ray is seen pressed; for a
 * carry swings over to the zone in four steps and steers the held part onto its centre (moveHeld);
 * then lets go and waits until the ray is seen let go — the conditions of rayState, checked as the
 * frames come. Self-contained: it runs in the page, so the vector sums are written out.
 */
async function xrMoveInPage(a: { side: Side; kind: 'controller' | 'hand'; partId: string; local: Vec3; zoneId: string | null; waitMs: number; origin: Vec3; rest: Vec3; short: number; eyeHeight: number }): Promise<{ world: Vec3; handAt: Vec3 }> {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const device = window.__werkvloerEmulator as any;
  const node = a.kind === 'hand' ? device.hands[a.side] : device.controllers[a.side];
  const driver = window.__werkvloerDriver!;
  const frames = () => window.__werkvloer?.counts.frames ?? 0;
  let handAt: Vec3 = [a.rest[0] + a.origin[0], a.rest[1] + a.origin[1], a.rest[2] + a.origin[2]];
  const ray = () => {
    const d = (o: number[]) => Math.hypot(o[0]! - handAt[0], o[1]! - handAt[1], o[2]! - handAt[2]);
    return driver.rayPointers().sort((x, y) => d(x.origin) - d(y.origin))[0];
  };
  const until = (ok: () => boolean, what: () => string) =>
    new Promise<void>((resolve, reject) => {
      const giveUp = performance.now() + 20_000;
      const check = () => {
        if (ok()) return resolve();
        if (performance.now() > giveUp) return reject(new Error(what()));
        // What is waited for comes with frames: ask for the next (the frame gate, src/play/frame-gate.ts).
        driver.requestFrames(1);
        setTimeout(check, 4);
      };
      check();
    });
  const nextFrames = (n: number) => {
    const target = frames() + n;
    driver.requestFrames(n);
    return until(() => frames() >= target, () => 'no frames drawn');
  };
  const rayFails = (what: string) => () => {
    const now = ray();
    return `the controller's ray ${what}: it hits ${now?.hits ?? 'nothing'}, its trigger is ${now?.down ? 'pressed' : 'let go'}`;
  };
  const pointOf = (id: string, local: Vec3) => {
    const at = driver.partPoints(id, [local])?.[0] as Vec3 | undefined;
    if (!at) throw new Error(`${id} is placed: it is not`);
    return at;
  };
  // handNear: the hand 0.4 m (a tracked hand 0.6 m) before the target on the line to the eyes, or at
  // rest for what is held before the eyes; aimAt: the turn from the controller's pointing direction
  // (-z) to the target (three's setFromUnitVectors).
  const aim = (target: Vec3, pointAt: Vec3 = target) => {
    const eye = [a.origin[0], a.eyeHeight, a.origin[2]];
    const toEye = [eye[0]! - target[0], eye[1]! - target[1], eye[2]! - target[2]];
    const eyeDistance = Math.hypot(toEye[0]!, toEye[1]!, toEye[2]!);
    let hand: Vec3 = [...a.rest];
    if (eyeDistance >= 0.6) {
      const reach = Math.min(a.short, eyeDistance / 2) / eyeDistance;
      hand = [target[0] + toEye[0]! * reach - a.origin[0], target[1] + toEye[1]! * reach - a.origin[1], target[2] + toEye[2]! * reach - a.origin[2]];
    }
    handAt = [hand[0] + a.origin[0], hand[1] + a.origin[1], hand[2] + a.origin[2]];
    const dir = [pointAt[0] - handAt[0], pointAt[1] - handAt[1], pointAt[2] - handAt[2]];
    const len = Math.hypot(dir[0]!, dir[1]!, dir[2]!);
    const [dx, dy, dz] = [dir[0]! / len, dir[1]! / len, dir[2]! / len];
    const r = 1 - dz;
    const q = r < 1e-8 ? [0, 1, 0, 0] : [dy, -dx, 0, r];
    const ql = Math.hypot(q[0]!, q[1]!, q[2]!, q[3]!);
    node.position.set(...hand);
    node.quaternion.set(q[0]! / ql, q[1]! / ql, q[2]! / ql, q[3]! / ql);
  };
  const squeeze = (v: 0 | 1) => (a.kind === 'hand' ? node.updatePinchValue(v) : node.updateButtonValue('trigger', v));

  if (a.waitMs > 0) {
    // The test build's clock skips the time; another build (the bench's production one) lives it.
    if (window.__werkvloerClock) window.__werkvloerClock.advance(a.waitMs);
    else await new Promise((r) => setTimeout(r, a.waitMs));
    await nextFrames(2);
  }
  // A part that came with this step may show its look before its handling code has mounted.
  await until(() => driver.suspended() === 0, () => `parts still loading before ${a.partId}`);
  const world = pointOf(a.partId, a.local);
  aim(world);
  await until(() => ray()?.hits === a.partId, rayFails(`hits ${a.partId}`));
  // A frame on the part before the trigger, and one pressed before letting go, as a hand takes: the
  // part's hover (it grows) and a press's travel change what the ray meets; pressing in the first
  // frame that hit let the emergency stop's press slip off its mushroom.
  await nextFrames(1);
  await until(() => ray()?.hits === a.partId, rayFails(`stays on ${a.partId}`));
  squeeze(1);
  await until(() => ray()?.down === true, rayFails(`is pressed on ${a.partId}`));
  await nextFrames(1);
  let last = world;
  if (a.zoneId) {
    // Swing over in steps, as an arm would (the next frame samples the pose, the one after has
    // dispatched the pointer's move); then steer by where the held part really is (the ray starts a
    // little off the controller's position).
    const goal = pointOf(a.zoneId, [0, 0, 0]);
    for (let i = 1; i <= 4; i++) {
      const p: Vec3 = [world[0] + ((goal[0] - world[0]) * i) / 4, world[1] + ((goal[1] - world[1]) * i) / 4, world[2] + ((goal[2] - world[2]) * i) / 4];
      aim(p);
      await nextFrames(2);
    }
    const steer: Vec3 = [...goal];
    for (let i = 0; i < 4; i++) {
      const now = driver.partPoints(a.partId, [[0, 0, 0]])?.[0];
      if (!now) break;
      const error = [goal[0] - now[0], goal[1] - now[1], goal[2] - now[2]];
      if (Math.hypot(error[0]!, error[1]!, error[2]!) < 0.03) break;
      steer[0] += error[0]!;
      steer[1] += error[1]!;
      steer[2] += error[2]!;
      aim(goal, steer);
      await nextFrames(2);
    }
    last = goal;
  }
  squeeze(0);
  await until(() => ray()?.down === false, rayFails('is let go'));
  return { world: last, handAt };
}

/**
 * A controller (trigger) or a tracked hand (pinch) in the emulated headset, either side. Seated, the
 * app lifts the origin: the same reach in the room is a lower pose in the headset's own space.
 */
function xrHands(page: Page, kind: 'controller' | 'hand', side: Side, seated: boolean): Hands {
  const origin = seated ? seatedXrOrigin : xrOrigin;
  const standingRest = side === 'left' ? restingLeftHand : restingRightHand;
  // The hand rests where it would standing (by the hip, in the room), so lower in the lifted origin.
  const rest: Vec3 = [standingRest[0], standingRest[1] + xrOrigin[1] - origin[1], standingRest[2]];
  const target = `${side}-${kind}` as const;
  let aimPoint: Vec3 = [0, 1, -1];
  // A tracked hand points from further back: its fingertip (a poke pointer ~0.2 m ahead of the
  // wrist) would otherwise touch what lies before the target and take over from the ray.
  const near = (at: Vec3) => handNear(at, rest, origin, kind === 'hand' ? 0.6 : 0.4);
  const inRoom = (local: Vec3): Vec3 => [local[0] + origin[0], local[1] + origin[1], local[2] + origin[2]];
  let handAt: Vec3 = inRoom(rest);
  let aimedAt: string | null = null;
  const aim = async (hand: Vec3, at: Vec3) => {
    await setPose(page, target, { position: hand, quaternion: aimAt(hand, at, origin) });
    handAt = inRoom(hand);
    // The next frame samples the pose; the one after has dispatched the pointer's move.
    await nextFrames(page, 2);
  };
  const squeeze = async (v: 0 | 1) => {
    if (kind === 'hand') await setPinch(page, v, side);
    else await setButton(page, 'trigger', v, side);
    // Pressed (or let go) once the ray pointer of that controller or hand says so: then the part has
    // had its down (or up). A pinch let go is seen a few frames later than a trigger.
    await rayState(page, { hand: handAt, partId: null, pressed: v === 1 }, v === 1 ? `is pressed on ${aimedAt ?? 'its target'}` : 'is let go');
  };
  return {
    async point(world, partId) {
      aimPoint = world;
      aimedAt = partId ?? null;
      const hand = near(world);
      if (partId) {
        await setPose(page, target, { position: hand, quaternion: aimAt(hand, world, origin) });
        handAt = inRoom(hand);
        await rayState(page, { hand: handAt, partId, pressed: null }, `hits ${partId}`);
      } else await aim(hand, world);
    },
    down: () => squeeze(1),
    async moveHeld(world, partId) {
      // Swing over in steps, as an arm would; then steer by where the held part really is (the ray
      // starts a little off the controller's position).
      const from = new Vector3(...aimPoint);
      const to = new Vector3(...world);
      for (let i = 1; i <= 4; i++) {
        const p = from.clone().lerp(to, i / 4).toArray() as Vec3;
        await aim(near(p), p);
      }
      if (!partId) return;
      const goal = to.clone();
      const steer = to.clone();
      for (let i = 0; i < 4; i++) {
        const now = (await partPoints(page, partId, [[0, 0, 0]]))?.[0];
        if (!now) break;
        const error = goal.clone().sub(new Vector3(...now));
        if (error.length() < 0.03) break;
        steer.add(error);
        await aim(near(goal.toArray() as Vec3), steer.toArray() as Vec3);
      }
    },
    up: () => squeeze(0),
    async tap(partId, local, waitMs) {
      // The time passing, finding the part, aiming, pressing and letting go in one round trip: each
      // round trip to the page costs about two XR frames, and a press made of eight of them spent
      // most of its time waiting for the page.
      aimedAt = partId;
      const done = await page.evaluate(xrMoveInPage, { side, kind, partId, local, zoneId: null, waitMs, origin: [...origin] as Vec3, rest, short: kind === 'hand' ? 0.6 : 0.4, eyeHeight });
      aimPoint = done.world;
      handAt = done.handAt;
    },
    async carry(partId, zoneId, waitMs) {
      aimedAt = partId;
      const done = await page.evaluate(xrMoveInPage, { side, kind, partId, local: [0, 0, 0] as Vec3, zoneId, waitMs, origin: [...origin] as Vec3, rest, short: kind === 'hand' ? 0.6 : 0.4, eyeHeight });
      aimPoint = done.world;
      handAt = done.handAt;
    },
    async reach(world) {
      // The controller's grip (or the hand's fingertip) itself in the area, then back to rest.
      const at: Vec3 = world ? [world[0] - origin[0], world[1] - origin[1], world[2] - origin[2]] : [...rest];
      const turn = aimAt(at, [at[0], at[1] - 1, at[2] - 1], origin);
      await setPose(page, target, { position: at, quaternion: turn });
      handAt = inRoom(at);
      await nextFrames(page, 6);
      if (!world) return;
      // The point the area watches is not the pose (a fingertip lies ~0.15 m ahead of the wrist):
      // move the hand so that very point comes where the path reaches.
      const device = kind === 'hand' ? 'vr-hand' : 'vr-controller';
      const points = (await page.evaluate(() => window.__werkvloerDriver!.reachPoints())).filter((p) => p.device === device);
      const watched = points.sort((a, b) => new Vector3(...a.at).distanceTo(new Vector3(...handAt)) - new Vector3(...b.at).distanceTo(new Vector3(...handAt)))[0];
      if (!watched || new Vector3(...watched.at).distanceTo(new Vector3(...world)) < 0.02) return;
      const moved: Vec3 = [at[0] + world[0] - watched.at[0], at[1] + world[1] - watched.at[1], at[2] + world[2] - watched.at[2]];
      await setPose(page, target, { position: moved, quaternion: turn });
      handAt = inRoom(moved);
      await nextFrames(page, 6);
    },
  };
}

export function handsFor(page: Page, way: Way): Hands {
  if (way.kind === 'mouse' || way.kind === 'touch') return screenHands(page, way.kind === 'touch');
  return xrHands(page, way.kind, way.hand, way.seated === true);
}

/** A point inside the zone the carried part can land on: as far from the pointer's origin as the part was when taken. */
async function landingPoint(page: Page, part: Part, zone: Part, origin: Vec3, distance: number): Promise<Vec3> {
  if (zone.operation.kind !== 'drop-zone') throw new Error(`${zone.id} is no drop zone`);
  const [w, h, d] = zone.operation.size;
  const grid: Vec3[] = [];
  const n = 8;
  for (let i = 0; i <= n; i++) for (let j = 0; j <= n; j++) for (let k = 0; k <= n; k++) grid.push([(i / n - 0.5) * w * 0.9, (j / n - 0.5) * h * 0.9, (k / n - 0.5) * d * 0.9]);
  const points = (await partPoints(page, zone.id, grid))!;
  const centre = new Vector3(...(await partAim(page, zone)));
  const o = new Vector3(...origin);
  let best: Vec3 | null = null;
  let bestScore = Infinity;
  for (const p of points) {
    const v = new Vector3(...p);
    if (Math.abs(v.distanceTo(o) - distance) > 0.02) continue;
    const score = v.distanceTo(centre);
    if (score < bestScore) [best, bestScore] = [p, score];
  }
  if (!best) throw new Error(`${part.id}: no point of ${zone.id} lies ${distance.toFixed(2)} m from the pointer`);
  return best;
}

/**
 * Lets `ms` of the path's time pass: on the test build's clock (src/state/app-clock.ts) at once, so
 * a 45 s wash takes no 45 s; on any other build (the bench's production one) in real time.
 */
async function advance(page: Page, ms: number): Promise<void> {
  if (ms <= 0) return;
  // The clock moved and two frames drawn with it, in one round trip.
  const skipped = await page.evaluate(
    (d) =>
      new Promise<boolean>((resolve) => {
        if (!window.__werkvloerClock) return resolve(false);
        window.__werkvloerClock.advance(d);
        const frames = () => window.__werkvloer?.counts.frames ?? 0;
        const target = frames() + 2;
        // Then the parts that came with the time have their handling code (src/world/later-parts.ts).
        const giveUp = performance.now() + 20_000;
        const check = () => {
          if (frames() >= target && (window.__werkvloerDriver?.suspended() === 0 || performance.now() > giveUp)) return resolve(true);
          window.__werkvloerDriver?.requestFrames(Math.max(1, target - frames()));
          setTimeout(check, 4);
        };
        check();
      }),
    ms,
  );
  if (!skipped) {
    await page.waitForTimeout(ms);
    await nextFrames(page, 2);
    await noneSuspended(page);
  }
}

/** Tapping and carrying in a headset are one round trip that lets the time pass itself (xrMoveInPage). */
const tapsInPage = (way: Way, move: Move) => (way.kind === 'controller' || way.kind === 'hand') && (move.kind === 'press' || move.kind === 'set' || move.kind === 'inspect' || move.kind === 'carry');

async function inside(page: Page, zone: Part, part: Part): Promise<boolean> {
  if (zone.operation.kind !== 'reach-zone') return false;
  const local = await page.evaluate(({ id, at }) => window.__werkvloerDriver!.partLocal(id, at), { id: zone.id, at: await partAim(page, part) });
  const size = zone.operation.size;
  return local !== null && local.every((v, i) => Math.abs(v) <= size[i]! / 2);
}

const parts = (page: Page) => page.evaluate(() => window.__werkvloerDriver?.parts() ?? []);
/**
 * The placed parts, the recorded events and the parts still loading, in one round trip; with
 * `settled`, taken once at least that many events (danger areas' aside) have been recorded, or after
 * 20 s (the caller then finds what is missing).
 */
const snapshot = (page: Page, settled = 0) =>
  page.evaluate(
    (n) =>
      new Promise<{ parts: ReturnType<NonNullable<typeof window.__werkvloerDriver>['parts']>; events: ReturnType<NonNullable<typeof window.__werkvloerDriver>['events']>; suspended: number }>((resolve) => {
        const giveUp = performance.now() + 20_000;
        const take = () => {
          const d = window.__werkvloerDriver;
          const events = d?.events() ?? [];
          if (events.filter((e) => e.action !== 'enter' && e.action !== 'exit').length < n && performance.now() < giveUp) {
            d?.requestFrames(1);
            return setTimeout(take, 4);
          }
          resolve({ parts: d?.parts() ?? [], events, suspended: d?.suspended() ?? 0 });
        };
        take();
      }),
    settled,
  );
type Snapshot = Awaited<ReturnType<typeof snapshot>>;
/** The events recorded so far; asked in a poll, so it asks for a frame to let the next one come (the frame gate). */
const recorded = (page: Page) =>
  page.evaluate(() => {
    window.__werkvloerDriver?.requestFrames(1);
    return window.__werkvloerDriver?.events() ?? [];
  });

/** Waits until every part on its way has its handling code (src/world/later-parts.ts), asking for frames meanwhile. */
const noneSuspended = (page: Page) =>
  page.waitForFunction(
    () => {
      const d = window.__werkvloerDriver;
      if (d?.suspended() === 0) return true;
      d?.requestFrames(1);
      return false;
    },
    undefined,
    { timeout: 20_000 },
  );
const key = (e: { action: string; object: string }) => `${e.action} ${e.object}`;
const isZoneEvent = (e: PathEvent) => e.action === 'enter' || e.action === 'exit';

/** The move for event `j` with the parts placed now, or null when no part can make it. */
function plannedNow(events: readonly PathEvent[], j: number, placed: readonly Part[]): { move: Move; next: number } | null {
  try {
    return nextMove(events, j, placed);
  } catch {
    return null;
  }
}

/** Waits until a part can make the event (parts arrive with the steps and after the first frames), then plans the move. */
async function planNext(page: Page, events: readonly PathEvent[], i: number, first: Snapshot | null): Promise<{ move: Move; next: number; now: Snapshot }> {
  const until = Date.now() + 20_000;
  let taken = first;
  for (;;) {
    const now = taken ?? (await snapshot(page));
    taken = null;
    try {
      return { ...nextMove(events, i, now.parts), now };
    } catch (error) {
      if (Date.now() > until) throw error;
      // Parts come with a render: look again after the next frame.
      await nextFrames(page, 1);
    }
  }
}

/**
 * The scale a path played on a screen is drawn at (the test build's render scale,
 * src/play/driver-probe.tsx): a quarter of the device pixels each way, so SwiftShader, which shades
 * every pixel on the CPU, shades a sixteenth of them, while every pointer lands on the same CSS pixel of
 * the same window as at full scale. Screenshots and checks made after the path see the full scale again.
 * Measured on the lockout station's desktop frame (6 draw calls): ~168 CPU-ms at 1, ~63 at 0.5, ~42 at
 * 0.25, ~35 at 0.1 and ~28 with nothing drawn (the rest is the page's own compositing).
 */
export const playRenderScale = 0.25;

/** Draws the canvas at a render scale (null: its own again); returns the drawing buffer's size. */
export async function renderScale(page: Page, scale: number | null): Promise<{ width: number; height: number }> {
  // The probe comes after the station's first frame (src/play/instruction-panel.tsx).
  await page.waitForFunction(() => window.__werkvloerDriver !== undefined, undefined, { timeout: 60_000 });
  return page.evaluate((s) => window.__werkvloerDriver!.renderScale(s), scale);
}

/**
 * Closes or opens the test build's frame gate (src/play/frame-gate.ts). Closed over a screen path: a page that
 * draws all the time keeps its main thread busy, and each of the driver's round trips waited for a frame
 * (a press cost ~12 frames where it needs ~5). Every wait of the driver asks for the frames it needs.
 */
export async function gateFrames(page: Page, closed: boolean): Promise<void> {
  await page.waitForFunction(() => window.__werkvloerDriver !== undefined, undefined, { timeout: 60_000 });
  await page.evaluate((c) => window.__werkvloerDriver!.gateFrames(c), closed);
}

/** How the gated frames came so far: on request, or by the trickle (a wait that did not ask: find it and make it ask). */
export async function gatedFramesLine(page: Page): Promise<string> {
  const { requested, trickled } = await page.evaluate(() => window.__werkvloerDriver!.gatedFrames());
  return `gated frames ${requested} asked for, ${trickled} by the trickle`;
}

/** Runs `what` with frames drawn as always (a screenshot, a resize in the middle of a path), then closes the gate again. */
export async function withFramesFlowing<T>(page: Page, what: () => Promise<T>): Promise<T> {
  await gateFrames(page, false);
  try {
    return await what();
  } finally {
    await gateFrames(page, true);
  }
}

export interface PlayOptions {
  /** Called with each move before it is made (screenshots at a moment of the path). */
  beforeMove?: (move: Move, index: number) => Promise<void>;
  /** Stop after this many events. */
  until?: number;
  /** The path time (ms) already played on this session: a path continued in a second call. */
  after?: number;
  /** Tallies each move's seconds by kind (where a station's run spends them). */
  times?: PhaseTimes;
  /**
   * On a screen, the render scale the path is drawn at (playRenderScale unless given; null: the
   * canvas's own); the canvas's own scale comes back when the path is over. No effect in a headset.
   */
  renderScale?: number | null;
}

/**
 * Plays a path (ideal or rule) on the open station with one way of input: finds each event's part
 * among those the world placed, operates it as its descriptor says, lets the test clock run the time
 * the path lets pass, and checks the session recorded exactly the path's events (a danger area's
 * enter and exit may come with a hand that reaches in, or not with a ray from afar).
 */
export async function playPath(page: Page, way: Way, events: readonly PathEvent[], opts: PlayOptions = {}): Promise<void> {
  const screen = way.kind === 'mouse' || way.kind === 'touch';
  const scale = screen ? (opts.renderScale === undefined ? playRenderScale : opts.renderScale) : null;
  if (scale !== null) await renderScale(page, scale);
  // On a screen, frames only when a wait asks for them (src/play/frame-gate.ts): the round trips between
  // them are free. Not yet in a headset: gated, the CNC router's safety mat, inspected, was not put back
  // by the second press (it never reached the mat's handler), and the emergency stop pressed later
  // recorded nothing (3 runs of 3; ungated it passes); the cause is not found yet.
  const gated = scale !== null;
  if (gated) await gateFrames(page, true);
  try {
    await playEvents(page, way, events, opts);
  } finally {
    if (gated) await gateFrames(page, false);
  }
  if (scale !== null) {
    // The full picture again, drawn, for whatever the test looks at next (a screenshot, a text check).
    await renderScale(page, null);
    await nextFrames(page, 2);
  }
}

async function playEvents(page: Page, way: Way, events: readonly PathEvent[], opts: PlayOptions): Promise<void> {
  const hands = handsFor(page, way);
  let lastT = opts.after ?? 0;
  let i = 0;
  let moveIndex = 0;
  // What the page showed once the last move's events were recorded: the next move is planned on it.
  let settled: Snapshot | null = null;
  const end = opts.until ?? events.length;
  while (i < end) {
    const planned = await planNext(page, events, i, settled);
    settled = null;
    const { move, next } = planned;
    let now = planned.now;
    if (opts.beforeMove) {
      await opts.beforeMove(move, moveIndex);
      now = await snapshot(page);
    }
    moveIndex++;
    const began = performance.now();
    const before = now.events.filter((e) => !isZoneEvent(e)).length;
    // The time the path lets pass before this move (the blade runs down, the alarm comes).
    const waited = move.events[0]!.t - lastT;
    const inPage = tapsInPage(way, move);
    if (!inPage) await advance(page, waited);
    lastT = move.events.at(-1)!.t;
    if (move.kind === 'reach') {
      // A hand reaching in for the next part (a stuck part, the needle's eye) makes it itself. The
      // neighbour is planned from the parts placed now, never waited for: the part a hand reaches
      // for is already there, and a done step's part may be gone (waiting for it cost 20 s a run).
      const enters = move.events[0]!.action === 'enter';
      const j = enters ? i + 1 : i - 1;
      const placed = await parts(page);
      const neighbour = j >= 0 && j < events.length && !isZoneEvent(events[j]!) ? plannedNow(events, j, placed) : null;
      if (neighbour && (await inside(page, move.part, neighbour.move.part))) {
        i = next;
        continue;
      }
    }
    // A part that came with this step may show its look before its handling code has mounted (it
    // loads after the look: src/world/later-parts.ts); a press then would find nothing to grab.
    // (After time has passed, advance waited for them.)
    if (!inPage && waited <= 0 && now.suspended !== 0) await noneSuspended(page);
    await perform(page, hands, move, way, inPage ? waited : 0);
    i = next;
    const expected = move.events.filter((e) => !isZoneEvent(e)).map(key);
    // The move's events, read with what the next move is planned on (one round trip for both).
    settled = await snapshot(page, before + expected.length);
    if (expected.length > 0) expect(settled.events.filter((e) => !isZoneEvent(e)).slice(before).map(key), `after ${move.kind} ${move.part.id}`).toEqual(expected);
    opts.times?.tally(move.kind, performance.now() - began);
  }
  // A zone event the path ends on (a hand in the running mould) is the rule breaking: it must be there.
  const last = events[end - 1];
  if (last && isZoneEvent(last)) await expect.poll(async () => (await recorded(page)).map(key), { timeout: 20_000 }).toContain(key(last));
  await hands.up();
}

async function perform(page: Page, hands: Hands, move: Move, way: Way, waitMs: number): Promise<void> {
  switch (move.kind) {
    case 'press':
    case 'inspect': {
      await hands.tap(move.part.id, [0, 0, 0], waitMs);
      if (move.kind === 'inspect') {
        // It is now before the eyes: a second press puts it back where it lay.
        await expect.poll(() => recorded(page).then((r) => r.at(-1)?.action), { timeout: 20_000 }).toBe('inspect');
        // Drawn where it is now (it follows the eyes from the next frame on) before it is aimed at again.
        await nextFrames(page, 2);
        await hands.tap(move.part.id, [0, 0, 0], 0);
      }
      return;
    }
    case 'hold': {
      await hands.point(await partAim(page, move.part), move.part.id);
      await hands.down();
      await expect.poll(() => recorded(page).then((r) => key(r.at(-1) ?? { action: '', object: '' })), { timeout: 20_000 }).toBe(`hold-start ${move.part.object}`);
      if (move.ms === null) return; // let go when the path is over
      await advance(page, move.ms);
      await hands.up();
      return;
    }
    case 'set': {
      const op = move.part.operation;
      if (op.kind !== 'set') throw new Error(`${move.part.id} has no scale`);
      // The centre of the value's step on the scale: the scale snaps to the nearest step, so any
      // point within half a step either side gives the value.
      const snapped = op.min + Math.round((move.value - op.min) / op.step) * op.step;
      const x = ((snapped - op.min) / (op.max - op.min) - 0.5) * op.length;
      await hands.tap(move.part.id, [x, 0, 0], waitMs);
      return;
    }
    case 'carry': {
      if (hands.carry) {
        await hands.carry(move.part.id, move.zone.id, waitMs);
        return;
      }
      const from = await partAim(page, move.part);
      await hands.point(from, move.part.id);
      // A screen pointer's origin stays at the eyes: the part lands where the zone is as far away as
      // the part was. A hand carries it over and steers it onto the zone's centre.
      const screen = way.kind === 'mouse' || way.kind === 'touch';
      const origin = screen ? await eyes(page) : null;
      const to = origin ? await landingPoint(page, move.part, move.zone, origin, new Vector3(...origin).distanceTo(new Vector3(...from))) : await partAim(page, move.zone);
      await hands.down();
      await hands.moveHeld(to, move.part.id);
      await hands.up();
      return;
    }
    case 'reach': {
      const e = move.events[0]!;
      await hands.reach(e.action === 'enter' ? await partAim(page, move.part) : null);
      return;
    }
  }
}
