import type { Page } from 'playwright-core';
import { expect } from 'vitest';
// Not a React hook, whatever its name says: it switches the emulator's input between hands and controllers.
import { useHands as switchToHands } from './emulator';
import { namedAt, pressAt } from './vr-press';

/**
 * The right hand raised in front of the left shoulder (XR origin space): from the hip, the ray to the
 * panel's lowest buttons passes a machine's guard (plastics: the safety gate), so a trainee lifts the
 * hand to point past it.
 */
const raisedRightHand = [-0.2, 1.45, -0.15] as const;

/**
 * Practice after a critical rule halts at the rule's safe state (issue 21: the trainee may go on from
 * there). A test that wants the stopped attempt's result ends it there through the real UI, the way a
 * trainee does: "See your result" on the overlay, or on the 3D panel in VR. An exam has ended already.
 */
export async function seeResultAfterCriticalStop(page: Page): Promise<void> {
  const state = () => page.evaluate(() => (document.querySelector('.hud.result') ? 'ended' : document.querySelector('[data-testid="halted"]') ? 'halted' : 'playing'));
  await expect.poll(state, { timeout: 20_000, message: 'the critical rule stopped the attempt' }).not.toBe('playing');
  if ((await state()) === 'ended') return;
  if (await page.evaluate(() => window.__werkvloer?.counts.presenting === true)) {
    await page.waitForFunction(() => window.__werkvloerNamed?.('panel-end') != null, undefined, { timeout: 20_000 });
    // A trainee who reached in bare-handed takes the controller again to point at the panel.
    await switchToHands(page, false);
    await pressAt(page, await namedAt(page, 'panel-end'), raisedRightHand);
  } else {
    await page.locator('[data-action="end-attempt"]').click();
  }
  await expect.poll(state, { timeout: 20_000 }).toBe('ended');
}
