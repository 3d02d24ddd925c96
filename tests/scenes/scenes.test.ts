import { describe, expect, test } from 'vitest';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
// Ajv comes with fastify (the results server); it checks that the generated JSON Schema an author's
// editor uses agrees with the zod schema on real files.
import { Ajv } from 'ajv';
import { initialState, score, step, translationKeys, type Feedback } from '../../src/engine';
import { loadScenes, sceneFiles } from '../../scripts/check-scenes';

const root = process.cwd();
const scenes = loadScenes(root);

const lookup = (resource: unknown, key: string): unknown =>
  key.split('.').reduce<unknown>((node, part) => (node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined), resource);

describe('every scenario in scenes/', () => {
  test('there is at least the sample station, the template and the VR tutorial', () => {
    expect(scenes.map((s) => s.file)).toEqual(
      expect.arrayContaining(['scenes/wood/intro-workbench/scenario.json', 'scenes/_template/scenario.json', 'scenes/_tutorial/scenario.json']),
    );
    expect(sceneFiles(root).length).toBe(scenes.length - 2);
  });

  describe.each(scenes.map((s) => [s.file, s] as const))('%s', (_, scene) => {
    test('is valid: shape, meaning, source-locale keys, folder', () => {
      expect(scene.issues).toEqual([]);
      expect(scene.scenario).not.toBeNull();
    });

    test('its ideal path (ideal-path.json) plays to 100 in every mode, live and replayed alike', () => {
      const sc = scene.scenario!;
      const path = scene.idealPath;
      expect(path, 'every station needs an ideal-path.json').not.toBeNull();
      for (const mode of sc.modes) {
        let s = initialState(sc, mode);
        const feedback: Feedback[] = [];
        for (const e of path!) {
          const r = step(sc, s, e);
          s = r.state;
          feedback.push(...r.feedback);
        }
        const r = score(sc, path!, mode);
        expect(r).toMatchObject({ total: 100, passed: true, ended: true, failedByCritical: false, violations: [], mistakes: [] });
        expect(s.completed.map((c) => c.id).sort()).toEqual(sc.steps.map((x) => x.id).sort());
        if (mode === 'practice') expect(feedback.filter((f) => f.kind === 'step-completed')).toHaveLength(sc.steps.length);
        for (const [k, v] of Object.entries(r.competencies)) expect(v, k).toBe(sc.steps.some((x) => x.competency === k) ? 100 : null);
      }
    });

    test('every translation key is in every locale file of this scenario, as text', () => {
      const sc = scene.scenario!;
      for (const lng of ['nl', 'en']) {
        const resource = JSON.parse(readFileSync(`locales/${lng}/${sc.id}.json`, 'utf8')) as unknown;
        for (const { key } of translationKeys(sc)) expect(typeof lookup(resource, key), `${lng}: ${key}`).toBe('string');
      }
    });

    test('the generated JSON Schema accepts the file', () => {
      const schema = JSON.parse(readFileSync('scenes/scenario.schema.json', 'utf8')) as object;
      const validate = new Ajv({ strict: false, allErrors: true }).compile(schema);
      const ok = validate(JSON.parse(readFileSync(scene.file, 'utf8')));
      expect(validate.errors ?? [], JSON.stringify(validate.errors)).toEqual([]);
      expect(ok).toBe(true);
    });
  });

  test('the generated JSON Schema rejects what the parser rejects: an unknown key, a bad action', () => {
    const schema = JSON.parse(readFileSync('scenes/scenario.schema.json', 'utf8')) as object;
    const validate = new Ajv({ strict: false }).compile(schema);
    const sample = JSON.parse(readFileSync('scenes/wood/intro-workbench/scenario.json', 'utf8')) as { steps: Record<string, unknown>[] };
    sample.steps[0]!.actoin = 'wear';
    expect(validate(sample)).toBe(false);
    delete sample.steps[0]!.actoin;
    sample.steps[0]!.action = 'push';
    expect(validate(sample)).toBe(false);
  });

  test('npm run check:scenes exits 0 here and non-zero with file and JSON path on a broken station', () => {
    const cli = (dir: string) => spawnSync('npx', ['tsx', 'scripts/check-scenes.ts', dir], { encoding: 'utf8' });
    const good = cli(root);
    expect(good.status, good.stderr).toBe(0);
    const tmp = mkdtempSync(join(tmpdir(), 'werkvloer-check-'));
    cpSync('scenes', join(tmp, 'scenes'), { recursive: true });
    cpSync('locales', join(tmp, 'locales'), { recursive: true });
    const file = join(tmp, 'scenes/wood/intro-workbench/scenario.json');
    writeFileSync(file, readFileSync(file, 'utf8').replace('"object": "stop-button",\n      "after"', '"object": "stop-knop",\n      "after"'));
    const bad = cli(tmp);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain('scenes/wood/intro-workbench/scenario.json $.steps[2].object: unknown object "stop-knop"');
  });
});
