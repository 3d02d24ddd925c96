import { afterEach, describe, expect, test, vi } from 'vitest';
import { idleTimeoutMs } from '../../src/server/auth/trainer-sessions';
import { joinCodeLifetimeMs, traineeTokenLifetimeMs } from '../../src/server/auth/trainee-tokens';
import { checkpointSqlite, startMaintenance } from '../../src/server/maintenance';
import { purgeExpired } from '../../src/server/retention';
import { databaseKinds } from './support/databases';
import { joinedTrainee, organisationWithTrainer } from './support/trainers';
import { sessionBody, testApp } from './test-app';

const day = 24 * 3600_000;
let t: Awaited<ReturnType<typeof testApp>> | null = null;
afterEach(async () => {
  await t?.close();
  t = null;
});

describe.each(databaseKinds)('the retention purge on %s', (kind) => {
  let clock = 0;
  const setup = async () => {
    clock = Date.parse('2026-01-05T08:00:00.000Z');
    t = await testApp({ kind, now: () => new Date(clock) });
    const trainer = await organisationWithTrainer(t.app, t.db, 'Atelier');
    const trainee = await joinedTrainee(t.app, trainer);
    const upload = (id: string, at: number) =>
      t!.app.inject({
        method: 'POST',
        url: '/api/sessions',
        headers: { authorization: `Bearer ${trainee.token}` },
        payload: sessionBody({ id, startedAt: new Date(at - 6000).toISOString(), endedAt: new Date(at).toISOString() }),
      });
    return { trainer, trainee, upload };
  };
  const ids = async () => (await t!.db.selectFrom('sessions').select('id').orderBy('id').execute()).map((r) => r.id);

  test('deletes sessions that arrived more than RETENTION_DAYS ago and keeps the rest', async () => {
    const { upload } = await setup();
    const old = crypto.randomUUID();
    const recent = crypto.randomUUID();
    expect((await upload(old, clock)).statusCode).toBe(201);
    clock += 20 * day;
    expect((await upload(recent, clock)).statusCode).toBe(201);
    clock += 15 * day;
    // 35 days after the first upload, 15 after the second: a 30-day retention takes only the first.
    expect((await purgeExpired(t!.db, { retentionDays: 30, now: new Date(clock) })).sessions).toBe(1);
    expect(await ids()).toEqual([recent]);
    // Run again: nothing more to do.
    expect((await purgeExpired(t!.db, { retentionDays: 30, now: new Date(clock) })).sessions).toBe(0);
    // Without a retention setting, sessions are kept however old.
    clock += 1000 * day;
    expect((await purgeExpired(t!.db, { retentionDays: null, now: new Date(clock) })).sessions).toBe(0);
    expect(await ids()).toEqual([recent]);
  });

  test('exam attempts go with the retention period, and only then', async () => {
    const { trainer, trainee } = await setup();
    const attempt = (id: string, at: number) => ({
      id,
      trainee_id: trainee.traineeId,
      organisation_id: trainer.organisationId,
      scenario_id: 'wood-intro-workbench',
      issued_at: new Date(at).toISOString(),
      expires_at: new Date(at + 2 * 3600_000).toISOString(),
      session_id: null,
      bound_at: null,
      flags_json: null,
    });
    await t!.db.insertInto('exam_attempts').values([attempt('old', clock), attempt('recent', clock + 20 * day)]).execute();
    clock += 35 * day;
    expect((await purgeExpired(t!.db, { retentionDays: null, now: new Date(clock) })).examAttempts).toBe(0);
    expect((await purgeExpired(t!.db, { retentionDays: 30, now: new Date(clock) })).examAttempts).toBe(1);
    expect((await t!.db.selectFrom('exam_attempts').select('id').execute()).map((r) => r.id)).toEqual(['recent']);
  });

  test('dead secrets go: expired join codes, timed-out trainer sessions, tokens expired longer than the retention', async () => {
    const { trainee, upload } = await setup();
    const count = async (table: 'join_codes' | 'trainer_sessions' | 'trainee_tokens') => (await t!.db.selectFrom(table).selectAll().execute()).length;
    expect([await count('join_codes'), await count('trainer_sessions'), await count('trainee_tokens')]).toEqual([1, 1, 1]);
    clock += idleTimeoutMs + 1;
    expect(await purgeExpired(t!.db, { retentionDays: 30, now: new Date(clock) })).toEqual({ sessions: 0, traineeTokens: 0, joinCodes: 0, trainerSessions: 1, examAttempts: 0, poses: 0 });
    clock += joinCodeLifetimeMs;
    expect((await purgeExpired(t!.db, { retentionDays: 30, now: new Date(clock) })).joinCodes).toBe(1);
    // The token has expired, but a session that ended before that is still accepted for 30 days.
    clock = Date.parse('2026-01-05T08:00:00.000Z') + traineeTokenLifetimeMs + 10 * day;
    expect((await purgeExpired(t!.db, { retentionDays: 30, now: new Date(clock) })).traineeTokens).toBe(0);
    expect((await upload(crypto.randomUUID(), Date.parse('2026-01-06T08:00:00.000Z'))).statusCode).toBe(201);
    clock += 21 * day;
    expect((await purgeExpired(t!.db, { retentionDays: 30, now: new Date(clock) })).traineeTokens).toBe(1);
    expect((await upload(crypto.randomUUID(), Date.parse('2026-01-06T08:00:00.000Z'))).json().error).toBe('trainee-token-unknown');
    expect(trainee.traineeId).toBeTruthy();
  });

  test('the maintenance job purges once at start and on demand, with the injected clock', async () => {
    const { upload } = await setup();
    expect((await upload(crypto.randomUUID(), clock)).statusCode).toBe(201);
    const purged: number[] = [];
    const job = startMaintenance({ db: t!.db, kind, retentionDays: 7, now: () => new Date(clock), onPurge: (c) => purged.push(c.sessions) });
    try {
      // The start-up run happens on its own; let it finish before time moves on.
      await vi.waitFor(() => expect(purged).toEqual([0]));
      clock += 8 * day;
      expect((await job.purgeNow()).sessions).toBe(1);
      expect(await ids()).toEqual([]);
      // The start-up run saw a fresh session and left it.
      expect(purged).toEqual([0, 1]);
    } finally {
      job.stop();
    }
  });
});

describe('the SQLite WAL checkpoint', () => {
  test('copies every committed page into the database file', async () => {
    t = await testApp({ kind: 'sqlite' });
    for (let i = 0; i < 5; i++) {
      const res = await t.app.inject({ method: 'POST', url: '/api/sessions', payload: sessionBody({ id: crypto.randomUUID() }) });
      expect(res.statusCode).toBe(201);
    }
    const r = await checkpointSqlite(t.db);
    expect(r.busy).toBe(0);
    expect(r.log).toBeGreaterThan(0);
    expect(r.checkpointed).toBe(r.log);
  });
});
