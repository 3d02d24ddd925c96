import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

export interface CardTrainee {
  id: string;
  /** The pseudonym the app shows once joined. */
  code: string;
  /** What is printed on the trainee's card (and in its QR). */
  joinCode: string;
  /** Their organisation's country: its trainer is the one who may unlock their exam. */
  country: Country;
}

type Post = (path: string, body: object) => Promise<Record<string, string>>;
type Put = (path: string, body: object) => Promise<void>;
/** The organisation's country (issue 6): it picks the food station variant its trainees see. */
export type Country = 'BE' | 'NL';

/** A trainer logged in over HTTP: POST and PUT with their session cookie and CSRF token (docs/api.md). */
export async function trainerApi(baseUrl: string, email: string, password: string): Promise<{ post: Post; put: Put }> {
  const login = await fetch(`${baseUrl}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) });
  if (login.status !== 200) throw new Error(`login failed: ${login.status} ${await login.text()}`);
  const cookie = login.headers.getSetCookie()[0]!.split(';')[0]!;
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const headers = { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken };
  const post: Post = async (path, body) => {
    const res = await fetch(`${baseUrl}${path}`, { method: 'POST', headers, body: JSON.stringify(body) });
    if (res.status !== 201) throw new Error(`POST ${path}: ${res.status} ${await res.text()}`);
    return (await res.json()) as Record<string, string>;
  };
  const put: Put = async (path, body) => {
    const res = await fetch(`${baseUrl}${path}`, { method: 'PUT', headers, body: JSON.stringify(body) });
    if (res.status !== 200) throw new Error(`PUT ${path}: ${res.status} ${await res.text()}`);
  };
  return { post, put };
}

/** A new group of the trainer's organisation with these trainees (their join codes), through the trainer's API. */
export async function groupWithTrainees(baseUrl: string, login: { email: string; password: string }, group: string, aliases: readonly string[], country: Country): Promise<CardTrainee[]> {
  const { post } = await trainerApi(baseUrl, login.email, login.password);
  const { id } = await post('/api/groups', { name: group });
  const out: CardTrainee[] = [];
  for (const alias of aliases) {
    const t = await post(`/api/groups/${id}/trainees`, { alias });
    out.push({ id: t.id!, code: t.code!, joinCode: t.joinCode!, country });
  }
  return out;
}

/** One organisation, trainer login and group per test file and server: the admin CLI is slow to start. */
const groups = new Map<string, Promise<{ post: Post; put: Put; groupId: string }>>();

async function trainerGroup(baseUrl: string, dataDir: string, country: Country): Promise<{ post: Post; put: Put; groupId: string }> {
  const email = `admin-${randomUUID().slice(0, 8)}@e2e.test`;
  const password = `e2e ${randomUUID()}`;
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, WERKVLOER_ADMIN_PASSWORD: password };
  delete env.DATABASE_URL; // the e2e server runs on SQLite in dataDir
  const created = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/admin.ts', 'create-organisation', '--name', `E2E centrum ${country}`, '--country', country, '--email', email], {
    env,
    encoding: 'utf8',
  });
  if (created.status !== 0) throw new Error(`admin create-organisation failed:\n${created.stdout}${created.stderr}`);
  const { post, put } = await trainerApi(baseUrl, email, password);
  const group = await post('/api/groups', { name: 'E2E groep' });
  return { post, put, groupId: group.id! };
}

/**
 * Trainees with join codes on the running e2e server, made the way a centre makes them: the admin
 * CLI creates an organisation and its admin (same DATA_DIR), the trainer logs in over HTTP and adds a
 * group and its trainees through the API (docs/api.md).
 */
function trainer(baseUrl: string, dataDir: string, country: Country = 'BE') {
  const key = `${baseUrl} ${dataDir} ${country}`;
  if (!groups.has(key)) groups.set(key, trainerGroup(baseUrl, dataDir, country));
  return groups.get(key)!;
}

/** The trainer unlocks the exam for one trainee, as on the dashboard's trainee page. */
export async function unlockExam(baseUrl: string, dataDir: string, trainee: CardTrainee): Promise<void> {
  const { put } = await trainer(baseUrl, dataDir, trainee.country);
  await put(`/api/trainees/${trainee.id}/exam`, { exam: true });
}

/** `count` new trainees of the file's organisation in `country` (one organisation per country). */
export async function traineesWithCards(baseUrl: string, dataDir: string, count: number, country: Country = 'BE'): Promise<CardTrainee[]> {
  const { post, groupId } = await trainer(baseUrl, dataDir, country);
  const trainees: CardTrainee[] = [];
  for (let i = 0; i < count; i++) {
    const t = await post(`/api/groups/${groupId}/trainees`, {});
    trainees.push({ id: t.id!, code: t.code!, joinCode: t.joinCode!, country });
  }
  return trainees;
}

/**
 * Signs a trainee in on the app the way most do: the QR on their card opens the app with the code
 * (`/?join=…`). Waits until the start screen shows them signed in. `path` keeps other query
 * parameters (e.g. `?emulate=quest3`).
 */
export async function joinByCard(page: Page, baseUrl: string, trainee: CardTrainee, query = ''): Promise<void> {
  const url = new URL(`${baseUrl}/${query}`);
  url.searchParams.set('join', trainee.joinCode);
  await page.goto(url.href);
  // The join form is a lazy chunk with its own texts, then a request: give a loaded CI machine time.
  // A join the app refused (e.g. `too-many`: 20 joins a minute per address) is named in the failure.
  const state = () =>
    page.evaluate(() => document.querySelector('[data-trainee-code]')?.getAttribute('data-trainee-code') ?? document.querySelector('[data-problem]')?.getAttribute('data-problem') ?? null);
  await expect.poll(state, { timeout: 30_000 }).toBe(trainee.code);
}

/** A new trainee on the e2e server, signed in on `page` (every e2e test that uploads results plays as one). */
export async function joinAsNewTrainee(page: Page, baseUrl: string, dataDir: string, query = '', country: Country = 'BE'): Promise<CardTrainee> {
  const [trainee] = await traineesWithCards(baseUrl, dataDir, 1, country);
  await joinByCard(page, baseUrl, trainee!, query);
  return trainee!;
}
