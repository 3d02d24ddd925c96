import type { ComponentType } from 'react';
import { stations } from 'virtual:werkvloer/stations';
import type { Scenario } from '../engine';

/** A workstation the trainee can pick: its scenario data plus a lazy loader for its 3D composition. */
export interface StationEntry {
  folder: string;
  scenario: Scenario;
  /** Content hash of the scenario version, sent with every result so the server re-scores with it. */
  hash: string;
  loadComposition: () => Promise<{ default: ComponentType }>;
}

export function loadStationCatalog(): StationEntry[] {
  return [...stations].sort((a, b) => a.folder.localeCompare(b.folder));
}
