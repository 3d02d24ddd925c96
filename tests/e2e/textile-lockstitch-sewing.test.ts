import { stationMatrix } from './support/station-matrix';

// The cutting table and lockstitch machine through the generic driver. 1024 × 640: at 640 × 400 the
// desktop overlay (420 px wide) covers the left table's back half. The exam's violation is the
// cutter started without the chain-mail glove (its first event): the rule path to fingers under the
// needle is 31 events (42 s of a loaded run); it runs in Node with every other rule path, and a hand
// into a danger area is played in the browser by plastics' exam (mouse), controller grip and tracked hand.
stationMatrix('textile/lockstitch-sewing', {
  viewport: { width: 1024, height: 640 },
  criticalRule: 'cut-without-glove',
  screenshots: { 'textile-lockstitch-sewing': 0 },
});
