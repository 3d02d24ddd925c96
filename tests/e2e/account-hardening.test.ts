import { AxeBuilder } from '@axe-core/playwright';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, inject, test } from 'vitest';
import { sessionBody } from '../server/test-app';
import { guardedPageForTests } from './support/guarded-page-for-tests';
import { chooseExam } from './support/exam-attempt';

const base = () => inject('baseUrl');
// One person, one address and one password, admin of two organisations (issue 18 item 10).
const email = `shared-${crypto.randomUUID().slice(0, 8)}@e2e.test`;
const password = `zilveren lantaarn ${crypto.randomUUID().slice(0, 6)} weide`;
const north = `Centrum Noord ${crypto.randomUUID().slice(0, 4)}`;
const south = `Centrum Zuid ${crypto.randomUUID().slice(0, 4)}`;

function createOrganisation(name: string) {
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: inject('dataDir'), WERKVLOER_ADMIN_PASSWORD: password };
  delete env.DATABASE_URL; // the e2e server runs on SQLite in dataDir
  const made = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/admin.ts', 'create-organisation', '--name', name, '--country', 'BE', '--email', email], { env, encoding: 'utf8' });
  expect(made.stderr).toBe('');
  expect(made.status).toBe(0);
}

/** The API as the south organisation's admin (login, the organisation chosen, as the dashboard does). */
async function southAdmin() {
  const login = (body: object) => fetch(`${base()}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const ask = await login({ email, password });
  expect(ask.status).toBe(409);
  const { organisations } = (await ask.json()) as { organisations: { id: string; name: string }[] };
  const chosen = await login({ email, password, organisation: organisations.find((o) => o.name === south)!.id });
  expect(chosen.status).toBe(200);
  const cookie = chosen.headers.getSetCookie()[0]!.split(';')[0]!;
  const { csrfToken } = (await chosen.json()) as { csrfToken: string };
  const call = async (method: 'POST' | 'PUT', path: string, body: object, status: number) => {
    const res = await fetch(`${base()}${path}`, { method, headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken }, body: JSON.stringify(body) });
    expect(res.status, path).toBe(status);
    return (await res.json()) as Record<string, string>;
  };
  return { post: (path: string, body: object) => call('POST', path, body, 201), put: (path: string, body: object) => call('PUT', path, body, 200) };
}

/** A trainee of the south organisation with a headset joined: its id and token. */
async function southTrainee(post: (path: string, body: object) => Promise<Record<string, string>>) {
  const group = await post('/api/groups', { name: 'Koppels' });
  const trainee = await post(`/api/groups/${group.id}/trainees`, {});
  const join = async () => {
    const joined = await fetch(`${base()}/api/join`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code: trainee.joinCode }) });
    expect(joined.status).toBe(201);
    return ((await joined.json()) as { token: string }).token;
  };
  return { id: trainee.id!, join };
}

describe('issue 18 on the dashboard and the start screen, in Chromium', () => {
  const g = guardedPageForTests({ width: 1000, height: 800 });

  test('one address and password in two organisations: the login asks which one, and opens that one', async () => {
    createOrganisation(north);
    createOrganisation(south);
    const { page } = g;
    await page.goto(`${base()}/dashboard`);
    await page.getByRole('heading', { name: 'Aanmelden als trainer' }).waitFor();
    await page.getByLabel('E-mailadres').fill(email);
    await page.getByLabel('Wachtwoord').fill(password);
    await page.locator('[data-action="login"]').click();
    const choice = page.getByRole('group', { name: 'Kies je organisatie' });
    await choice.waitFor();
    expect(await choice.getByRole('radio').count()).toBe(2);
    const { violations } = await new AxeBuilder({ page }).analyze();
    expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
    await choice.getByLabel(south).check();
    await page.locator('[data-action="login"]').click();
    await page.getByRole('heading', { name: 'Sessies', level: 1 }).waitFor();
    expect(await page.locator('.org').textContent()).toBe(south);

    // Adding the address again in this organisation says so, in the trainer's language.
    await page.goto(`${base()}/dashboard/#/trainers`);
    await page.getByRole('heading', { name: 'Trainers', level: 1 }).waitFor();
    await page.locator('input[type="email"]').fill(email.toUpperCase());
    await page.getByLabel('Eerste wachtwoord (minstens 10 tekens)').fill('koperen fluitje 3 duin');
    await page.getByRole('button', { name: 'Trainer toevoegen' }).click();
    await expect.poll(() => page.getByRole('status').first().textContent()).toBe('Dit e-mailadres heeft al een account in je organisatie.');
  });

  test('the trainee page revokes one headset: it stops, the other goes on', async () => {
    const { post } = await southAdmin();
    const trainee = await southTrainee(post);
    const tokens = [await trainee.join(), await trainee.join()];
    const { page } = g;
    await page.goto(`${base()}/dashboard/#/trainees/${trainee.id}`);
    const headsets = page.getByTestId('headsets');
    await expect.poll(() => headsets.locator('tbody tr').count()).toBe(2);
    page.once('dialog', (dialog) => void dialog.accept());
    await headsets.locator('[data-action="revoke-headset"]').first().click();
    await expect.poll(() => headsets.locator('[data-action="revoke-headset"]').count()).toBe(1);
    const assignments = await Promise.all(tokens.map((token) => fetch(`${base()}/api/trainee/assignments`, { headers: { authorization: `Bearer ${token}` } })));
    expect(assignments.map((r) => r.status).sort()).toEqual([200, 401]);
  });

  test('an exam posted faster than a person can play is stored and shown to the trainer as one to check', async () => {
    const { post, put } = await southAdmin();
    const trainee = await southTrainee(post);
    const token = await trainee.join();
    await put(`/api/trainees/${trainee.id}/exam`, { exam: true });
    const start = Date.now();
    // The ideal path's actions 50 ms apart: every step done, no person that quick.
    const events = [
      { t: 100, action: 'wear', object: 'safety-glasses', device: 'desktop' },
      { t: 150, action: 'press', object: 'start-button', device: 'desktop' },
      { t: 200, action: 'press', object: 'stop-button', device: 'desktop' },
    ];
    const exam = sessionBody({ id: crypto.randomUUID(), mode: 'exam', events, startedAt: new Date(start).toISOString(), endedAt: new Date(start + 1000).toISOString() });
    const bearer = { 'content-type': 'application/json', authorization: `Bearer ${token}` };
    const attempt = await fetch(`${base()}/api/exam-attempts`, { method: 'POST', headers: bearer, body: JSON.stringify({ scenarioId: exam.scenarioId }) });
    expect(attempt.status).toBe(201);
    const { attemptId } = (await attempt.json()) as { attemptId: string };
    const stored = await fetch(`${base()}/api/sessions`, { method: 'POST', headers: { ...bearer, 'x-exam-attempt': attemptId }, body: JSON.stringify(exam) });
    expect(stored.status).toBe(201);

    const { page } = g;
    await page.goto(`${base()}/dashboard/#/`);
    const row = page.locator(`tr:has(a[href*="${exam.id}"])`);
    await row.waitFor();
    await expect.poll(() => row.getByTestId('exam-flag').count()).toBe(1);
    await page.goto(`${base()}/dashboard/#/sessions/${exam.id}`);
    const flags = page.getByTestId('exam-flags');
    await flags.waitFor();
    expect(await flags.locator('[data-flag="too-fast"]').count()).toBe(1);
    expect((await flags.locator('[data-flag="too-fast"]').textContent())!.length).toBeGreaterThan(10);
  });

  test('an exam does not start without the server, and says so; with it, it starts', async () => {
    const { page } = g;
    await chooseExam(page, base(), inject('dataDir'), 'wood/intro-workbench');
    await page.route('**/api/exam-attempts', (route) => route.abort('internetdisconnected'));
    await page.locator('[data-action="play-desktop"]').click();
    const refused = page.locator('[data-exam-start="offline"]');
    await refused.waitFor();
    const language = await page.evaluate(() => document.documentElement.lang);
    const texts = JSON.parse(readFileSync(`locales/${language}/ui.json`, 'utf8')) as { start: { examOffline: string } };
    expect(await refused.textContent()).toBe(texts.start.examOffline);
    expect(await refused.getAttribute('role')).toBe('alert');
    expect(await page.locator('[data-action="stop"]').count()).toBe(0);
    // Back online: the same press starts the exam.
    await page.unroute('**/api/exam-attempts');
    await page.locator('[data-action="play-desktop"]').click();
    await page.locator('[data-action="stop"]').waitFor({ timeout: 60_000 });
  });
});
