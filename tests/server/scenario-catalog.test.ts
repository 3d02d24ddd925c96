import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { InvalidScenesError, readScenes } from '../../src/server/scenario-catalog';
import { root } from './test-app';

let dir = '';
beforeEach(() => {
  // A copy of the repo's scenes and locales, so a broken station can be added without touching them.
  dir = mkdtempSync(join(tmpdir(), 'werkvloer-scenes-'));
  cpSync(join(root, 'scenes'), join(dir, 'scenes'), { recursive: true });
  cpSync(join(root, 'locales'), join(dir, 'locales'), { recursive: true });
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('readScenes', () => {
  test('loads every station under scenes/ with its content hash, and skips the _template', () => {
    const entries = readScenes(dir);
    expect(entries.map((e) => e.scenario.id)).toContain('wood-intro-workbench');
    expect(entries.every((e) => /^[0-9a-f]{64}$/.test(e.hash))).toBe(true);
    expect(entries.some((e) => e.scenario.sector === ('_template' as never))).toBe(false);
  });

  test('an invalid station stops the start with its file and the JSON path of the error', () => {
    const sample = JSON.parse(readFileSync(join(dir, 'scenes/wood/intro-workbench/scenario.json'), 'utf8'));
    sample.id = 'wood-broken';
    sample.steps[1].object = 'no-such-object';
    mkdirSync(join(dir, 'scenes/wood/broken'));
    writeFileSync(join(dir, 'scenes/wood/broken/scenario.json'), JSON.stringify(sample));
    let error: unknown;
    try {
      readScenes(dir);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InvalidScenesError);
    const message = (error as Error).message;
    expect(message).toContain('scenes/wood/broken/scenario.json');
    expect(message).toContain('steps[1].object');
  });

  test('a file that is not JSON is named too', () => {
    mkdirSync(join(dir, 'scenes/wood/half'));
    writeFileSync(join(dir, 'scenes/wood/half/scenario.json'), '{ "id": ');
    expect(() => readScenes(dir)).toThrow(/scenes\/wood\/half\/scenario\.json \$: not valid JSON/);
  });
});
