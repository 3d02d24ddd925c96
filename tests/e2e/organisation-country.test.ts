import { describe, expect, inject, test } from 'vitest';
import { guardedPageForTests } from './support/guarded-page-for-tests';
import { joinByCard, traineesWithCards } from './support/trainees';

// Issue 6: the organisation's country picks the food station (the legal limits differ between
// Belgium and the Netherlands). Only the start screen's list is checked; the food play-throughs
// are in food-hygiene-sluice-line.test.ts.

const be = 'food/hygiene-sluice-line-be';
const nl = 'food/hygiene-sluice-line-nl';

describe('the station list follows the organisation’s country', () => {
  const g = guardedPageForTests();

  const listed = () => g.page.locator('[data-station]').evaluateAll((buttons) => buttons.map((b) => b.getAttribute('data-station')!));
  // The food stations written per country (the packing line, the same in both, is listed for everyone).
  const food = async () => (await listed()).filter((f) => f === be || f === nl);
  const titleOf = (folder: string) => g.page.locator(`[data-station="${folder}"] strong`).textContent();

  test('not signed in: both countries’ food stations, each titled with its country', async () => {
    await g.page.goto(inject('baseUrl'));
    await expect.poll(food).toEqual([be, nl]);
    expect(await titleOf(be)).toContain('België');
    expect(await titleOf(nl)).toContain('Nederland');
  });

  test('a trainee of a Belgian organisation sees only the Belgian food station, and every station without a country', async () => {
    const everything = await listed();
    const [trainee] = await traineesWithCards(inject('baseUrl'), inject('dataDir'), 1, 'BE');
    await joinByCard(g.page, inject('baseUrl'), trainee!);
    await expect.poll(food).toEqual([be]);
    expect(await listed()).toEqual(everything.filter((f) => f !== nl));
  });

  test('the next trainee, of a Dutch organisation, sees only the Dutch one', async () => {
    const [trainee] = await traineesWithCards(inject('baseUrl'), inject('dataDir'), 1, 'NL');
    await joinByCard(g.page, inject('baseUrl'), trainee!);
    await expect.poll(food).toEqual([nl]);
    expect(await listed()).not.toContain(be);
  });
});
