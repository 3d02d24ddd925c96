import { stationMatrix } from './support/station-matrix';

const folder = 'plastics/injection-moulding';

// 1024 x 640: the desktop overlay (420 px wide, top left) leaves the conveyor, the gate and the mould in view.
// A hand, a controller's grip or a fingertip in a running machine's danger area is played per kit part
// (tests/e2e/kit-parts.test.ts), and the mould's rule path in Node with every rule path.
stationMatrix(folder, { viewport: { width: 1024, height: 640 }, criticalRule: 'reach-into-running-mould', screenshots: { 'plastics-injection-moulding': 8 } });
