declare module 'virtual:werkvloer/stations' {
  import type { ComponentType } from 'react';
  import type { Scenario } from '../engine';

  /** Every station in scenes/, validated at build time (scripts/vite-stations.ts). */
  export const stations: ReadonlyArray<{
    folder: string;
    hash: string;
    scenario: Scenario;
    loadComposition: () => Promise<{ default: ComponentType }>;
  }>;
}
