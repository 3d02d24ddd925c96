import { describe, expect, test } from 'vitest';
import { builtStations, firstFrameFiles, gzipBytes, viteManifest } from './support/bundle';
import { javascriptBudget } from './support/station-matrix';

/**
 * Every station's JavaScript to its first frame, desktop and VR, counted from the built chunk graph:
 * deterministic and without a browser, so a station added under scenes/ is held to the budget even
 * before its own browser run (which measures the same list in Chromium: station-matrix.ts).
 */
describe('JavaScript to the first station frame, from the build', () => {
  // The tutorial is not picked from the list: it runs before a station in a headset (vr-tutorial.test.ts).
  const stations = builtStations().filter((f) => f !== '_tutorial');

  test('the build holds the stations', () => {
    expect(stations.length).toBeGreaterThanOrEqual(15);
  });

  for (const way of ['desktop', 'vr'] as const) {
    test(`${way}: every station's first frame is within ${javascriptBudget[way]} B gzip`, () => {
      const entry = viteManifest()['index.html']!.file;
      const bytes = new Map<string, number>();
      for (const folder of stations) {
        const files = firstFrameFiles(folder, way);
        expect(files.has(entry), folder).toBe(true);
        bytes.set(folder, [...files].reduce((sum, f) => sum + gzipBytes(f), 0));
      }
      console.info(`[budget] first frame from the build, ${way}: ${[...bytes].map(([f, b]) => `${f} ${b} B`).join(', ')}`);
      const over = [...bytes].filter(([, b]) => b > javascriptBudget[way]);
      expect(over, `over ${javascriptBudget[way]} B gzip`).toEqual([]);
    });
  }
});
