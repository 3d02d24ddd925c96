import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { loadScene } from '../../scripts/check-scenes';
import { score, type SessionEvent } from '../../src/engine';
import { foodLanguageChecks } from './support/food-language-checks';
import { guardedPageForTests } from './support/guarded-page-for-tests';
import type { PathEvent } from './support/path-plan';
import { playPath } from './support/station-driver';
import { openStation, stationMatrix, storedRow } from './support/station-matrix';
import { seeResultAfterCriticalStop } from './support/stopped-practice';

const folder = 'food/hygiene-sluice-line-nl';

// The food station, Dutch variant (an NL organisation's trainee takes the exam), through the generic
// driver. Its mouse run is played in Arabic: the right-to-left quantities are checked there.
stationMatrix(folder, { viewport: { width: 1024, height: 640 }, criticalRule: 'enter-without-washing', language: 'ar', checks: foodLanguageChecks('ar') });

describe(`${folder}: a wash too short`, () => {
  const g = guardedPageForTests({ width: 1024, height: 640 });

  test('a 4 s wash is too short: the step stays open, and walking on counts as unwashed', async () => {
    const { page } = g;
    const ideal = (JSON.parse(readFileSync(`scenes/${folder}/ideal-path.json`, 'utf8')) as { events: PathEvent[] }).events;
    const wash = ideal.findIndex((e) => e.action === 'hold-start' && e.object === 'sink');
    const at = ideal[wash]!.t;
    await openStation(page, folder, false);
    await playPath(page, { kind: 'mouse' }, ideal.slice(0, wash));
    const washing = await page.getByTestId('instruction').textContent();
    // Four seconds at the sink (on the test clock), then the tap closed: the washing step still asks.
    await playPath(
      page,
      { kind: 'mouse' },
      [
        { t: at, action: 'hold-start', object: 'sink' },
        { t: at + 4000, action: 'hold-end', object: 'sink' },
        { t: at + 6000, action: 'press', object: 'tap' },
      ],
      { after: ideal[wash - 1]!.t },
    );
    expect(await page.getByTestId('instruction').textContent()).toBe(washing);
    await playPath(page, { kind: 'mouse' }, [{ t: at + 8000, action: 'press', object: 'turnstile' }], { after: at + 6000 });
    await seeResultAfterCriticalStop(page);
    await expect.poll(() => page.locator('.hud.result .failed').count(), { timeout: 20_000 }).toBe(1);
    const row = await storedRow(page);
    const scenario = loadScene(process.cwd(), `scenes/${folder}/scenario.json`).scenario!;
    const result = score(scenario, JSON.parse(row.events_json) as SessionEvent[], 'practice');
    expect(result.steps.find((s) => s.id === 'wash-hands')).toMatchObject({ done: false });
    expect(result.violations.map((v) => v.rule)).toContain('enter-without-washing');
  });
});
