import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, Migrator, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { hashPassword } from '../../src/server/auth/password';
import { migrationProvider } from '../../src/server/db/migrations';
import { createOrganisation } from '../../src/server/organisations';
import { databaseKinds, freshPostgresSchema } from './support/databases';
import { joinedTrainee, login, organisationWithTrainer, type LoggedIn } from './support/trainers';
import { testApp, type TestStorage } from './test-app';

// Issue 6: the organisation's country (BE | NL) decides which food station its trainees see.

describe.each(databaseKinds)('organisation country on %s', (kind) => {
  let t: Awaited<ReturnType<typeof testApp>>;
  let admin: LoggedIn;
  let coach: LoggedIn;
  let trainee: Awaited<ReturnType<typeof joinedTrainee>>;
  const headset = async () => (await t.app.inject({ method: 'GET', url: '/api/trainee/assignments', headers: { authorization: `Bearer ${trainee.token}` } })).json();

  beforeAll(async () => {
    t = await testApp({ kind });
    admin = await organisationWithTrainer(t.app, t.db, 'Slagerij', 'NL');
    await admin.call('POST', '/api/trainers', { email: 'coach@slagerij.test', password: 'green teapot 42 harbour' });
    coach = await login(t.app, admin.organisationId, 'coach@slagerij.test', 'green teapot 42 harbour');
    trainee = await joinedTrainee(t.app, admin, 'Noor');
  });
  afterAll(async () => {
    await t.close();
  });

  test('is set at creation, read by every trainer and carried by the trainee assignments reply', async () => {
    expect((await coach.call('GET', '/api/organisation')).json()).toEqual({ id: admin.organisationId, name: 'Slagerij', country: 'NL' });
    expect(await headset()).toMatchObject({ allStations: true, country: 'NL' });
  });

  test('an admin changes it; the headset’s next reply follows', async () => {
    const put = await admin.call('PUT', '/api/organisation', { country: 'BE' });
    expect(put.statusCode).toBe(200);
    expect(put.json()).toEqual({ id: admin.organisationId, name: 'Slagerij', country: 'BE' });
    expect((await headset()).country).toBe('BE');
    expect((await admin.call('PUT', '/api/organisation', { country: 'NL' })).json().country).toBe('NL');
    expect((await headset()).country).toBe('NL');
  });

  test('a trainer who is not an admin may not change it', async () => {
    const res = await coach.call('PUT', '/api/organisation', { country: 'BE' });
    expect(res.statusCode).toBe(403);
    expect(res.json()).toEqual({ error: 'admin-only', message: 'only an organisation admin may change its settings' });
    expect((await coach.call('GET', '/api/organisation')).json().country).toBe('NL');
  });

  test('a change needs the CSRF token of the session', async () => {
    const res = await t.app.inject({ method: 'PUT', url: '/api/organisation', headers: { cookie: admin.cookie }, payload: { country: 'BE' } });
    expect(res.statusCode).toBe(403);
    expect(res.json().error).toBe('csrf-token-invalid');
  });

  test.each([
    [{ country: 'DE' }, 'country: must be "BE" (Belgium) or "NL" (the Netherlands)'],
    [{ country: 'be' }, 'country: must be "BE" (Belgium) or "NL" (the Netherlands)'],
    [{ country: null }, 'country: must be "BE" (Belgium) or "NL" (the Netherlands)'],
    [{}, 'country: must be "BE" (Belgium) or "NL" (the Netherlands)'],
    [{ country: 'BE', name: 'Other' }, '(body): Unrecognized key: "name"'],
  ])('%j is refused with the problem named', async (body, message) => {
    const res = await admin.call('PUT', '/api/organisation', body);
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ error: 'invalid-request', message });
    expect((await admin.call('GET', '/api/organisation')).json().country).toBe('NL');
  });

  test('creation refuses a missing or unknown country and accepts lower case', async () => {
    const base = { name: 'Bakkerij', email: 'x@bakkerij.test', password: 'a long password' };
    await expect(createOrganisation(t.db, { ...base, country: 'FR' })).rejects.toThrow('country: must be "BE" (Belgium) or "NL" (the Netherlands)');
    await expect(createOrganisation(t.db, { ...base, country: '' })).rejects.toThrow(/^country: /);
    const { organisationId } = await createOrganisation(t.db, { ...base, country: ' be ' });
    expect((await t.db.selectFrom('organisations').select('country').where('id', '=', organisationId).executeTakeFirstOrThrow()).country).toBe('BE');
  });
});

describe.each(databaseKinds)('the country migration on %s', (kind) => {
  test('an organisation from before it gets NULL ("not chosen yet"): its trainees see every station until an admin chooses', async () => {
    const pgSchema = kind === 'postgres' ? await freshPostgresSchema() : null;
    const storage: TestStorage = pgSchema ? { kind: 'postgres', ...pgSchema } : { kind: 'sqlite', dataDir: mkdtempSync(join(tmpdir(), 'werkvloer-country-')) };
    const old = new Kysely<Record<string, Record<string, unknown>>>({
      dialect: pgSchema ? new PostgresDialect({ pool: new pg.Pool({ connectionString: pgSchema.url, max: 2 }) }) : new SqliteDialect({ database: new SQLite(join(storage.kind === 'sqlite' ? storage.dataDir : '', 'werkvloer.sqlite')) }),
    });
    const before = await new Migrator({ db: old, provider: migrationProvider }).migrateTo('2026-11-26-005-dashboard-assignments');
    expect(before.error).toBeUndefined();
    const at = '2026-11-20T09:00:00.000Z';
    const orgId = crypto.randomUUID();
    await old.insertInto('organisations').values({ id: orgId, name: 'Oud centrum', created_at: at }).execute();
    await old
      .insertInto('trainers')
      .values({ id: crypto.randomUUID(), organisation_id: orgId, email: 'admin@oud.test', password_hash: await hashPassword('old long password'), role: 'admin', created_at: at })
      .execute();
    await old.destroy();

    const t = await testApp({ reuse: storage });
    try {
      const applied = (await new Migrator({ db: t.db, provider: migrationProvider }).getMigrations()).filter((m) => m.executedAt).map((m) => m.name);
      expect(applied).toContain('2026-11-27-006-organisation-country');
      const a = await login(t.app, orgId, 'admin@oud.test', 'old long password');
      expect((await a.call('GET', '/api/organisation')).json()).toEqual({ id: orgId, name: 'Oud centrum', country: null });
      const trainee = await joinedTrainee(t.app, a);
      const reply = () => t.app.inject({ method: 'GET', url: '/api/trainee/assignments', headers: { authorization: `Bearer ${trainee.token}` } });
      const first = (await reply()).json();
      expect(first).toMatchObject({ allStations: true, country: null });
      expect(first.stations).toEqual(expect.arrayContaining(['food-hygiene-sluice-line-be', 'food-hygiene-sluice-line-nl']));
      expect((await a.call('PUT', '/api/organisation', { country: 'BE' })).statusCode).toBe(200);
      expect((await reply()).json().country).toBe('BE');
    } finally {
      await t.close();
    }
  });
});

describe('the admin CLI', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'werkvloer-cli-'));
  const run = (...args: string[]) => {
    const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, WERKVLOER_ADMIN_PASSWORD: 'a long password' };
    delete env.DATABASE_URL; // SQLite in dataDir
    return spawnSync(process.execPath, ['--import', 'tsx', 'scripts/admin.ts', 'create-organisation', ...args], { env, encoding: 'utf8' });
  };

  test('requires --country and names a wrong one', () => {
    const missing = run('--name', 'Centrum', '--email', 'a@centrum.test');
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('--country <BE|NL>');
    const wrong = run('--name', 'Centrum', '--country', 'FR', '--email', 'a@centrum.test');
    expect(wrong.status).toBe(2);
    expect(wrong.stderr).toContain('--country: must be "BE" (Belgium) or "NL" (the Netherlands)');
    const made = run('--name', 'Centrum', '--country', 'nl', '--email', 'a@centrum.test');
    expect(made.stderr).toBe('');
    expect(made.stdout).toMatch(/^Organisation "Centrum" \(NL\) created/);
  });
});
