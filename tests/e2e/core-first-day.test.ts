import { stationMatrix } from './support/station-matrix';

// The first-day core module through the generic driver (layout only, no station.tsx). The exam's
// violation is opening the machine's guard to free the film oneself, right after the fault is read on
// the screen; the forklift route, the open wound and the other rules are played in Node with every
// other rule path.
stationMatrix('core/first-day', {
  viewport: { width: 1024, height: 640 },
  criticalRule: 'repair-yourself',
  screenshots: { 'core-first-day': 0, 'core-first-day-fault': 5 },
});
