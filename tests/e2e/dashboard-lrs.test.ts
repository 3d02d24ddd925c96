import { AxeBuilder } from '@axe-core/playwright';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { sessionBody } from '../server/test-app';
import { TestLrs } from '../server/xapi/test-lrs';
import { createOrganisation } from './support/create-organisation';
import { openGuardedPage, type GuardedPage } from './support/browser';

// Issue 31: an organisation admin connects the LRS on the dashboard; the real server forwards a
// stored session to it in the background, and the page shows it as sent.

const base = () => inject('baseUrl');
const email = `lrs-${crypto.randomUUID().slice(0, 8)}@e2e.test`;
const password = `e2e ${crypto.randomUUID()}`;

describe('the LRS page of the trainer dashboard in Chromium', () => {
  let g: GuardedPage;
  const lrs = new TestLrs({ basic: { username: 'werkvloer', password: 'lrs secret e2e' } });
  beforeAll(async () => {
    await lrs.start();
    createOrganisation({ dataDir: inject('dataDir'), name: 'LRS centrum', country: 'BE', email, password });
    g = await openGuardedPage(base(), { width: 1000, height: 700 });
  });
  afterAll(async () => {
    await g.close();
    await lrs.stop();
    // The browser asked nothing of another host: the LRS is the server's business.
    expect(g.foreignRequests).toEqual([]);
  });

  test('connect, upload, see it sent; the secret is never shown again; the page speaks Arabic too', async () => {
    const { page } = g;
    await page.goto(`${base()}/dashboard`);
    await page.getByLabel('E-mailadres').fill(email);
    await page.getByLabel('Wachtwoord').fill(password);
    await page.keyboard.press('Enter');
    await page.getByRole('link', { name: 'Leerrecords (LRS)' }).click();
    await page.getByRole('heading', { name: 'Leerrecords naar een LRS', level: 1 }).waitFor();

    await page.getByLabel('xAPI-adres van de LRS').fill(`${lrs.url}/xapi`);
    await page.getByLabel('Sleutel (gebruikersnaam)').fill('werkvloer');
    await page.getByLabel('Geheim (wachtwoord)').fill('lrs secret e2e');
    await page.locator('[data-action="save-lrs"]').click();
    await expect.poll(() => page.getByRole('status').textContent()).toBe('De koppeling is opgeslagen.');
    expect(await page.getByLabel('Geheim (wachtwoord)').inputValue()).toBe('');
    expect(await page.content()).not.toContain('lrs secret e2e');
    const { violations } = await new AxeBuilder({ page }).analyze();
    expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);

    // A trainee of this organisation plays; the upload is answered at once and forwarded behind it.
    const csrf = await page.evaluate(async () => ((await (await fetch('/api/auth/me')).json()) as { csrfToken: string }).csrfToken);
    const call = (method: string, path: string, body: object) =>
      page.evaluate(
        async ([m, p, b, c]) => (await fetch(p, { method: m, headers: { 'content-type': 'application/json', 'x-csrf-token': c }, body: JSON.stringify(b) })).json(),
        [method, path, body, csrf] as const,
      );
    const group = (await call('POST', '/api/groups', { name: 'LRS groep' })) as { id: string };
    const trainee = (await call('POST', `/api/groups/${group.id}/trainees`, {})) as { joinCode: string };
    const joined = await fetch(`${base()}/api/join`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code: trainee.joinCode }) });
    const { token } = (await joined.json()) as { token: string };
    const id = crypto.randomUUID();
    // Played just now: the server takes only sessions played while the token was valid (issue 18).
    const up = await fetch(`${base()}/api/sessions`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify(sessionBody({ id, startedAt: new Date(Date.now() - 8000).toISOString(), endedAt: new Date(Date.now() - 2000).toISOString() })) });
    expect(up.status).toBe(201);

    // The forwarder runs a second after the upload (uploads of a burst share a run).
    await expect
      .poll(
        async () => {
          await page.getByRole('button', { name: 'Vernieuwen' }).click();
          return Number(await page.locator('[data-count="sent"]').textContent());
        },
        { timeout: 10_000 },
      )
      .toBeGreaterThan(0);
    expect(await page.locator('[data-count="sent"]').textContent()).toBe(String(lrs.stored.size));
    const registrations = [...lrs.stored.values()].map((s) => (s.context as { registration: string }).registration);
    expect(new Set(registrations)).toEqual(new Set([id]));
    expect(lrs.stored.size).toBeGreaterThanOrEqual(6);
    expect(await page.locator('[data-count="waiting"]').textContent()).toBe('0');

    await page.getByTestId('language').selectOption('ar');
    await page.getByRole('heading', { name: 'سجلات التعلم إلى LRS', level: 1 }).waitFor();
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
  });
});
