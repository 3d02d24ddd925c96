import type { ComponentType } from 'react';
import { parseScenario, type Scenario } from '../engine';

/** A workstation the trainee can pick: its scenario data plus a lazy loader for its 3D composition. */
export interface StationEntry {
  scenario: Scenario;
  folder: string;
  loadComposition: () => Promise<{ default: ComponentType }>;
}

const scenarioFiles = import.meta.glob<unknown>('../../scenes/*/*/scenario.json', { eager: true, import: 'default' });
// Each station's 3D composition is its own chunk: the start screen never downloads a station it does not show.
const compositions = import.meta.glob<{ default: ComponentType }>('../../scenes/*/*/station.tsx');

function folderOf(path: string): string {
  return path.replace(/^.*scenes\//, '').replace(/\/[^/]+$/, '');
}

export function loadStationCatalog(): StationEntry[] {
  const byFolder = new Map<string, () => Promise<{ default: ComponentType }>>();
  for (const [path, load] of Object.entries(compositions)) byFolder.set(folderOf(path), load);
  const entries: StationEntry[] = [];
  for (const [path, data] of Object.entries(scenarioFiles)) {
    const folder = folderOf(path);
    const parsed = parseScenario(data, `scenes/${folder}/scenario.json`);
    const loadComposition = byFolder.get(folder);
    // Scenarios are validated by `npm run check:scenes` and the tests; a broken one here is a build error, so it is skipped loudly.
    if (!parsed.ok) {
      console.error('werkvloer: invalid scenario', parsed.issues);
      continue;
    }
    if (!loadComposition) {
      console.error(`werkvloer: scenes/${folder} has no station.tsx`);
      continue;
    }
    entries.push({ scenario: parsed.scenario, folder, loadComposition });
  }
  return entries.sort((a, b) => a.folder.localeCompare(b.folder));
}
