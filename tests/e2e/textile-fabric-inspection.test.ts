import { stationMatrix } from './support/station-matrix';

// The fabric inspection frame through the generic driver (layout only, no station.tsx). 1024 × 640
// as the other textile station. The exam's violation is the run pedal held with the hair loose (its
// first event: one move); the hand into the in-running nip is played in Node with every other rule path.
stationMatrix('textile/fabric-inspection', {
  viewport: { width: 1024, height: 640 },
  criticalRule: 'run-with-hair-loose',
  screenshots: { 'textile-fabric-inspection': 0, 'textile-fabric-inspection-fold': 19 },
});
