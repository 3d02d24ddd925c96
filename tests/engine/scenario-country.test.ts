import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { parseScenario } from '../../src/engine';

const file = 'scenes/wood/intro-workbench/scenario.json';
const sample = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
const sourceLocale = JSON.parse(readFileSync('locales/nl/wood-intro-workbench.json', 'utf8')) as Record<string, unknown>;
const parse = (data: unknown) => parseScenario(data, file, { sourceLocale });

describe('scenario country (issue 6: the organisation’s country picks the station)', () => {
  test('is optional: a scenario without it fits every country', () => {
    const r = parse(sample);
    expect(r.ok && r.scenario.country).toBeUndefined();
  });

  test.each(['BE', 'NL'] as const)('%s is kept on the parsed scenario', (country) => {
    const r = parse({ ...sample, country });
    expect(r.ok && r.scenario.country).toBe(country);
  });

  test('another value fails with its JSON path and the allowed countries', () => {
    for (const country of ['be', 'DE', 1]) {
      const r = parse({ ...sample, country });
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.issues).toEqual([{ file, path: '$.country', message: expect.stringMatching(/"BE".*"NL"/) }]);
    }
  });
});
