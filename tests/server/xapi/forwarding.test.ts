import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { SecretBox } from '../../../src/server/auth/secret-box';
import { StationTexts } from '../../../src/server/dashboard/station-texts';
import { XapiForwarder } from '../../../src/server/xapi/forwarder';
import { statementId } from '../../../src/server/xapi/statement-id';
import { databaseKinds } from '../support/databases';
import { joinedTrainee, login, organisationWithTrainer, type LoggedIn } from '../support/trainers';
import { root, sessionBody, testApp } from '../test-app';
import { TestLrs } from './test-lrs';

const serverSecret = Buffer.alloc(32, 7);
const publicUrl = 'https://werkvloer.centrum.example';

describe.each(databaseKinds)('LRS forwarding on %s', (kind) => {
  let clock = new Date('2026-11-26T09:00:10.000Z');
  const advance = (ms: number) => (clock = new Date(clock.getTime() + ms));
  let wakes = 0;
  let t: Awaited<ReturnType<typeof testApp>>;
  let forwarder: XapiForwarder;
  const lrss: TestLrs[] = [];

  /** A session that ended just before the test clock's now: the server refuses uploads that arrive implausibly late. */
  const played = () => ({ startedAt: new Date(clock.getTime() - 10_000).toISOString(), endedAt: new Date(clock.getTime() - 4_000).toISOString() });

  /** An organisation with its own LRS, connected by its admin, and a trainee who uploads. */
  async function centre(name: string, lrs: TestLrs, auth: 'basic' | 'oauth' = 'basic') {
    lrss.push(await lrs.start());
    const admin = await organisationWithTrainer(t.app, t.db, `${name} ${kind}`);
    const trainee = await joinedTrainee(t.app, admin);
    const connection =
      auth === 'basic'
        ? { endpoint: `${lrs.url}/xapi/`, authKind: 'basic', username: 'werkvloer', secret: 'lrs password', enabled: true }
        : { endpoint: `${lrs.url}/xapi`, authKind: 'oauth', username: 'werkvloer-client', secret: 'client secret', tokenUrl: `${lrs.url}/oauth/token`, enabled: true };
    const put = await admin.call('PUT', '/api/organisation/lrs', connection);
    expect(put.statusCode, put.body).toBe(200);
    // A retry of an id sends the same record again, whatever the clock says now.
    const first = new Map<string, ReturnType<typeof played>>();
    const times = (id: string) => first.get(id) ?? (first.set(id, played()), first.get(id)!);
    const upload = async (id = crypto.randomUUID(), overrides: Record<string, unknown> = {}) => {
      const res = await t.app.inject({ method: 'POST', url: '/api/sessions', headers: { authorization: `Bearer ${trainee.token}` }, payload: sessionBody({ id, ...times(id), ...overrides }) });
      expect([200, 201]).toContain(res.statusCode);
      return id;
    };
    const status = async () => (await admin.call('GET', '/api/organisation/lrs')).json();
    return { admin, trainee, upload, status };
  }

  beforeAll(async () => {
    t = await testApp({ kind, now: () => clock, serverSecret, publicUrl, forwarder: { wake: () => wakes++ } as unknown as XapiForwarder });
    forwarder = new XapiForwarder({
      db: t.db,
      box: new SecretBox(serverSecret, 'lrs'),
      now: () => clock,
      publicUrl,
      texts: new StationTexts(`${root}/locales`, () => t.catalog.current.map((e) => e.scenario)),
      catalog: t.catalog,
      batchSize: 20,
    });
  });
  afterAll(async () => {
    await Promise.all(lrss.map((l) => l.stop()));
    await t.close();
  });

  test('an admin connects an LRS; the secret is sealed and never shown again; a trainer may not; bad input names the field', async () => {
    const lrs = new TestLrs({ basic: { username: 'werkvloer', password: 'lrs password' } });
    const c = await centre('Sluis', lrs);
    const shown = await c.status();
    expect(shown.connection).toMatchObject({ endpoint: `${lrs.url}/xapi`, authKind: 'basic', username: 'werkvloer', enabled: true, secretStored: true });
    expect(JSON.stringify(shown)).not.toContain('lrs password');
    const row = await t.db.selectFrom('lrs_connections').selectAll().where('organisation_id', '=', c.admin.organisationId).executeTakeFirstOrThrow();
    expect(row.secret_sealed).not.toContain('lrs password');
    expect(new SecretBox(serverSecret, 'lrs').open(row.secret_sealed, c.admin.organisationId)).toBe('lrs password');
    expect(new SecretBox(Buffer.alloc(32, 9), 'lrs').open(row.secret_sealed, c.admin.organisationId)).toBeNull();
    expect(new SecretBox(serverSecret, 'lrs').open(row.secret_sealed, 'another organisation')).toBeNull();

    // Changing the address keeps the stored secret when none is given.
    expect((await c.admin.call('PUT', '/api/organisation/lrs', { endpoint: `${lrs.url}/xapi`, authKind: 'basic', username: 'werkvloer', enabled: true })).statusCode).toBe(200);
    const bad = async (body: object) => (await c.admin.call('PUT', '/api/organisation/lrs', body)).json().issues.map((i: { path: string }) => i.path);
    expect(await bad({ endpoint: 'lrs.example', authKind: 'basic', username: 'x', secret: 'y', enabled: true })).toEqual(['endpoint']);
    expect(await bad({ endpoint: 'https://lrs.example/xapi', authKind: 'oauth', username: 'x', secret: 'y', enabled: true })).toEqual(['tokenUrl']);
    expect(await bad({ endpoint: 'https://lrs.example/xapi', authKind: 'digest', username: '', enabled: 'yes' })).toEqual(['authKind', 'username', 'enabled']);

    await c.admin.call('POST', '/api/trainers', { email: `coach-${kind}@sluis.test`, password: 'coach password 1' });
    const coach: LoggedIn = await login(t.app, c.admin.organisationId, `coach-${kind}@sluis.test`, 'coach password 1');
    expect((await coach.call('GET', '/api/organisation/lrs')).statusCode).toBe(403);
    expect((await coach.call('PUT', '/api/organisation/lrs', { endpoint: 'https://evil.example/xapi', authKind: 'basic', username: 'x', secret: 'y', enabled: true })).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: '/api/organisation/lrs' })).statusCode).toBe(401);
    // Nothing forwarded for sessions stored before the connection: the export carries those.
    await forwarder.runOnce();
    expect(lrs.stored.size).toBe(0);
  });

  test('forwarding survives the LRS being down for a while and sends each statement once', async () => {
    const lrs = new TestLrs({ basic: { username: 'werkvloer', password: 'lrs password' } });
    const c = await centre('Houtatelier', lrs);
    lrs.down = true;
    const wakesBefore = wakes;
    const ids = [await c.upload(), await c.upload()];
    // Each stored session nudged the forwarder, after its answer; a retry of one does not.
    expect(wakes - wakesBefore).toBe(2);
    await c.upload(ids[0]);
    expect(wakes - wakesBefore).toBe(2);

    const first = await forwarder.runOnce();
    expect(first.sent).toBe(0);
    expect(first.queued).toBeGreaterThanOrEqual(2 * 6);
    expect(first.retrying).toBe(first.queued);
    let s = await c.status();
    expect(s.queue).toMatchObject({ waiting: first.queued, retrying: first.queued, sent: 0, failed: 0, conflict: 0 });
    expect(s.problems[0]).toMatchObject({ status: 'waiting', attempts: 1, lrsStatus: 503, lrsAnswer: expect.stringContaining('down for maintenance') });

    // Not due yet: nothing is tried.
    expect(await forwarder.runOnce()).toMatchObject({ queued: 0, sent: 0, retrying: 0 });
    advance(31_000);
    expect((await forwarder.runOnce()).retrying).toBe(first.queued);
    // Gone altogether: no answer at all.
    await lrs.stop();
    advance(61_000);
    expect((await forwarder.runOnce()).retrying).toBe(first.queued);
    s = await c.status();
    expect(s.problems[0]).toMatchObject({ attempts: 3, lrsStatus: 0, lrsAnswer: expect.stringContaining('no answer from the LRS') });
    expect(Date.parse(s.problems[0].nextAttemptAt) - clock.getTime()).toBe(120_000);

    await lrs.start(lrs.port);
    lrs.down = false;
    advance(120_000);
    const sent = await forwarder.runOnce();
    expect(sent).toMatchObject({ sent: first.queued, retrying: 0, failed: 0, conflicts: 0 });
    expect(lrs.stored.size).toBe(first.queued);
    for (const [id, n] of lrs.offered) expect(n, id).toBe(1);
    for (const id of ids) expect([...lrs.stored.values()].filter((st) => (st.context as { registration: string }).registration === id).length).toBeGreaterThanOrEqual(6);
    s = await c.status();
    expect(s.queue).toMatchObject({ waiting: 0, retrying: 0, sent: first.queued });
    expect(s.problems).toEqual([]);

    // A later run and a re-upload send nothing again.
    await c.upload(ids[1]);
    advance(3_600_000);
    expect(await forwarder.runOnce()).toMatchObject({ queued: 0, sent: 0 });
    for (const [id, n] of lrs.offered) expect(n, id).toBe(1);
    expect(lrs.refusals.filter((r) => r.status !== 503)).toEqual([]);
  });

  test('a 409 for content the LRS already holds counts as sent', async () => {
    const lrs = new TestLrs({ basic: { username: 'werkvloer', password: 'lrs password' }, identical: 'conflict' });
    const c = await centre('Bakkerij', lrs);
    await c.upload();
    const first = await forwarder.runOnce();
    expect(first.sent).toBeGreaterThan(0);
    // As after a crash between the LRS storing a batch and the server recording it: the same batch again.
    await t.db.updateTable('xapi_outbox').set({ status: 'waiting', next_attempt_at: clock.toISOString() }).where('organisation_id', '=', c.admin.organisationId).execute();
    const again = await forwarder.runOnce();
    expect(again).toMatchObject({ sent: first.sent, conflicts: 0, failed: 0 });
    expect(lrs.refusals.some((r) => r.status === 409)).toBe(true);
    expect(lrs.stored.size).toBe(first.sent);
    const rows = await t.db.selectFrom('xapi_outbox').select(['status', 'last_answer']).where('organisation_id', '=', c.admin.organisationId).execute();
    expect(rows.every((r) => r.status === 'sent' && r.last_answer === 'already in the LRS with the same content')).toBe(true);
  });

  test('a changed statement is reported with the LRS’s answer, not resent blindly; the admin can resend it', async () => {
    const lrs = new TestLrs({ basic: { username: 'werkvloer', password: 'lrs password' } });
    const c = await centre('Kunststof', lrs);
    const id = crypto.randomUUID();
    const taken = statementId(id, 'launched');
    // Another system stored other content under the id werkvloer will use.
    lrs.plant({
      id: taken,
      actor: { objectType: 'Agent', account: { homePage: 'https://elders.example', name: 'someone' } },
      verb: { id: 'http://adlnet.gov/expapi/verbs/launched', display: { 'en-US': 'launched' } },
      object: { objectType: 'Activity', id: 'https://elders.example/course' },
      timestamp: '2026-11-01T08:00:00.000Z',
    });
    await c.upload(id);
    const run = await forwarder.runOnce();
    expect(run.conflicts).toBe(1);
    expect(run.sent).toBe(run.queued - 1);
    let s = await c.status();
    expect(s.queue).toMatchObject({ conflict: 1, sent: run.queued - 1, waiting: 0 });
    expect(s.problems).toEqual([
      expect.objectContaining({ statementId: taken, sessionId: id, status: 'conflict', lrsStatus: 409, verb: 'http://adlnet.gov/expapi/verbs/launched', lrsAnswer: expect.stringContaining('https://elders.example/course') }),
    ]);
    expect((lrs.stored.get(taken)!.actor as { account: { name: string } }).account.name).toBe('someone');

    const refusals = lrs.refusals.length;
    advance(24 * 3_600_000);
    expect(await forwarder.runOnce()).toMatchObject({ sent: 0, conflicts: 0, retrying: 0 });
    expect(lrs.refusals.length).toBe(refusals);

    // Resent on request (a day later: logged in anew): tried once more, and reported again while the LRS holds the other content.
    const admin = await login(t.app, c.admin.organisationId, c.admin.email, c.admin.password);
    const resend = await admin.call('POST', '/api/organisation/lrs/resend', { statementIds: [taken] });
    expect(resend.json()).toMatchObject({ resent: 1, queue: { waiting: 1 } });
    expect((await forwarder.runOnce()).conflicts).toBe(1);
    expect(lrs.refusals.length).toBe(refusals + 1);
    // Once the LRS's copy is removed, a resend stores ours.
    lrs.stored.delete(taken);
    await admin.call('POST', '/api/organisation/lrs/resend', { status: 'conflict' });
    expect((await forwarder.runOnce()).sent).toBe(1);
    s = (await admin.call('GET', '/api/organisation/lrs')).json();
    expect(s.queue).toMatchObject({ conflict: 0, sent: run.queued });
    expect((await admin.call('POST', '/api/organisation/lrs/resend', {})).statusCode).toBe(400);
  });

  test('two instances forwarding from one database send each statement once', async () => {
    const lrs = new TestLrs({ basic: { username: 'werkvloer', password: 'lrs password' } });
    const c = await centre('Twee instanties', lrs);
    for (let i = 0; i < 5; i++) await c.upload();
    const second = new XapiForwarder({
      db: t.db,
      box: new SecretBox(serverSecret, 'lrs'),
      now: () => clock,
      publicUrl,
      texts: new StationTexts(`${root}/locales`, () => t.catalog.current.map((e) => e.scenario)),
      catalog: t.catalog,
      batchSize: 7,
    });
    const [a, b] = await Promise.all([forwarder.runOnce(), second.runOnce()]);
    expect(a.sent + b.sent).toBe(lrs.stored.size);
    expect(lrs.stored.size).toBeGreaterThanOrEqual(5 * 6);
    for (const [id, n] of lrs.offered) expect(n, id).toBe(1);
    expect(lrs.refusals).toEqual([]);
    expect((await c.status()).queue).toMatchObject({ waiting: 0, sent: lrs.stored.size });
  });

  test('a burst of stored sessions wakes the forwarder once, after the uploads have their answers', async () => {
    const woken = new XapiForwarder({
      db: t.db,
      box: new SecretBox(serverSecret, 'lrs'),
      now: () => clock,
      publicUrl,
      texts: new StationTexts(`${root}/locales`, () => t.catalog.current.map((e) => e.scenario)),
      catalog: t.catalog,
      wakeDelayMs: 20,
    });
    for (let i = 0; i < 30; i++) woken.wake();
    expect(woken.stats.runs).toBe(0);
    await expect.poll(() => woken.stats.runs).toBe(1);
    await woken.stop();
    expect(woken.stats.runs).toBe(1);
  });

  test('OAuth client credentials: one token for many batches', async () => {
    const lrs = new TestLrs({ oauth: { clientId: 'werkvloer-client', clientSecret: 'client secret' } });
    const c = await centre('Textiel', lrs, 'oauth');
    await c.upload();
    const one = await forwarder.runOnce();
    expect(one.sent).toBeGreaterThan(0);
    await c.upload();
    const two = await forwarder.runOnce();
    expect(two.sent).toBeGreaterThan(0);
    expect(lrs.stored.size).toBe(one.sent + two.sent);
    expect(lrs.tokensIssued).toBe(1);
  });

  test('an erased trainee’s waiting statements are dropped; removing the connection stops forwarding', async () => {
    const lrs = new TestLrs({ basic: { username: 'werkvloer', password: 'lrs password' } });
    const c = await centre('Verwijderd', lrs);
    lrs.down = true;
    await c.upload();
    expect((await forwarder.runOnce()).queued).toBeGreaterThan(0);
    const erase = await c.admin.call('DELETE', `/api/trainees/${c.trainee.traineeId}`);
    expect(erase.statusCode, erase.body).toBeLessThan(300);
    lrs.down = false;
    advance(3_600_000);
    await forwarder.runOnce();
    expect(lrs.stored.size).toBe(0);
    expect((await c.status()).queue).toMatchObject({ waiting: 0, sent: 0 });
    // Sent statements go too once their session is erased: the outbox keeps no pseudonym the sessions table lost.
    const kept = await joinedTrainee(t.app, c.admin);
    const res = await t.app.inject({ method: 'POST', url: '/api/sessions', headers: { authorization: `Bearer ${kept.token}` }, payload: sessionBody({ id: crypto.randomUUID(), ...played() }) });
    expect(res.statusCode, res.body).toBe(201);
    const sent = (await forwarder.runOnce()).sent;
    expect(sent).toBeGreaterThan(0);
    expect((await c.admin.call('DELETE', `/api/trainees/${kept.traineeId}`)).statusCode).toBeLessThan(300);
    advance(3_600_000);
    await forwarder.runOnce();
    expect(await t.db.selectFrom('xapi_outbox').select('statement_id').where('organisation_id', '=', c.admin.organisationId).execute()).toEqual([]);
    expect((await c.admin.call('DELETE', '/api/organisation/lrs')).json()).toMatchObject({ connection: null });
  });
});
