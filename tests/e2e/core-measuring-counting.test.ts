import { stationMatrix } from './support/station-matrix';

// The measuring-and-counting core module through the generic driver (layout only, no station.tsx). The
// exam's violation is a hand in the running lathe (one move after the order is read); the burn, the
// heavy box, the tolerance and the tare rules are played in Node with every other rule path.
stationMatrix('core/measuring-counting', {
  viewport: { width: 1024, height: 640 },
  criticalRule: 'hand-in-machine',
  screenshots: { 'core-measuring-counting': 0, 'core-measuring-counting-weighing': 14 },
});
