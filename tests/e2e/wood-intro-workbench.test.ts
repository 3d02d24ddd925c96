import { stationMatrix } from './support/station-matrix';

// The sample workbench through the generic driver: mouse and VR controller with budgets, one exam violation.
stationMatrix('wood/intro-workbench', { criticalRule: 'start-without-glasses', screenshots: { 'wood-intro-workbench': 0 } });
