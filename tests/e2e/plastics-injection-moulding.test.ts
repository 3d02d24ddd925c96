import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { nextFrames, useHands } from './support/emulator';
import { guardedPageForTests } from './support/guarded-page-for-tests';
import type { PathEvent } from './support/path-plan';
import { playPath, type Way } from './support/station-driver';
import { openStation, stationMatrix, storedRow } from './support/station-matrix';
import { seeResultAfterCriticalStop } from './support/stopped-practice';

const folder = 'plastics/injection-moulding';

// 1024 x 640: the desktop overlay (420 px wide, top left) leaves the conveyor, the gate and the mould in view.
stationMatrix(folder, { viewport: { width: 1024, height: 640 }, criticalRule: 'reach-into-running-mould', screenshots: { 'plastics-injection-moulding': 8 } });

const reachIn = (JSON.parse(readFileSync(`scenes/${folder}/rule-paths/reach-into-running-mould.json`, 'utf8')) as { events: PathEvent[] }).events;

/** The attempt stopped, failed on the critical mould rule, by the device that reached in (the server scored it). */
async function failedByMould(page: Page, device: string) {
  // Practice halts at the rule's safe state (issue 21); the trainee ends it there to see the result.
  await seeResultAfterCriticalStop(page);
  expect(Number(await page.getByTestId('score').getAttribute('data-score'))).toBeLessThan(75);
  await expect.poll(() => page.locator('.hud.result .failed').count(), { timeout: 20_000 }).toBe(1);
  const row = await storedRow(page);
  expect(row).toMatchObject({ passed: 0, mode: 'practice' });
  expect(row.score).toBeLessThan(75);
  const result = JSON.parse(row.result_json) as { failedByCritical: boolean; violations: { rule: string; severity: string }[] };
  expect(result.failedByCritical).toBe(true);
  expect(result.violations).toContainEqual(expect.objectContaining({ rule: 'reach-into-running-mould', severity: 'critical' }));
  expect((JSON.parse(row.events_json) as { action: string; object: string; device: string }[]).at(-1)).toMatchObject({ action: 'enter', object: 'mould-zone', device });
}

describe('plastics: the running mould notices whatever reaches in (the danger area part, in VR)', () => {
  const g = guardedPageForTests();

  test.each([
    ['the controller itself (its grip, not the ray)', { kind: 'controller', hand: 'right' }, 'vr-controller'],
    ['a tracked hand (its index fingertip)', { kind: 'hand', hand: 'right' }, 'vr-hand'],
  ] as const)('%s in the running mould stops the attempt — failed', async (_name, way: Way, device) => {
    const { page } = g;
    await openStation(page, folder, true);
    // The machine is started with the controller; then the trainee reaches in.
    await playPath(page, { kind: 'controller', hand: 'right' }, reachIn.slice(0, -1));
    if (way.kind === 'hand') {
      await useHands(page, true);
      await page.waitForFunction(
        // eslint-disable-next-line @typescript-eslint/no-explicit-any
        () => ((window.__werkvloerEmulator as any)?.inputSources ?? []).some((s: XRInputSource) => s.hand && s.handedness === 'right'),
        undefined,
        { timeout: 60_000 },
      );
      await nextFrames(page, 10);
    }
    await playPath(page, way, reachIn.slice(-1), { after: reachIn.at(-2)!.t });
    await failedByMould(page, device);
  });
});
