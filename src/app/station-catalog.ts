import type { ComponentType } from 'react';
import { stations } from 'virtual:werkvloer/stations';
import type { Scenario } from '../engine';

/** A workstation the trainee can pick; its scenario and 3D composition load when it is played. */
export interface StationEntry {
  folder: string;
  id: string;
  version: number;
  sector: string;
  /** Content hash of the scenario version, sent with every result so the server re-scores with it. */
  hash: string;
  loadScenario: () => Promise<Scenario>;
  loadComposition: () => Promise<{ default: ComponentType }>;
}

export function loadStationCatalog(): StationEntry[] {
  return [...stations].sort((a, b) => a.folder.localeCompare(b.folder));
}
