import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { namedAt, pressAt } from './vr-press';

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
    await pressAt(page, await namedAt(page, 'panel-end'));
  } else {
    await page.locator('[data-action="end-attempt"]').click();
  }
  await expect.poll(state, { timeout: 20_000 }).toBe('ended');
}
