import './support/no-text';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { loadScene } from '../../scripts/check-scenes';
import { score } from '../../src/engine';
import type { PathEvent } from '../e2e/support/path-plan';
import { stationFolders } from '../e2e/support/stations';
import { checkPathAgainstParts } from './support/station-parts';

// Every ideal path and every rule path (scenes/<sector>/<station>/rule-paths/<rule id>.json, the
// ideal-path format) of every station, through the engine and through the station's placed parts:
// each event must be one a part placed at that moment can make (the browser driver refuses the same).

const root = process.cwd();

const readPath = (file: string) => (JSON.parse(readFileSync(file, 'utf8')) as { events: PathEvent[] }).events;

describe.each(stationFolders(root))('%s', (folder) => {
  const dir = join(root, 'scenes', folder);
  const sc = loadScene(root, join(dir, 'scenario.json')).scenario!;
  const rulePaths = existsSync(join(dir, 'rule-paths')) ? readdirSync(join(dir, 'rule-paths')).filter((f) => f.endsWith('.json')) : [];

  test('every event of the ideal path is made by a part placed at that moment', async () => {
    const check = await checkPathAgainstParts(folder, readPath(join(dir, 'ideal-path.json')), sc);
    expect(check.refused).toBeNull();
  });

  // A rule no placed part can break is a content bug: scripts/find-rule-paths.tsx finds most paths,
  // the rest are written by hand (their $comment says so).
  test('every rule has a rule path', () => {
    const withPath = rulePaths.map((f) => f.replace(/\.json$/, ''));
    for (const file of withPath) expect(sc.rules.map((r) => r.id), `rule-paths/${file}.json names a rule of the scenario`).toContain(file);
    const missing = sc.rules.map((r) => r.id).filter((id) => !withPath.includes(id));
    expect(missing).toEqual([]);
  });

  test.each(rulePaths)('rule-paths/%s breaks its rule in practice and exam, every event made by a placed part', async (file) => {
    const rule = sc.rules.find((r) => `${r.id}.json` === file)!;
    const events = readPath(join(dir, 'rule-paths', file));
    for (const mode of ['practice', 'exam'] as const) {
      const result = score(sc, events.map((e) => ({ ...e, device: 'desktop' as const })), mode);
      expect(result.violations.map((v) => v.rule), mode).toContain(rule.id);
      if (rule.severity === 'critical') expect(result.failedByCritical, mode).toBe(true);
    }
    const check = await checkPathAgainstParts(folder, events, sc);
    expect(check.refused).toBeNull();
  });
});
