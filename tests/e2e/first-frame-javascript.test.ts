import { describe, expect, test } from 'vitest';
import { languages, sourceLanguage } from '../../src/i18n/languages';
import { builtStations, firstFrameFiles, gzipBytes, viteManifest } from './support/bundle';
import { javascriptBudget } from './support/station-matrix';

/**
 * Every station's JavaScript to its first frame, desktop and VR, counted from the built chunk graph:
 * deterministic and without a browser, so a station added under scenes/ is held to the budget even
 * before its own browser run (which loads exactly the same files in Chromium: station-matrix.ts).
 */
describe('JavaScript to the first station frame, from the build', () => {
  // The tutorial is not picked from the list: it runs before a station in a headset (vr-tutorial.test.ts).
  const stations = builtStations().filter((f) => f !== '_tutorial');
  // The start screen shows the suggested language (Dutch here) and the trainee may pick another before
  // the station: the texts of both are then loaded, and a right-to-left one brings its bidi processor.
  const shown = [[sourceLanguage], ...languages.filter((l) => l.code !== sourceLanguage).map((l) => [sourceLanguage, l.code])];
  const sizes = new Map<string, number>();
  const bytesOf = (files: Set<string>) => [...files].reduce((sum, f) => sum + (sizes.get(f) ?? sizes.set(f, gzipBytes(f)).get(f)!), 0);

  test('the build holds the stations and the languages', () => {
    expect(stations.length).toBeGreaterThanOrEqual(15);
    expect(shown.length).toBe(8);
  });

  for (const way of ['desktop', 'vr'] as const) {
    test(`${way}: every station's first frame is within ${javascriptBudget[way]} B gzip, in every language`, () => {
      const entry = viteManifest()['index.html']!.file;
      const heaviest = new Map<string, { bytes: number; languages: string }>();
      for (const folder of stations) {
        for (const langs of shown) {
          const files = firstFrameFiles(folder, way, langs);
          expect(files.has(entry), folder).toBe(true);
          const bytes = bytesOf(files);
          if (bytes > (heaviest.get(folder)?.bytes ?? 0)) heaviest.set(folder, { bytes, languages: langs.join('+') });
        }
      }
      console.info(`[budget] first frame from the build, ${way} (heaviest language): ${[...heaviest].map(([f, h]) => `${f} ${h.bytes} B (${h.languages})`).join(', ')}`);
      const over = [...heaviest].filter(([, h]) => h.bytes > javascriptBudget[way]).map(([f, h]) => `${f}: ${h.bytes} B in ${h.languages}`);
      expect(over, `over ${javascriptBudget[way]} B gzip`).toEqual([]);
    });
  }
});
