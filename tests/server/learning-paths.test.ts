import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { readScenes } from '../../src/server/scenario-catalog';
import { defaultPathFor, readLearningPaths } from '../../src/server/learning-paths';

const root = process.cwd();
const stations = readScenes(root).map((e) => e.scenario);

describe('default learning paths (scenes/_paths)', () => {
  test('every sector has a valid default path, and every station the server offers is on one', () => {
    const read = readLearningPaths(root, stations);
    expect(read.issues).toEqual([]);
    expect(new Set(read.paths.map((p) => p.sector))).toEqual(new Set(['wood', 'food', 'plastics', 'textile']));
    const onAPath = new Set(read.paths.flatMap((p) => p.modules.map((m) => m.scenarioId)));
    expect(stations.map((s) => s.id).filter((id) => !onAPath.has(id))).toEqual([]);
  });

  test('an organisation gets the path of its country, else the one for every country', () => {
    const { paths } = readLearningPaths(root, stations);
    expect(defaultPathFor(paths, 'food', 'BE')?.id).toBe('food-be');
    expect(defaultPathFor(paths, 'food', 'NL')?.id).toBe('food-nl');
    expect(defaultPathFor(paths, 'wood', 'NL')?.id).toBe('wood');
    expect(defaultPathFor(paths, 'food', null)).toBeNull();
  });

  test('a path file whose id differs from its name, or that is not JSON, is refused with its file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'werkvloer-paths-'));
    mkdirSync(join(dir, 'scenes', '_paths'), { recursive: true });
    writeFileSync(join(dir, 'scenes', '_paths', 'wood.json'), JSON.stringify({ id: 'hout', sector: 'wood', modules: [{ scenarioId: 'wood-panel-saw' }] }));
    writeFileSync(join(dir, 'scenes', '_paths', 'textile.json'), '{ "id": "textile", ');
    const read = readLearningPaths(dir, stations);
    expect(read.paths).toEqual([]);
    expect(read.issues.map((i) => `${i.file} ${i.path}`)).toEqual(['scenes/_paths/textile.json $', 'scenes/_paths/wood.json $.id']);
    expect(read.issues[1]!.message).toContain('does not match the file name wood.json');
  });
});
