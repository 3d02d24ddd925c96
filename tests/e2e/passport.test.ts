import { AxeBuilder } from '@axe-core/playwright';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { Page } from 'playwright-core';
import type { SessionEvent } from '../../src/engine';
import { sessionBody } from '../server/test-app';
import { createOrganisation } from './support/create-organisation';
import { openGuardedPage, type GuardedPage } from './support/browser';
import { saveScreenshot } from './support/screenshots';

const base = () => inject('baseUrl');
const email = `passport-${crypto.randomUUID().slice(0, 8)}@e2e.test`;
const password = `e2e ${crypto.randomUUID()}`;

/** A person's pace on the sample station (times off any grid): the exam is not flagged, so it is signed. */
const playedEvents: SessionEvent[] = [
  { t: 1523, action: 'wear', object: 'safety-glasses', device: 'desktop' },
  { t: 3871, action: 'press', object: 'start-button', device: 'desktop' },
  { t: 6042, action: 'press', object: 'stop-button', device: 'desktop' },
];

/** No serious or critical axe violation on the page as it is now. */
async function expectAccessible(page: Page, name: string) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  const bad = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(bad, `${name}: axe`).toEqual([]);
}

async function trainerApi() {
  const login = await fetch(`${base()}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) });
  expect(login.status).toBe(200);
  const cookie = login.headers.getSetCookie()[0]!.split(';')[0]!;
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  return async (method: 'POST' | 'PUT', path: string, body: object) => {
    const res = await fetch(`${base()}${path}`, { method, headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken }, body: JSON.stringify(body) });
    expect(res.status, `${method} ${path}: ${await res.clone().text()}`).toBeLessThan(300);
    return (await res.json()) as Record<string, string>;
  };
}

/**
 * Issue 29 end to end: a trainee passes an exam (uploaded by their headset under a server-issued
 * attempt), the background issuer signs it, the trainer opens and prints the passport, the public
 * verification page says valid, and after the trainer revokes it, revoked.
 */
describe('the skills passport in Chromium', () => {
  let g: GuardedPage;
  let traineeId = '';
  beforeAll(async () => {
    createOrganisation({ dataDir: inject('dataDir'), name: 'Paspoort centrum', country: 'BE', email, password });
    g = await openGuardedPage(base(), { width: 1000, height: 800 });
  });
  afterAll(async () => {
    await g.close();
    expect(g.foreignRequests).toEqual([]);
  });

  test('a passed exam becomes a signed credential: passport, print, verification page valid, then revoked', async () => {
    // The trainee, their card and their headset; the trainer unlocks the exam; the headset plays and uploads it (in Arabic).
    const call = await trainerApi();
    const group = await call('POST', '/api/groups', { name: 'Paspoort groep' });
    const trainee = await call('POST', `/api/groups/${group.id}/trainees`, { alias: 'Amina' });
    traineeId = trainee.id!;
    await call('PUT', `/api/trainees/${traineeId}/exam`, { exam: true });
    const joined = await fetch(`${base()}/api/join`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code: trainee.joinCode }) });
    const { token } = (await joined.json()) as { token: string };
    const attempt = await fetch(`${base()}/api/exam-attempts`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ scenarioId: 'wood-intro-workbench' }) });
    expect(attempt.status).toBe(201);
    const { attemptId } = (await attempt.json()) as { attemptId: string };
    const start = Date.now() + 1000;
    const exam = sessionBody({ id: crypto.randomUUID(), mode: 'exam', language: 'ar', startedAt: new Date(start).toISOString(), endedAt: new Date(start + 8000).toISOString(), events: playedEvents });
    const uploaded = await fetch(`${base()}/api/sessions`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'x-exam-attempt': attemptId }, body: JSON.stringify(exam) });
    expect(uploaded.status).toBe(201);

    // The trainer logs in and opens the trainee's passport from the trainee page.
    const { page } = g;
    await page.goto(`${base()}/dashboard`);
    await page.getByLabel('E-mailadres').fill(email);
    await page.getByLabel('Wachtwoord').fill(password);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Sessies', level: 1 }).waitFor();
    await page.goto(`${base()}/dashboard#/trainees/${traineeId}`);
    await page.locator('[data-action="trainee-passport"]').click();
    await page.getByTestId('passport').waitFor();
    // Signing runs in the background, a moment after the upload: the page shows it once signed.
    await expect
      .poll(
        async () => {
          await page.reload();
          await page.getByTestId('passport').waitFor();
          return page.locator('[data-copy="nl"] [data-state]').first().getAttribute('data-state');
        },
        { timeout: 30_000, interval: 1000 },
      )
      .toBe('valid');
    const nl = page.locator('[data-copy="nl"]');
    expect(await nl.getByRole('heading', { level: 1 }).textContent()).toBe('Vaardigheidspaspoort');
    expect(await nl.locator('[data-state="valid"] img').getAttribute('src')).toMatch(/^data:image\/png;base64,/);
    expect(await nl.textContent()).toContain('veiligheidsbril');
    // The trainee's own copy, in Arabic, right to left.
    const ar = page.locator('[data-copy="ar"]');
    expect(await ar.getAttribute('dir')).toBe('rtl');
    expect(await ar.getByRole('heading', { level: 1 }).textContent()).toBe('جواز المهارات');
    expect(await page.locator('[data-action="download-credential"]').getAttribute('href')).toMatch(/^\/api\/passport\/credentials\//);
    await page.locator('details summary').click();
    await expectAccessible(page, 'passport');

    // Print view (A4, what the browser prints): the menus go, both copies stay.
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.side').isVisible()).toBe(false);
    expect(await ar.isVisible()).toBe(true);
    await saveScreenshot(page, 'passport-print');
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    await page.emulateMedia({ media: 'screen' });

    // The QR code's address: the public verification page, no login.
    const verifyUrl = (await nl.locator('.verify-at code').first().textContent())!;
    expect(verifyUrl).toMatch(/\/verify\/[0-9a-f-]{36}$/);
    // (The same browser: the page needs no login, and the trainer's cookie changes nothing on it.)
    const verifier = await g.page.context().newPage();
    await verifier.goto(`${base()}${new URL(verifyUrl).pathname}?lang=nl`);
    expect(await verifier.locator('[data-verdict]').getAttribute('data-verdict')).toBe('valid');
    expect(await verifier.locator('h2.verdict').textContent()).toBe('Geldig');
    await saveScreenshot(verifier, 'passport-verify-valid');
    await expectAccessible(verifier, 'verification page');
    // The same credential pasted on the page (a copy taken away) in French.
    await verifier.goto(`${base()}/verify?lang=fr`);
    const json = await (await fetch(`${base()}/passport/credentials/${verifyUrl.split('/').pop()}`)).text();
    await verifier.locator('#credential').fill(json);
    await verifier.getByRole('button', { name: 'Vérifier' }).click();
    expect(await verifier.locator('h2.verdict').textContent()).toBe('Valide');

    // The trainer revokes it with a reason; the verification page then says revoked.
    await page.getByLabel('Reden').fill('Examen niet in het lokaal afgelegd');
    await page.locator('[data-action="revoke-credential"]').click();
    await expect.poll(() => page.locator('[data-copy="nl"] [data-state]').first().getAttribute('data-state')).toBe('revoked');
    await verifier.goto(`${base()}${new URL(verifyUrl).pathname}?lang=en`);
    expect(await verifier.locator('[data-verdict]').getAttribute('data-verdict')).toBe('revoked');
    expect(await verifier.locator('h2.verdict').textContent()).toBe('Revoked by the centre');
    await saveScreenshot(verifier, 'passport-verify-revoked');
    await verifier.close();
  });
});
