import { foodLanguageChecks } from './support/food-language-checks';
import { stationMatrix } from './support/station-matrix';

// The food station, Belgian variant, through the generic driver; screenshots of the sluice and the
// line. Its mouse run is played in Dari: the right-to-left quantities are checked there (no run of
// their own).
stationMatrix('food/hygiene-sluice-line-be', {
  viewport: { width: 1024, height: 640 },
  criticalRule: 'enter-without-washing',
  screenshots: { 'food-hygiene-sluice': 2, 'food-meat-line': 10 },
  language: 'prs',
  checks: foodLanguageChecks('prs'),
});
