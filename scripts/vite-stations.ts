import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Plugin } from 'vite';
import { parseScenario, scenarioHash, type Layout, type Scenario } from '../src/engine';
import { layoutHash } from '../src/engine/layout-hash';
import { kitCatalog } from '../src/world/kit/catalog';
import { readLearningPaths } from '../src/server/learning-paths';
import { loadLayoutFile } from './layout-file';

export const stationsModuleId = 'virtual:werkvloer/stations';
const scenarioPrefix = 'virtual:werkvloer/scenario/';
const titlesPrefix = 'virtual:werkvloer/station-titles/';
const compositionPrefix = 'virtual:werkvloer/composition/';
export const tutorialModuleId = 'virtual:werkvloer/tutorial';
/** The VR tutorial: a scenario and composition like a station's, but never listed as one. */
const tutorialFolder = '_tutorial';
/**
 * The kit test scene (the sample station, scenes/_template: every kind of kit part): in the test
 * build only, and listed only on a page opened with `?kit-scene` (tests/e2e/kit-parts.test.ts).
 */
const kitSceneFolder = '_template';

const isOwnId = (id: string) =>
  id === stationsModuleId || id === tutorialModuleId || id.startsWith(scenarioPrefix) || id.startsWith(titlesPrefix) || id.startsWith(compositionPrefix);

interface StationSource {
  folder: string;
  scenarioFile: string;
  compositionFile: string;
}

function findStations(root: string, withKitScene: boolean): StationSource[] {
  const scenes = join(root, 'scenes');
  const found: StationSource[] = [];
  for (const sector of readdirSync(scenes).sort()) {
    if (!statSync(join(scenes, sector)).isDirectory()) continue;
    for (const station of readdirSync(join(scenes, sector)).sort()) {
      const dir = join(scenes, sector, station);
      const scenarioFile = join(dir, 'scenario.json');
      if (!statSync(dir).isDirectory() || !existsSync(scenarioFile)) continue;
      found.push({ folder: `${sector}/${station}`, scenarioFile, compositionFile: join(dir, 'station.tsx') });
    }
  }
  const kit = join(scenes, kitSceneFolder);
  if (withKitScene) found.push({ folder: kitSceneFolder, scenarioFile: join(kit, 'scenario.json'), compositionFile: join(kit, 'station.tsx') });
  const tutorial = join(scenes, tutorialFolder);
  if (existsSync(join(tutorial, 'scenario.json'))) {
    found.push({ folder: tutorialFolder, scenarioFile: join(tutorial, 'scenario.json'), compositionFile: join(tutorial, 'station.tsx') });
  }
  return found;
}

const readJson = (file: string): Record<string, unknown> | undefined => (existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>) : undefined);

/** Authors' `$comment`s stay in the repository; the trainee's download does not need them. */
function withoutComments(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutComments);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).filter(([k]) => k !== '$comment').map(([k, v]) => [k, withoutComments(v)]));
}

interface Playable {
  source: StationSource;
  scenario: Scenario;
  hash: string;
  /** The validated layout.json, when the station has one (then its composition is generated). */
  layout: Layout | null;
}

/**
 * A station's composition from its layout: LayoutStation with exactly the kit parts the layout
 * names (so the chunk holds no other part), and station.tsx — what is unique — as its children.
 */
function compositionModule(root: string, p: Playable): string {
  const layout = p.layout!;
  const names = [...new Set(layout.parts.map((x) => x.part))].sort();
  const imports = names.map((n) => {
    const [file, exportName] = kitCatalog[n];
    // The station's own copy of the part (a query makes it a module of its own): the part lands in
    // the station's chunk instead of a small chunk shared with other stations, whose every boundary
    // costs bytes of JavaScript before the first frame. What the parts share (interactables, the
    // batches, the session) is imported as usual: one instance for all.
    return `import { ${exportName} } from '/src/world/kit/${file}?station=${encodeURIComponent(p.source.folder)}';`;
  });
  const unique = existsSync(p.source.compositionFile) ? `/${relative(root, p.source.compositionFile).split('\\').join('/')}` : null;
  // At run time the layout is its parts and body; `$schema` and the station list are for authors and checks.
  const { $schema: _schema, station: _station, ...drawn } = withoutComments(layout) as Layout & { $schema?: string };
  return [
    "import { createElement } from 'react';",
    "import { LayoutStation } from '/src/world/layout-station';",
    ...imports,
    // What is unique to the machine comes a few frames after the station's first frame (its own
    // Suspense): the kit and the body are drawn at once, and its code is not in the first frame's budget.
    unique ? "import { partAfterFirstFrame } from '/src/world/part-after-first-frame';" : '',
    unique ? `const Unique = partAfterFirstFrame(() => import(${JSON.stringify(unique)}).then((m) => m.default));` : '',
    `const layout = ${JSON.stringify(drawn)};`,
    `const kit = { ${names.map((n) => `${JSON.stringify(n)}: ${kitCatalog[n][1]}`).join(', ')} };`,
    `export default function Station() { return createElement(LayoutStation, { layout, kit, name: ${JSON.stringify(`station:${p.source.folder}`)} }${unique ? ', createElement(Unique)' : ''}); }`,
  ].join('\n');
}

/**
 * Validates every scenario at build time and gives the app three kinds of module:
 * - `virtual:werkvloer/stations`: the list for the start screen (ids, hashes, loaders) — small;
 * - `virtual:werkvloer/scenario/<sector>/<station>`: one station's parsed scenario, loaded on play;
 * - `virtual:werkvloer/station-titles/<lng>`: every station's title and summary in one language.
 * So zod, the hash code and the stations a trainee does not play stay out of the first download,
 * and a broken scenario breaks the build with its file and JSON path instead of failing on a headset.
 */
export function stationsPlugin(): Plugin {
  let root = process.cwd();
  let testBuild = false;
  // Every virtual module (the list, each scenario, each language's titles) reads the same
  // validated set: validate once per build, again only when a scene file changes.
  let cache: Playable[] | null = null;

  function playable(ctx: { addWatchFile(f: string): void; warn(m: string): void; error(m: string): never }): Playable[] {
    const out: Playable[] = [];
    const problems: string[] = [];
    for (const s of findStations(root, testBuild)) {
      ctx.addWatchFile(s.scenarioFile);
      const rel = relative(root, s.scenarioFile);
      let data: unknown;
      try {
        data = JSON.parse(readFileSync(s.scenarioFile, 'utf8'));
      } catch (error) {
        problems.push(`${rel}: not valid JSON: ${(error as Error).message}`);
        continue;
      }
      const sourceLocale = readJson(join(root, 'locales', 'nl', `${(data as { id?: string }).id ?? ''}.json`));
      const parsed = parseScenario(data, rel, sourceLocale ? { sourceLocale } : undefined);
      if (!parsed.ok) {
        problems.push(...parsed.issues.map((i) => `${i.file} ${i.path}: ${i.message}`));
        continue;
      }
      // A station is found by its scenario.json; it is drawn from layout.json, station.tsx or both.
      const layout = loadLayoutFile(root, s.scenarioFile, parsed.scenario);
      ctx.addWatchFile(join(root, layout.file));
      if (layout.issues.length > 0) {
        problems.push(...layout.issues.map((i) => `${i.file} ${i.path}: ${i.message}`));
        continue;
      }
      if (!layout.layout && !existsSync(s.compositionFile)) {
        // Scenario data can be written and checked before its layout exists; it is not offered to
        // trainees until it does.
        ctx.warn(`${s.folder} has neither layout.json nor station.tsx yet: it is left out of the app`);
        continue;
      }
      out.push({ source: s, scenario: parsed.scenario, hash: scenarioHash(parsed.scenario), layout: layout.layout });
    }
    // The learning paths name these stations: a path naming a missing one breaks the build too.
    const paths = readLearningPaths(root, out.filter((p) => p.source.folder !== kitSceneFolder).map((p) => p.scenario));
    problems.push(...paths.issues.map((i) => `${i.file} ${i.path}: ${i.message}`));
    if (problems.length > 0) ctx.error(`invalid scenarios, layouts or learning paths:\n${problems.join('\n')}`);
    return out;
  }

  return {
    name: 'werkvloer-stations',
    configResolved(config) {
      root = config.root;
      testBuild = config.mode === 'e2e';
    },
    buildStart() {
      cache = null;
    },
    watchChange(id) {
      if (id.includes(`${root}/scenes/`) || id.includes(`${root}/locales/`)) cache = null;
    },
    resolveId(id) {
      return isOwnId(id) ? `\0${id}` : null;
    },
    load(id) {
      // Other plugins serve other virtual:werkvloer/ modules (scripts/vite-locale-files.ts).
      if (!id.startsWith('\0') || !isOwnId(id.slice(1))) return null;
      const virtualId = id.slice(1);
      const all = (cache ??= playable(this));
      const stations = all.filter((s) => s.source.folder !== tutorialFolder && s.source.folder !== kitSceneFolder);
      const kitScene = all.find((s) => s.source.folder === kitSceneFolder);
      const entry = ({ source, scenario, layout }: Playable) => {
        const composition = layout ? compositionPrefix + source.folder : `/${relative(root, source.compositionFile).split('\\').join('/')}`;
        // The country goes into the list so the start screen can offer an organisation its own
        // country's stations without loading any scenario.
        // The hashes a result carries travel with the scenario, loaded on play: 64 hex digits do not
        // compress, and the list is in every station's first frame (two hashes cost ~115 B gzip each).
        const meta = { folder: source.folder, id: scenario.id, version: scenario.version, sector: scenario.sector, country: scenario.country ?? null };
        return `{ ...${JSON.stringify(meta)}, loadScenario: () => import(${JSON.stringify(scenarioPrefix + source.folder)}), loadComposition: () => import(${JSON.stringify(composition)}) }`;
      };
      if (virtualId === tutorialModuleId) {
        const tutorial = all.find((s) => s.source.folder === tutorialFolder);
        return `export const tutorial = ${tutorial ? entry(tutorial) : 'null'};\n`;
      }
      if (virtualId === stationsModuleId) {
        const entries = stations.map(entry);
        // Never in a production build; in the test build only when the page asks for it.
        if (kitScene) entries.push(`...(location.search.includes('kit-scene') ? [${entry(kitScene)}] : [])`);
        const languages = readdirSync(join(root, 'locales')).filter((l) => statSync(join(root, 'locales', l)).isDirectory()).sort();
        const titles = languages.map((l) => `${JSON.stringify(l)}: () => import(${JSON.stringify(titlesPrefix + l)}).then((m) => m.default)`);
        return `export const stations = [\n${entries.join(',\n')}\n];\nexport const stationTitles = {\n${titles.join(',\n')}\n};\n`;
      }
      if (virtualId.startsWith(compositionPrefix)) {
        const hit = all.find((s) => s.source.folder === virtualId.slice(compositionPrefix.length));
        if (!hit?.layout) this.error(`no station with a layout at ${virtualId}`);
        return compositionModule(root, hit);
      }
      if (virtualId.startsWith(scenarioPrefix)) {
        const folder = virtualId.slice(scenarioPrefix.length);
        const hit = all.find((s) => s.source.folder === folder);
        if (!hit) this.error(`no playable station ${folder}`);
        // Sources, the review record and the editor's schema link are for authors and trainers; the engine on the headset never reads them.
        const { sources: _sources, reviewed: _reviewed, $schema: _schema, ...played } = hit.scenario as Scenario & { $schema?: string };
        // With the hashes its results carry: the scenario's (the server re-scores with that version) and the layout's (poses).
        return [`export default ${JSON.stringify(withoutComments(played))};`, `export const hash = ${JSON.stringify(hit.hash)};`, `export const layoutHash = ${JSON.stringify(hit.layout ? layoutHash(hit.layout) : null)};`, ''].join('\n');
      }
      const lng = virtualId.slice(titlesPrefix.length);
      const titles: Record<string, { title: unknown; summary: unknown }> = {};
      for (const { scenario } of stations) {
        const file = join(root, 'locales', lng, `${scenario.id}.json`);
        if (existsSync(file)) this.addWatchFile(file);
        const resource = readJson(file);
        if (resource) titles[scenario.id] = { title: resource[scenario.title], summary: resource[scenario.summary] };
      }
      return `export default ${JSON.stringify(titles)};\n`;
    },
  };
}
