import { stationMatrix } from './support/station-matrix';

// The edge banding machine (kantenlijmmachine) through the generic driver: mouse and VR controller
// with budgets, one exam violation. The exam's critical rule is the machine started without safety
// glasses (its path is one move); the other critical rules run in Node with every rule path.
stationMatrix('wood/edge-banding', { criticalRule: 'start-without-glasses', screenshots: { 'wood-edge-banding': 0 } });
