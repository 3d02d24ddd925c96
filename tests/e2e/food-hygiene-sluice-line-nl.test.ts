import { stationMatrix } from './support/station-matrix';

// The food station, Dutch variant (an NL organisation's trainee takes the exam), through the generic driver.
stationMatrix('food/hygiene-sluice-line-nl', { viewport: { width: 1024, height: 640 }, criticalRule: 'enter-without-washing' });
