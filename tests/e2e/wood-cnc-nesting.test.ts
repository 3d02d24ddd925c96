import { stationMatrix } from './support/station-matrix';

// The CNC nesting router (CNC-nestingmachine) through the generic driver: mouse and VR controller
// with budgets, one exam violation. The exam's critical rule is the job started without safety
// glasses (its path is one move); the other critical rules run in Node with every rule path.
// Screenshots for a reviewer: the station, the vacuum fault just after the start (the gauge out of the
// green, the part askew: before the emergency stop, move 19) and the part that shifted, looked at after
// the job (move 25).
stationMatrix('wood/cnc-nesting', {
  criticalRule: 'start-without-glasses',
  screenshots: { 'wood-cnc-nesting': 0, 'wood-cnc-nesting-vacuum-fault': 19, 'wood-cnc-nesting-shifted-part': 25 },
});
