// Reads a station's layout.json (and the layout it `extends`) and checks it against the station's
// scenario. Shared by check:scenes and the build, so both report the same "file JSON-path: message".
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { parseLayout, type Layout, type Scenario, type ScenarioIssue } from '../src/engine';

export type LayoutFileResult = { layout: Layout | null; file: string; issues: ScenarioIssue[] };

/** `layout.json` beside `scenarioFile`; `layout: null` and no issues when the station has none. */
export function loadLayoutFile(root: string, scenarioFile: string, scenario: Scenario): LayoutFileResult {
  const abs = join(dirname(scenarioFile), 'layout.json');
  const rel = relative(root, abs).split('\\').join('/');
  if (!existsSync(abs)) return { layout: null, file: rel, issues: [] };
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(abs, 'utf8'));
  } catch (error) {
    return { layout: null, file: rel, issues: [{ file: rel, path: '$', message: `not valid JSON: ${(error as Error).message}` }] };
  }
  let base: Layout | undefined;
  const extendsPath = (data as { extends?: unknown } | null)?.extends;
  if (typeof extendsPath === 'string') {
    const baseFile = join(dirname(abs), extendsPath);
    if (!existsSync(baseFile)) return { layout: null, file: rel, issues: [{ file: rel, path: '$.extends', message: `${relative(root, baseFile)} does not exist` }] };
    // The base is read as data against this station's scenario: the overlay's objects decide.
    const parsedBase = parseLayout({ ...(JSON.parse(readFileSync(baseFile, 'utf8')) as object), extends: undefined }, relative(root, baseFile), scenario);
    if (!parsedBase.ok && parsedBase.issues.some((i) => !i.message.includes('no part places it'))) return { layout: null, file: rel, issues: parsedBase.issues };
    base = parsedBase.ok ? parsedBase.layout : undefined;
  }
  const parsed = parseLayout(data, rel, scenario, base);
  return parsed.ok ? { layout: parsed.layout, file: rel, issues: [] } : { layout: null, file: rel, issues: parsed.issues };
}
