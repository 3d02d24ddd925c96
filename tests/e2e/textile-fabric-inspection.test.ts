import { stationMatrix } from './support/station-matrix';

// The fabric inspection frame through the generic driver (layout only, no station.tsx). 1024 × 640
// as the other textile station. The exam's violation is a hand at the in-running nip while the run
// pedal is held (its rule path: the ideal path to the first run, then the hand into the nip).
stationMatrix('textile/fabric-inspection', {
  viewport: { width: 1024, height: 640 },
  criticalRule: 'hand-in-nip',
  screenshots: { 'textile-fabric-inspection': 0, 'textile-fabric-inspection-fold': 17 },
});
