import { cpSync, mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { scenarioHash, type Scenario } from '../../src/engine';
import { stationsModuleId, stationsPlugin } from '../../scripts/vite-stations';

const repo = process.cwd();
let dir = '';
let warnings: string[] = [];

/** A copy of the sample station in a temp project root, to break on purpose. */
function tempProject(): string {
  dir = mkdtempSync(join(tmpdir(), 'werkvloer-stations-'));
  cpSync(join(repo, 'scenes/wood/intro-workbench'), join(dir, 'scenes/wood/intro-workbench'), { recursive: true });
  mkdirSync(join(dir, 'locales/nl'), { recursive: true });
  cpSync(join(repo, 'locales/nl/wood-intro-workbench.json'), join(dir, 'locales/nl/wood-intro-workbench.json'));
  return dir;
}

function loadModule(root: string): string {
  warnings = [];
  const plugin = stationsPlugin();
  (plugin.configResolved as (c: { root: string }) => void)({ root });
  const resolved = (plugin.resolveId as (id: string) => string)(stationsModuleId);
  const ctx = {
    addWatchFile: () => {},
    warn: (message: string) => warnings.push(message),
    error: (message: string) => {
      throw new Error(message);
    },
  };
  return (plugin.load as unknown as (this: typeof ctx, id: string) => string).call(ctx, resolved);
}

afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('stations plugin', () => {
  test('emits each station with its validated scenario, its hash and a lazy composition import', () => {
    const code = loadModule(tempProject());
    const scenario = JSON.parse(readFileSync(join(dir, 'scenes/wood/intro-workbench/scenario.json'), 'utf8')) as Scenario;
    expect(code).toContain('"wood/intro-workbench"');
    expect(code).toContain('import("/scenes/wood/intro-workbench/station.tsx")');
    const hash = /hash: "([0-9a-f]{64})"/.exec(code)?.[1];
    expect(hash).toBeDefined();
    expect(code).toContain(`"id":"${scenario.id}"`);
    // The hash is the engine's hash of the parsed scenario: the server computes the same one.
    const parsed = JSON.parse(/scenario: (\{.*\}), loadComposition/.exec(code)![1]!) as Scenario;
    expect(hash).toBe(scenarioHash(parsed));
  });

  test('a broken scenario fails the build with its file and JSON path', () => {
    const root = tempProject();
    const file = join(root, 'scenes/wood/intro-workbench/scenario.json');
    const data = JSON.parse(readFileSync(file, 'utf8'));
    data.steps[1].object = 'no-such-button';
    writeFileSync(file, JSON.stringify(data));
    expect(() => loadModule(root)).toThrow(/scenes\/wood\/intro-workbench\/scenario\.json.*steps\[1\]\.object/);
  });

  test('a scenario without its 3D composition yet is left out of the app, with a warning', () => {
    const root = tempProject();
    rmSync(join(root, 'scenes/wood/intro-workbench/station.tsx'));
    const code = loadModule(root);
    expect(code).not.toContain('wood/intro-workbench');
    expect(warnings).toEqual([expect.stringMatching(/station\.tsx does not exist yet: wood\/intro-workbench is left out of the app/)]);
  });
});
