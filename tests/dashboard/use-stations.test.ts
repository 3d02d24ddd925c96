import { describe, expect, test } from 'vitest';
import { stationsForCountry } from '../../src/dashboard/use-stations';

describe("stationsForCountry: every station list follows the organisation's country", () => {
  const stations = [
    { id: 'wood-panel-saw', country: null },
    { id: 'food-hygiene-sluice-line-be', country: 'BE' },
    { id: 'food-hygiene-sluice-line-nl', country: 'NL' },
  ];

  test("a Belgian organisation: the stations for every country and Belgium's variant, never the Netherlands'", () => {
    expect(stationsForCountry(stations, 'BE').map((s) => s.id)).toEqual(['wood-panel-saw', 'food-hygiene-sluice-line-be']);
  });

  test("a Dutch organisation: the Netherlands' variant", () => {
    expect(stationsForCountry(stations, 'NL').map((s) => s.id)).toEqual(['wood-panel-saw', 'food-hygiene-sluice-line-nl']);
  });

  test('no country set yet: every variant, so the admin sees what there is to choose from', () => {
    expect(stationsForCountry(stations, null)).toHaveLength(3);
  });
});
