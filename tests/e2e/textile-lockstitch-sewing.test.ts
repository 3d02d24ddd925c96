import { stationMatrix } from './support/station-matrix';

// The cutting table and lockstitch machine through the generic driver. 1024 × 640: at 640 × 400 the
// desktop overlay (420 px wide) covers the left table's back half.
stationMatrix('textile/lockstitch-sewing', {
  viewport: { width: 1024, height: 640 },
  criticalRule: 'finger-under-needle',
  screenshots: { 'textile-lockstitch-sewing': 0 },
});
