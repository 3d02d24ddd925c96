declare module 'virtual:werkvloer/stations' {
  import type { ComponentType } from 'react';
  import type { Scenario } from '../engine';

  /** A station's scenario as loaded on play, with the hashes its results carry. */
  export interface StationScenario {
    default: Scenario;
    /** Content hash of the scenario version, sent with every result so the server re-scores with it. */
    hash: string;
    /** Content hash of the station's layout.json (session poses carry it); null for a station drawn by hand. */
    layoutHash: string | null;
  }

  /** Every playable station in scenes/, validated at build time (scripts/vite-stations.ts). */
  export const stations: ReadonlyArray<{
    folder: string;
    id: string;
    version: number;
    sector: string;
    /** The country whose rules the station follows (scenario `country`); null: every country. */
    country: 'BE' | 'NL' | null;
    loadScenario: () => Promise<StationScenario>;
    loadComposition: () => Promise<{ default: ComponentType }>;
  }>;

  /** Per language: every station's `{ title, summary }` by scenario id (the `stations` namespace). */
  export const stationTitles: Record<string, () => Promise<Record<string, { title: string; summary: string }>>>;
}

declare module 'virtual:werkvloer/tutorial' {
  import type { stations } from 'virtual:werkvloer/stations';

  /** The VR tutorial (scenes/_tutorial), shaped like a station entry but never listed; null without one. */
  export const tutorial: (typeof stations)[number] | null;
}
