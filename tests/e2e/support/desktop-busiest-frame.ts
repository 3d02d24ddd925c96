import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import type { FrameLoad } from '../../../src/play/render-probe';

/**
 * The busiest desktop frame of the session so far: the render probe keeps the maximum of every
 * desktop frame once the station has been drawn, so after the mouse's ideal path this is the
 * scenario's busiest moment on a computer. Logs it for `npm run bench` (bench/busiest-frame.ts).
 * The issue sets no per-frame budget on the desktop (it draws one eye, and a computer's GPU is not
 * the headset's), so this checks only that frames with the station were counted.
 */
export async function logBusiestDesktopFrame(page: Page, label: string): Promise<FrameLoad> {
  const max = await page.evaluate(() => ({ ...window.__werkvloer!.counts.maxDesktop }));
  console.info(`[budget] ${label}: busiest desktop frame of the session ${max.calls} draw calls, ${max.triangles} triangles, ${max.programs} programs, ${max.textures} textures`);
  expect(max.calls, 'desktop frames with the station were counted').toBeGreaterThan(0);
  expect(max.triangles).toBeGreaterThan(0);
  expect(max.programs).toBeGreaterThan(0);
  return max;
}
