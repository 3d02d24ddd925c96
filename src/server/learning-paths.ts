import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseLearningPath, type LearningPath, type PathScenario, type ScenarioIssue } from '../engine';

/** Where the project's default learning paths live: one JSON file per path, named by its id. */
export const pathsDir = (scenesDir: string) => join(scenesDir, '_paths');

export type LearningPathsRead = { paths: LearningPath[]; issues: ScenarioIssue[] };

/**
 * Reads and checks scenes/_paths/*.json against the scenarios there are (the build's check and the
 * server's start both call this, so a broken path stops either with its file and JSON path).
 */
export function readLearningPaths(root: string, scenarios: readonly PathScenario[], scenesDir = join(root, 'scenes')): LearningPathsRead {
  const dir = pathsDir(scenesDir);
  const out: LearningPathsRead = { paths: [], issues: [] };
  if (!existsSync(dir)) return out;
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.json')).sort()) {
    const file = relative(root, join(dir, name)).split('\\').join('/');
    let data: unknown;
    try {
      data = JSON.parse(readFileSync(join(dir, name), 'utf8'));
    } catch (error) {
      out.issues.push({ file, path: '$', message: `not valid JSON: ${(error as Error).message}` });
      continue;
    }
    const parsed = parseLearningPath(data, file, scenarios);
    if (!parsed.ok) {
      out.issues.push(...parsed.issues);
      continue;
    }
    const expected = name.replace(/\.json$/, '');
    if (parsed.path.id !== expected) out.issues.push({ file, path: '$.id', message: `"${parsed.path.id}" does not match the file name ${name} (expected "${expected}")` });
    else out.paths.push(parsed.path);
  }
  return out;
}

/** The default path for an organisation's trainees in a sector: the one of its country, else the one for every country. */
export function defaultPathFor(paths: readonly LearningPath[], sector: LearningPath['sector'], country: 'BE' | 'NL' | null): LearningPath | null {
  const ofSector = paths.filter((p) => p.sector === sector);
  return ofSector.find((p) => p.country !== undefined && p.country === country) ?? ofSector.find((p) => p.country === undefined) ?? null;
}
