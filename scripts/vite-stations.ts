import { readFileSync, readdirSync, existsSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Plugin } from 'vite';
import { parseScenario, scenarioHash } from '../src/engine';

export const stationsModuleId = 'virtual:werkvloer/stations';
const resolvedId = `\0${stationsModuleId}`;

interface StationSource {
  folder: string;
  scenarioFile: string;
  compositionFile: string;
}

function findStations(root: string): StationSource[] {
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
  return found;
}

/**
 * Validates every scenario at build time and hands the app the parsed data and content hash.
 * Zod and the hash code then stay out of the trainee's download; a broken scenario breaks the
 * build with its file and JSON path instead of failing on a headset.
 */
export function stationsPlugin(): Plugin {
  let root = process.cwd();
  return {
    name: 'werkvloer-stations',
    configResolved(config) {
      root = config.root;
    },
    resolveId(id) {
      return id === stationsModuleId ? resolvedId : null;
    },
    load(id) {
      if (id !== resolvedId) return null;
      const entries: string[] = [];
      const problems: string[] = [];
      for (const s of findStations(root)) {
        this.addWatchFile(s.scenarioFile);
        const rel = relative(root, s.scenarioFile);
        let data: unknown;
        try {
          data = JSON.parse(readFileSync(s.scenarioFile, 'utf8'));
        } catch (error) {
          problems.push(`${rel}: not valid JSON: ${(error as Error).message}`);
          continue;
        }
        const sourceLocaleFile = join(root, 'locales', 'nl', `${(data as { id?: string }).id ?? ''}.json`);
        const sourceLocale = existsSync(sourceLocaleFile) ? (JSON.parse(readFileSync(sourceLocaleFile, 'utf8')) as Record<string, unknown>) : undefined;
        const parsed = parseScenario(data, rel, sourceLocale ? { sourceLocale } : undefined);
        if (!parsed.ok) {
          problems.push(...parsed.issues.map((i) => `${i.file} ${i.path}: ${i.message}`));
          continue;
        }
        if (!existsSync(s.compositionFile)) {
          // Scenario data can be written and checked before its 3D composition exists; it is not
          // offered to trainees until it does.
          this.warn(`${relative(root, s.compositionFile)} does not exist yet: ${s.folder} is left out of the app`);
          continue;
        }
        const importPath = `/${relative(root, s.compositionFile).split('\\').join('/')}`;
        entries.push(
          `{ folder: ${JSON.stringify(s.folder)}, hash: ${JSON.stringify(scenarioHash(parsed.scenario))}, scenario: ${JSON.stringify(parsed.scenario)}, loadComposition: () => import(${JSON.stringify(importPath)}) }`,
        );
      }
      if (problems.length > 0) this.error(`invalid scenarios:\n${problems.join('\n')}`);
      return `export const stations = [\n${entries.join(',\n')}\n];\n`;
    },
  };
}
