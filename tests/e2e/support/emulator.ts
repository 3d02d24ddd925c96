import type { Page } from 'playwright-core';

interface Pose {
  position?: readonly [number, number, number];
  quaternion?: { x: number; y: number; z: number; w: number };
}

export type Side = 'left' | 'right';
type EmulatorTarget = 'headset' | 'right-controller' | 'left-controller' | 'right-hand' | 'left-hand';

/** Moves the emulated headset, a controller or a tracked hand (IWER) — what a trainee's head or hand would do. */
export async function setPose(page: Page, target: EmulatorTarget, pose: Pose): Promise<void> {
  await page.evaluate(
    ({ target, pose }) => {
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
      const device = window.__werkvloerEmulator as any;
      if (!device) throw new Error('no emulator: open the app with ?emulate=quest3');
      const [side, kind] = target.split('-') as [string, string];
      const node = target === 'headset' ? device : kind === 'hand' ? device.hands[side] : device.controllers[side];
      if (pose.position) node.position.set(...pose.position);
      if (pose.quaternion) node.quaternion.set(pose.quaternion.x, pose.quaternion.y, pose.quaternion.z, pose.quaternion.w);
    },
    { target, pose },
  );
}

/** Presses a controller button to `value` (trigger: 1 = fully pulled). */
export async function setButton(page: Page, button: string, value: number, side: Side = 'right'): Promise<void> {
  await page.evaluate(
    ({ button, value, side }) => {
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
      (window.__werkvloerEmulator as any).controllers[side].updateButtonValue(button, value);
    },
    { button, value, side },
  );
}

/** Pinches a tracked hand (1 = index and thumb together). */
export async function setPinch(page: Page, value: number, side: Side = 'right'): Promise<void> {
  await page.evaluate(
    ({ value, side }) => {
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
      (window.__werkvloerEmulator as any).hands[side].updatePinchValue(value);
    },
    { value, side },
  );
}

/** Switches the emulated headset between controllers and tracked hands. */
export async function useHands(page: Page, on: boolean): Promise<void> {
  await page.evaluate((on) => {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    (window.__werkvloerEmulator as any).primaryInputMode = on ? 'hand' : 'controller';
  }, on);
}

/** Waits for `n` more rendered frames, so the XR input has been sampled and pointer events dispatched. */
export async function nextFrames(page: Page, n = 3): Promise<void> {
  // One round trip: the count is read and waited on in the page. In XR a round trip costs about two
  // frames of the page's busy main thread, so reading the start and then waiting cost two more.
  await page.evaluate(
    (n) =>
      new Promise<void>((resolve, reject) => {
        const frames = () => window.__werkvloer?.counts.frames ?? 0;
        const target = frames() + n;
        const giveUp = performance.now() + 60_000;
        const check = () => {
          if (frames() >= target) return resolve();
          if (performance.now() > giveUp) return reject(new Error(`no ${n} frames drawn in 60 s`));
          // Gated frames (src/play/frame-gate.ts) come only when asked for.
          window.__werkvloerDriver?.requestFrames(target - frames());
          setTimeout(check, 4);
        };
        check();
      }),
    n,
  );
}

/**
 * Waits until the scene tracks `min` controllers or hands (their pointers exist) and their models
 * have come (they load after the first station frame; the controller re-renders when they arrive):
 * only then is a press sure to reach the scene.
 */
export async function waitForTrackedInputs(page: Page, min = 1): Promise<void> {
  await page.waitForFunction((n) => (window.__werkvloer?.trackedInputs() ?? 0) >= n, min, { timeout: 60_000 });
  await waitForControllerModels(page);
  await nextFrames(page, 10);
}

/** Waits until a controller model (glTF, from our own server's /xr-profiles/) has been fetched. */
export async function waitForControllerModels(page: Page): Promise<void> {
  await page.waitForFunction(() => performance.getEntriesByType('resource').some((e) => e.name.includes('/xr-profiles/') && e.name.endsWith('.glb')), undefined, { timeout: 60_000 });
}
