import { describe, expect, inject, test } from 'vitest';
import { guardedPageForTests } from './support/guarded-page-for-tests';
import { storedSessions } from './support/database';
import { playSampleStation } from './support/play';
import { traineesWithCards } from './support/trainees';

const rowOf = (id: string) => storedSessions(inject('dataDir')).filter((r) => r.id === id);

describe('trainees sign in on the app with the code on their card', () => {
  const g = guardedPageForTests(undefined, { each: true });

  test('a wrong code is named as such and stays in the field; the right one signs in, and the stored session is that trainee\'s', async () => {
    const [a] = await traineesWithCards(inject('baseUrl'), inject('dataDir'), 1);
    const { page } = g;
    await page.goto(inject('baseUrl'));
    await page.locator('[data-action="join"]').click();
    const input = page.getByTestId('join-code');
    const wrong = `${a!.joinCode.slice(0, -1)}${a!.joinCode.endsWith('2') ? '3' : '2'}`;
    await input.fill(wrong);
    await page.locator('[data-action="join-submit"]').click();
    const alert = page.getByRole('alert');
    await expect.poll(() => alert.getAttribute('data-problem')).toBe('unknown');
    expect(await alert.textContent()).toBe('Deze code is fout of te oud. Kijk hem na, of vraag je trainer een nieuwe kaart.');
    expect(await input.inputValue()).toBe(wrong);
    await input.fill('ab!');
    await page.locator('[data-action="join-submit"]').click();
    await expect.poll(() => alert.getAttribute('data-problem')).toBe('format');
    expect(await input.inputValue()).toBe('ab!');

    // Typed the way people do: lower case, with a space in the middle.
    await input.fill(`${a!.joinCode.slice(0, 4).toLowerCase()} ${a!.joinCode.slice(4).toLowerCase()}`);
    await page.locator('[data-action="join-submit"]').click();
    await expect.poll(() => page.getByTestId('trainee').getAttribute('data-trainee-code')).toBe(a!.code);

    // Kept on this device: a reload is still this trainee.
    await page.reload();
    await expect.poll(() => page.getByTestId('trainee').getAttribute('data-trainee-code')).toBe(a!.code);
    const id = await playSampleStation(page);
    await expect.poll(() => page.getByTestId('upload').getAttribute('data-upload')).toBe('saved');
    expect(rowOf(id).map((r) => r.trainee_id)).toEqual([a!.id]);

    // Someone else's card scanned on this device signs A out first; a bad code from the QR is named and kept.
    await page.goto(`${inject('baseUrl')}/?join=${wrong}`);
    await expect.poll(() => page.getByRole('alert').getAttribute('data-problem')).toBe('unknown');
    expect(await page.getByTestId('join-code').inputValue()).toBe(wrong);
    expect(await page.getByTestId('trainee').getAttribute('data-trainee-code')).toBeNull();
    expect(await page.evaluate(() => localStorage.getItem('werkvloer.trainee'))).toBeNull();
  });

  test('shared headset: A joins by QR, A\'s result waits offline, "next trainee" signs B in; A\'s result arrives as A\'s, B\'s as B\'s', async () => {
    const [a, b] = await traineesWithCards(inject('baseUrl'), inject('dataDir'), 2);
    const { page } = g;
    await page.route('**/api/sessions', (route) => route.abort('internetdisconnected'));
    // The QR on the card opens the app with the code in the address.
    await page.goto(`${inject('baseUrl')}/?join=${a!.joinCode}`);
    await expect.poll(() => page.getByTestId('trainee').getAttribute('data-trainee-code'), { timeout: 30_000 }).toBe(a!.code);
    expect(new URL(page.url()).searchParams.has('join')).toBe(false);
    const idA = await playSampleStation(page);
    await expect.poll(() => page.getByTestId('outbox-waiting').getAttribute('data-count')).toBe('1');
    await page.locator('[data-action="back"]').click();

    await page.locator('[data-action="next-trainee"]').click();
    await page.locator('[data-action="join"]').click();
    await page.getByTestId('join-code').fill(b!.joinCode);
    await page.locator('[data-action="join-submit"]').click();
    await expect.poll(() => page.getByTestId('trainee').getAttribute('data-trainee-code'), { timeout: 30_000 }).toBe(b!.code);

    // The network returns while B is signed in: A's queued result still goes under A's token.
    await page.unroute('**/api/sessions');
    await page.evaluate(() => dispatchEvent(new Event('online')));
    await expect.poll(() => rowOf(idA).length, { timeout: 30_000 }).toBe(1);
    expect(rowOf(idA)[0]!.trainee_id).toBe(a!.id);

    const idB = await playSampleStation(page);
    await expect.poll(() => page.getByTestId('upload').getAttribute('data-upload')).toBe('saved');
    expect(rowOf(idB).map((r) => r.trainee_id)).toEqual([b!.id]);
    expect(rowOf(idA).map((r) => r.trainee_id)).toEqual([a!.id]);
    expect(g.consoleErrors.filter((e) => !e.includes('ERR_INTERNET_DISCONNECTED') && !e.includes('Failed to load resource'))).toEqual([]);
  });
});
