import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterEach, describe, expect, test } from 'vitest';
import { buildApp } from '../../src/server/app';
import { createDb } from '../../src/server/db/create-db';
import { ScenarioCatalog, readScenes } from '../../src/server/scenario-catalog';
import { totpCode } from '../../src/server/auth/second-factor';
import { freshPostgresSchema, databaseKinds, type TestDbKind } from './support/databases';
import { joinedTrainee, login, organisationWithTrainer } from './support/trainers';
import { root } from './test-app';

/** The app with its log captured line by line, as `npm start` writes it (request log on: LOG=on). */
async function loggedApp(kind: TestDbKind) {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(...String(chunk).split('\n').filter(Boolean));
      done();
    },
  });
  const pg = kind === 'postgres' ? await freshPostgresSchema() : null;
  const dataDir = mkdtempSync(join(tmpdir(), 'werkvloer-log-'));
  const opened = await createDb(pg ? { dataDir: '', databaseUrl: pg.url } : { dataDir });
  const catalog = await ScenarioCatalog.open(opened.db, readScenes(root));
  const app = await buildApp({ db: opened.db, catalog, logger: { stream, requests: true }, now: () => new Date(clock) });
  return {
    app,
    db: opened.db,
    lines,
    events: () => lines.map((l) => JSON.parse(l) as Record<string, unknown>).filter((e) => typeof e.security === 'string'),
    async close() {
      await app.close();
      await opened.db.destroy();
      await pg?.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

let clock = Date.parse('2026-12-06T09:00:00.000Z');
let current: Awaited<ReturnType<typeof loggedApp>> | null = null;
afterEach(async () => {
  await current?.close();
  current = null;
});

describe.each(databaseKinds)('the security event log on %s', (kind) => {
  test('logs logins, failures, delays, refusals, changes, exports and erasures; never a password, token, code or join code', async () => {
    clock = Date.parse('2026-12-06T09:00:00.000Z');
    current = await loggedApp(kind);
    const { app, lines, events } = current;
    const admin = await organisationWithTrainer(app, current.db, 'Atelier');
    const trainee = await joinedTrainee(app, admin, 'Ali');
    const wrong = 'my secret guess 1';
    for (let i = 0; i < 6; i++) await app.inject({ method: 'POST', url: '/api/auth/login', remoteAddress: `127.6.0.${i + 1}`, payload: { email: admin.email, password: `${wrong}${i}` } });
    clock += 60_000;
    const coachPassword = 'green teapot 42 harbour';
    const added = await admin.call('POST', '/api/trainers', { email: 'coach@atelier.test', password: coachPassword });
    const coach = await login(app, admin.organisationId, 'coach@atelier.test', coachPassword);
    await coach.call('PUT', '/api/organisation', { country: 'NL' });
    await app.inject({ method: 'POST', url: '/api/groups', headers: { cookie: coach.cookie }, payload: { name: 'x' } });
    await admin.call('PUT', '/api/organisation', { country: 'NL' });
    const setup = (await coach.call('POST', '/api/auth/second-factor/setup')).json();
    const code = totpCode(setup.secret, new Date(clock));
    await coach.call('POST', '/api/auth/second-factor/confirm', { code });
    const reset = (await admin.call('POST', `/api/trainers/${added.json().id}/password-reset`, {})).json().link as string;
    await admin.call('GET', '/api/dashboard/export.csv');
    await admin.call('GET', `/api/trainees/${trainee.traineeId}/export`);
    await admin.call('DELETE', `/api/trainees/${trainee.traineeId}`);
    await admin.call('POST', '/api/auth/password', { currentPassword: admin.password, newPassword: 'silver lantern 9 meadow' });
    await admin.call('DELETE', `/api/trainers/${added.json().id}`);

    const names = events().map((e) => e.security);
    for (const name of [
      'login-succeeded',
      'login-failed',
      'login-delayed',
      'login-throttled',
      'permission-refused',
      'csrf-refused',
      'trainer-added',
      'organisation-changed',
      'second-factor-enabled',
      'password-reset-issued',
      'results-exported',
      'trainee-exported',
      'trainee-erased',
      'password-changed',
      'trainer-removed',
    ]) {
      expect(names, name).toContain(name);
    }
    const failed = events().find((e) => e.security === 'login-failed')!;
    expect(failed).toMatchObject({ email: admin.email, ip: '127.6.0.1' });
    expect(events().find((e) => e.security === 'trainer-removed')).toMatchObject({ target: added.json().id, trainerId: expect.any(String) });

    // Nothing secret, anywhere in the log (request lines included).
    const log = lines.join('\n');
    expect(lines.length).toBeGreaterThan(30);
    for (const secret of [admin.password, coachPassword, 'silver lantern 9 meadow', `${wrong}0`, trainee.joinCode, trainee.token, admin.cookie.split('=')[1]!, admin.csrfToken, setup.secret, code, reset.split('/').at(-1)!]) {
      expect(log).not.toContain(secret);
    }
  });

  test("an LRS connection set or removed and a headset revoked are logged; the LRS secret is not", async () => {
    clock = Date.parse('2026-12-06T09:00:00.000Z');
    current = await loggedApp(kind);
    const { app, lines, events } = current;
    const admin = await organisationWithTrainer(app, current.db, 'Atelier');
    const trainee = await joinedTrainee(app, admin, 'Ali');
    const lrsSecret = 'lrs-secret-do-not-log-42';
    const set = await admin.call('PUT', '/api/organisation/lrs', { endpoint: 'https://lrs.example.org/xapi', authKind: 'basic', username: 'werkvloer', secret: lrsSecret, enabled: false });
    expect(set.statusCode).toBe(200);
    expect((await admin.call('DELETE', '/api/organisation/lrs')).statusCode).toBe(200);
    const headset = ((await admin.call('GET', `/api/trainees/${trainee.traineeId}/headsets`)).json().headsets as { id: string }[])[0]!;
    expect((await admin.call('POST', `/api/trainees/${trainee.traineeId}/headsets/${headset.id}/revoke`)).statusCode).toBeLessThan(300);

    const changed = events().filter((e) => e.security === 'organisation-changed');
    expect(changed.map((e) => [e.method, e.route])).toEqual([
      ['PUT', '/api/organisation/lrs'],
      ['DELETE', '/api/organisation/lrs'],
    ]);
    expect(events().find((e) => e.security === 'trainee-token-revoked')).toMatchObject({ target: trainee.traineeId, organisationId: admin.organisationId });
    expect(lines.join('\n')).not.toContain(lrsSecret);
  });
});
