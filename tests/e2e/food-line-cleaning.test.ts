import { stationMatrix } from './support/station-matrix';

// Cleaning and disinfecting a food line through the generic driver (layout only, no station.tsx). The
// contact times (10 and 5 minutes) pass on the test clock. The exam's violation is the acid descaler
// poured into the chlorinated disinfectant (one move); the lockout, PPE and contact-time rules are
// played in Node with every other rule path.
stationMatrix('food/line-cleaning', {
  viewport: { width: 1024, height: 640 },
  criticalRule: 'acid-into-chlorine',
  screenshots: { 'food-line-cleaning': 0, 'food-line-cleaning-atp': 20 },
});
