import { stationMatrix } from './support/station-matrix';

// The food packing line through the generic driver (layout only, no station.tsx). The exam's violation
// is the line started before the line clearance (one move); the hand at the reject pusher and the
// failed-test rules are played in Node with every other rule path.
stationMatrix('food/packaging-line', {
  viewport: { width: 1024, height: 640 },
  criticalRule: 'start-without-clearance',
  screenshots: { 'food-packaging-line': 0, 'food-packaging-line-failed-test': 20 },
});
