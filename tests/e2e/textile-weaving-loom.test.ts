import { stationMatrix } from './support/station-matrix';

// The rapier loom through the generic driver (layout only, no station.tsx). 1024 × 640 as the other
// textile stations. The exam's violation is the loom started with the hair loose (its rule path is one
// move: the start button pressed before the hair net is on); the hand in the shed, the rapier cover and
// the doffing are played in Node with every other rule path.
stationMatrix('textile/weaving-loom', {
  viewport: { width: 1024, height: 640 },
  criticalRule: 'run-with-hair-loose',
  // Moves 22 and 23: the team leader come to the loom (the report), then his spoken hand-over (an ear, no words).
  screenshots: { 'textile-weaving-loom': 0, 'textile-weaving-loom-pick-glass': 5, 'textile-weaving-loom-weft': 12, 'textile-weaving-loom-team-leader': 22, 'textile-weaving-loom-listen': 23 },
});
