import { describe, expect, test } from 'vitest';
import { offeredStations, type TraineeAssignments } from '../../src/app/trainee-assignments';

const list = [
  { id: 'food-hygiene-sluice-line-be', country: 'BE' as const },
  { id: 'food-hygiene-sluice-line-nl', country: 'NL' as const },
  { id: 'wood-panel-saw', country: null },
];
const ids = (a: TraineeAssignments) => offeredStations(list, a).map((s) => s.id);

describe('the stations a trainee is offered (issue 6)', () => {
  test('an organisation’s country keeps its own variant and every station without a country', () => {
    expect(ids({ stations: null, exam: false, country: 'BE' })).toEqual(['food-hygiene-sluice-line-be', 'wood-panel-saw']);
    expect(ids({ stations: null, exam: false, country: 'NL' })).toEqual(['food-hygiene-sluice-line-nl', 'wood-panel-saw']);
  });

  test('no country (not signed in, or not chosen yet): both variants', () => {
    expect(ids({ stations: null, exam: false, country: null })).toEqual(list.map((s) => s.id));
  });

  test('the group’s assignment and the country both apply', () => {
    const assigned = ['food-hygiene-sluice-line-be', 'food-hygiene-sluice-line-nl'];
    expect(ids({ stations: assigned, exam: true, country: 'NL' })).toEqual(['food-hygiene-sluice-line-nl']);
    expect(ids({ stations: ['wood-panel-saw'], exam: true, country: 'BE' })).toEqual(['wood-panel-saw']);
  });
});
