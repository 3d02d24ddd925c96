import { cpSync, mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { parseScenario, scenarioHash, type Scenario } from '../../src/engine';
import { layoutHash } from '../../src/engine/layout-hash';
import { loadLayoutFile } from '../../scripts/layout-file';
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

function loadModule(root: string, id = stationsModuleId, mode = 'production'): string {
  warnings = [];
  const plugin = stationsPlugin();
  (plugin.configResolved as (c: { root: string; mode: string }) => void)({ root, mode });
  const resolved = (plugin.resolveId as (id: string) => string)(id);
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
  test('the station list is small: ids and loaders; the scenario loads on play, with the hashes its results carry', () => {
    const code = loadModule(tempProject());
    const scenario = JSON.parse(readFileSync(join(dir, 'scenes/wood/intro-workbench/scenario.json'), 'utf8')) as Scenario;
    expect(code).toContain('"folder":"wood/intro-workbench"');
    expect(code).toContain('import("virtual:werkvloer/scenario/wood/intro-workbench")');
    // Drawn from its layout.json: the build composes it (see the layout tests below).
    expect(code).toContain('import("virtual:werkvloer/composition/wood/intro-workbench")');
    expect(code).not.toContain('"steps"');
    // No hash in the list: 64 hex digits per station would weigh on every station's first frame.
    expect(code).not.toMatch(/[0-9a-f]{64}/);
    const data = loadModule(dir, 'virtual:werkvloer/scenario/wood/intro-workbench');
    const hash = /^export const hash = "([0-9a-f]{64})";$/m.exec(data)?.[1];
    // The hash is the engine's hash of the whole parsed scenario: the server computes the same one.
    const full = parseScenario(scenario, 'scenario.json');
    if (!full.ok) throw new Error('the sample scenario does not parse');
    expect(hash).toBe(scenarioHash(full.scenario));
    const layout = loadLayoutFile(dir, join(dir, 'scenes/wood/intro-workbench/scenario.json'), full.scenario).layout!;
    expect(/^export const layoutHash = "([0-9a-f]{64})";$/m.exec(data)?.[1]).toBe(layoutHash(layout));
    // The headset gets the same scenario without what only authors and trainers read.
    const parsed = JSON.parse(/^export default (.*);$/m.exec(data)![1]!) as Scenario;
    const { sources: _sources, reviewed: _reviewed, $schema: _schema, ...played } = full.scenario as Scenario & { $schema?: string };
    // Authors' `$comment`s (and the editor's `$schema` link) stay out of the headset's copy too.
    expect(parsed).toEqual(JSON.parse(JSON.stringify(played), (key, value: unknown) => (key === '$comment' ? undefined : value)));
    expect(parsed).not.toHaveProperty('sources');
    expect(parsed).not.toHaveProperty('$schema');
  });

  test('the kit test scene (scenes/_template) is in the test build only, and listed only on a page that asks for it', () => {
    const root = tempProject();
    cpSync(join(repo, 'scenes/_template'), join(root, 'scenes/_template'), { recursive: true });
    cpSync(join(repo, 'locales/nl/template-station.json'), join(root, 'locales/nl/template-station.json'));
    expect(loadModule(root)).not.toContain('_template');
    const code = loadModule(root, stationsModuleId, 'e2e');
    expect(code).toContain(`...(location.search.includes('kit-scene') ? [{ ...{"folder":"_template","id":"template-station"`);
    expect(code).toContain('"folder":"wood/intro-workbench"');
  });

  test('station titles per language come from each scenario namespace', () => {
    const code = loadModule(tempProject(), 'virtual:werkvloer/station-titles/nl');
    const titles = JSON.parse(/^export default (.*);$/m.exec(code)![1]!) as Record<string, { title: string }>;
    const nl = JSON.parse(readFileSync(join(dir, 'locales/nl/wood-intro-workbench.json'), 'utf8')) as { title: string };
    expect(titles['wood-intro-workbench']!.title).toBe(nl.title);
  });

  test('a broken scenario fails the build with its file and JSON path', () => {
    const root = tempProject();
    const file = join(root, 'scenes/wood/intro-workbench/scenario.json');
    const data = JSON.parse(readFileSync(file, 'utf8'));
    data.steps[1].object = 'no-such-button';
    writeFileSync(file, JSON.stringify(data));
    expect(() => loadModule(root)).toThrow(/scenes\/wood\/intro-workbench\/scenario\.json.*steps\[1\]\.object/);
  });

  test('the list carries each station’s country (null when the scenario names none)', () => {
    const root = tempProject();
    expect(loadModule(root)).toContain('"sector":"wood","country":null');
    const file = join(root, 'scenes/wood/intro-workbench/scenario.json');
    writeFileSync(file, JSON.stringify({ ...JSON.parse(readFileSync(file, 'utf8')), country: 'NL' }));
    expect(loadModule(root)).toContain('"sector":"wood","country":"NL"');
  });

  test('a scenario without layout.json or station.tsx yet is left out of the app, with a warning', () => {
    const root = tempProject();
    rmSync(join(root, 'scenes/wood/intro-workbench/layout.json'));
    const code = loadModule(root);
    expect(code).not.toContain('wood/intro-workbench');
    expect(warnings).toEqual([expect.stringMatching(/wood\/intro-workbench has neither layout\.json nor station\.tsx yet: it is left out of the app/)]);
  });

  test('a station with only station.tsx loads that file as its composition', () => {
    const root = tempProject();
    rmSync(join(root, 'scenes/wood/intro-workbench/layout.json'));
    writeFileSync(join(root, 'scenes/wood/intro-workbench/station.tsx'), 'export default function S() { return null; }\n');
    expect(loadModule(root)).toContain('import("/scenes/wood/intro-workbench/station.tsx")');
  });

  test('the composition from layout.json imports only the kit parts the layout uses, without zod or comments', () => {
    const code = loadModule(tempProject(), 'virtual:werkvloer/composition/wood/intro-workbench');
    const imported = [...code.matchAll(/from '\/src\/world\/kit\/([a-z-]+)\?station=wood%2Fintro-workbench'/g)].map((m) => m[1]).sort();
    expect(imported).toEqual(['ppe', 'push-button', 'safety-sign']);
    expect(code).toContain("import { LayoutStation } from '/src/world/layout-station'");
    expect(code).not.toMatch(/zod|\$comment|station\.tsx/);
    expect(code).toContain('"object":"start-button"');
  });

  test('station.tsx beside layout.json adds what is unique, as the layout station\'s child, after the first frame', () => {
    const root = tempProject();
    writeFileSync(join(root, 'scenes/wood/intro-workbench/station.tsx'), 'export default function Unique() { return null; }\n');
    const code = loadModule(root, 'virtual:werkvloer/composition/wood/intro-workbench');
    expect(code).toContain('partAfterFirstFrame(() => import("/scenes/wood/intro-workbench/station.tsx")');
    expect(code).toContain('createElement(Unique)');
  });

  test('a broken layout fails the build with its file and JSON path', () => {
    const root = tempProject();
    const file = join(root, 'scenes/wood/intro-workbench/layout.json');
    const data = JSON.parse(readFileSync(file, 'utf8'));
    data.parts[0].object = 'no-such-button';
    writeFileSync(file, JSON.stringify(data));
    expect(() => loadModule(root)).toThrow(/scenes\/wood\/intro-workbench\/layout\.json \$\.parts\[0\]\.object: unknown object "no-such-button"/);
  });
});
