import { stations } from 'virtual:werkvloer/stations';

/**
 * A workstation the trainee can pick; its scenario and 3D composition load when it is played.
 * The shape is declared once, with the module that provides it (virtual-stations.d.ts).
 */
export type StationEntry = (typeof stations)[number];

export function loadStationCatalog(): StationEntry[] {
  return [...stations].sort((a, b) => a.folder.localeCompare(b.folder));
}
