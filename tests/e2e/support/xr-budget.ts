import type { Page } from 'playwright-core';
import { expect } from 'vitest';

/** The per-XR-frame budget every station inherits (both eyes; issue 2 and 10; issue 19 moved the draw calls from 150 to 100). */
export const xrFrameBudget = { drawCalls: 100, triangles: 300_000 };

/**
 * The busiest XR frame of the session so far (the render probe keeps the maximum of every frame
 * while presenting): after an ideal path this is the scenario's busiest moment, machines running,
 * parts carried, panels open. Logs the figures (`npm run bench` reads the line) and checks them
 * against the budget.
 */
export async function expectBusiestXrFrameWithinBudget(page: Page, label: string): Promise<{ calls: number; triangles: number }> {
  const { calls, triangles, programs, textures } = await page.evaluate(() => ({ ...window.__werkvloer!.counts.maxXr }));
  console.info(`[budget] ${label}: busiest XR frame of the session ${calls} draw calls, ${triangles} triangles, ${programs} programs, ${textures} textures`);
  expect(calls).toBeGreaterThan(0);
  expect(calls).toBeLessThanOrEqual(xrFrameBudget.drawCalls);
  expect(triangles).toBeLessThanOrEqual(xrFrameBudget.triangles);
  return { calls, triangles };
}
