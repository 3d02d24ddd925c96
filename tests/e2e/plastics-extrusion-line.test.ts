import { stationMatrix } from './support/station-matrix';

// The pipe extrusion line (extrusielijn) through the generic driver (layout only, no station.tsx):
// mouse and VR controller with budgets, one exam violation. The exam's critical rule is the line
// started without safety glasses (its path is one move); the hands at the haul-off nip, the saw and
// the die are played in Node with every other rule path.
stationMatrix('plastics/extrusion-line', { criticalRule: 'start-without-glasses', screenshots: { 'plastics-extrusion-line': 0 } });
