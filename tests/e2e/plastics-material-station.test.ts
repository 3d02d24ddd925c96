import { stationMatrix } from './support/station-matrix';

// The material station (materiaalstation) through the generic driver (layout only, no station.tsx):
// mouse and VR controller with budgets, one exam violation. The exam's critical rule is the dryer's
// hose put onto machine M4's coupling (its path is two moves); the hot dryer opened without gloves,
// the hand in the hopper and the PA66 bag in the dryer are played in Node with every other rule path.
stationMatrix('plastics/material-station', { criticalRule: 'hose-wrong-machine', screenshots: { 'plastics-material-station': 0 } });
