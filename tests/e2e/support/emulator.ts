import type { Page } from 'playwright-core';

interface Pose {
  position?: readonly [number, number, number];
  quaternion?: { x: number; y: number; z: number; w: number };
}

type EmulatorTarget = 'headset' | 'right-controller';

/** Moves the emulated headset or right controller (IWER) — what a trainee's head or hand would do. */
export async function setPose(page: Page, target: EmulatorTarget, pose: Pose): Promise<void> {
  await page.evaluate(
    ({ target, pose }) => {
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
      const device = window.__werkvloerEmulator as any;
      if (!device) throw new Error('no emulator: open the app with ?emulate=quest3');
      const node = target === 'headset' ? device : device.controllers.right;
      if (pose.position) node.position.set(...pose.position);
      if (pose.quaternion) node.quaternion.set(pose.quaternion.x, pose.quaternion.y, pose.quaternion.z, pose.quaternion.w);
    },
    { target, pose },
  );
}

/** Presses a controller button to `value` (trigger: 1 = fully pulled). */
export async function setButton(page: Page, button: string, value: number): Promise<void> {
  await page.evaluate(
    ({ button, value }) => {
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
      (window.__werkvloerEmulator as any).controllers.right.updateButtonValue(button, value);
    },
    { button, value },
  );
}

/** Waits for `n` more rendered frames, so the XR input has been sampled and pointer events dispatched. */
export async function nextFrames(page: Page, n = 3): Promise<void> {
  const start = await page.evaluate(() => window.__werkvloer?.counts.frames ?? 0);
  await page.waitForFunction((target) => (window.__werkvloer?.counts.frames ?? 0) >= target, start + n, { timeout: 60_000 });
}
