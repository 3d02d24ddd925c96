import { stationMatrix } from './support/station-matrix';

// The lockout-tagout core module through the generic driver (layout only, no station.tsx). The exam's
// violation is reaching into the machine before anything is isolated (one move: the jammed box taken
// out with the belt running); the other isolation, padlock and restart rules are played in Node with
// every other rule path.
stationMatrix('core/lockout-tagout', {
  viewport: { width: 1024, height: 640 },
  criticalRule: 'hands-in-power-on',
  screenshots: { 'core-lockout-tagout': 0, 'core-lockout-tagout-locked-out': 12 },
});
