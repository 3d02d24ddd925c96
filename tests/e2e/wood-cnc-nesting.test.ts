import { stationMatrix } from './support/station-matrix';

// The CNC nesting router (CNC-nestingmachine) through the generic driver: mouse and VR controller
// with budgets, one exam violation. The exam's critical rule is the job started without safety
// glasses (its path is one move); the other critical rules run in Node with every rule path.
stationMatrix('wood/cnc-nesting', { criticalRule: 'start-without-glasses', screenshots: { 'wood-cnc-nesting': 0 } });
