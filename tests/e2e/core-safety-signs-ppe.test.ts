import { stationMatrix } from './support/station-matrix';

// The safety signs and PPE core module through the generic driver (layout only, no station.tsx). The
// exam's violation is the sheet stack put on the pallet before the safety shoes are on (one move); the
// other PPE, drill, caustic and exit rules are played in Node with every other rule path.
stationMatrix('core/safety-signs-ppe', {
  viewport: { width: 1024, height: 640 },
  criticalRule: 'sheets-without-shoes',
  screenshots: { 'core-safety-signs-ppe': 0, 'core-safety-signs-ppe-ppe-board': 14 },
});
