import { afterEach, describe, expect, test } from 'vitest';
import { decodePoses, encodePoses } from '../../src/engine/pose-codec';
import { purgeExpired } from '../../src/server/retention';
import { workstationTrace } from '../../bench/support/pose-trace';
import { databaseKinds } from './support/databases';
import { joinedTrainee, login, organisationWithTrainer } from './support/trainers';
import { sessionBody, testApp } from './test-app';

const day = 24 * 3600_000;
const layoutHash = 'a'.repeat(64);
let t: Awaited<ReturnType<typeof testApp>> | null = null;
afterEach(async () => {
  await t?.close();
  t = null;
});

/** Six seconds of head and hands, as the sample session lasts. */
const trace = workstationTrace(0.1).filter((s) => s.t <= 6000);
const poses = { layoutHash, hz: 10, data: encodePoses(trace) };

describe.each(databaseKinds)('poses in the session record on %s', (kind) => {
  let clock = 0;
  const setup = async () => {
    clock = Date.parse('2026-11-26T09:00:10.000Z');
    t = await testApp({ kind, now: () => new Date(clock) });
    const trainer = await organisationWithTrainer(t.app, t.db, 'Atelier');
    const trainee = await joinedTrainee(t.app, trainer);
    const upload = (body: Record<string, unknown>) => t!.app.inject({ method: 'POST', url: '/api/sessions', headers: { authorization: `Bearer ${trainee.token}` }, payload: body });
    return { trainer, trainee, upload };
  };

  test('are stored as sent, with the layout hash; a retry with them is the same record, without them a conflict', async () => {
    const { upload } = await setup();
    const id = crypto.randomUUID();
    expect((await upload(sessionBody({ id, poses }))).statusCode).toBe(201);
    const row = await t!.db.selectFrom('session_poses').selectAll().where('session_id', '=', id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ layout_hash: layoutHash, hz: 10, sample_count: trace.length, data: poses.data });
    expect(decodePoses(row.data)).toHaveLength(trace.length);
    const retry = await upload(sessionBody({ id, poses }));
    expect(retry.statusCode).toBe(200);
    expect(retry.json()).toMatchObject({ duplicate: true });
    expect((await upload(sessionBody({ id }))).statusCode).toBe(409);
    // A session without poses stores none.
    const bare = crypto.randomUUID();
    expect((await upload(sessionBody({ id: bare }))).statusCode).toBe(201);
    expect(await t!.db.selectFrom('session_poses').select('session_id').where('session_id', '=', bare).execute()).toEqual([]);
  });

  test('broken poses are refused, naming the field and the problem, and nothing is stored', async () => {
    const { upload } = await setup();
    const cases: [unknown, string, RegExp][] = [
      [{ ...poses, data: 'no base64 here' }, 'poses.data', /is not base64/],
      [{ ...poses, layoutHash: 'v1' }, 'poses.layoutHash', /64-character hex/],
      [{ ...poses, hz: 1000 }, 'poses.hz', /30/],
      [{ ...poses, extra: 1 }, 'poses', /extra/],
      [{ ...poses, data: Buffer.from([1, 2, 3, 4]).toString('base64') }, 'poses.data', /deflate|ends early/],
      // Poses for a minute in a six-second session.
      [{ ...poses, data: encodePoses(workstationTrace(1)) }, 'poses.data', /after the session's end/],
    ];
    for (const [bad, path, message] of cases) {
      const res = await upload(sessionBody({ id: crypto.randomUUID(), poses: bad }));
      expect(res.statusCode, JSON.stringify(bad).slice(0, 80)).toBe(400);
      const issue = (res.json().issues as { path: string; message: string }[]).find((i) => i.path === path);
      expect(issue?.message, res.body).toMatch(message);
    }
    expect(await t!.db.selectFrom('session_poses').select('session_id').execute()).toEqual([]);
    expect(await t!.db.selectFrom('sessions').select('id').execute()).toEqual([]);
  });

  test('are in the trainee export, go with an erase, and are purged after POSE_RETENTION_DAYS while the session stays', async () => {
    const { trainer, trainee, upload } = await setup();
    const id = crypto.randomUUID();
    expect((await upload(sessionBody({ id, poses }))).statusCode).toBe(201);
    const exported = await trainer.call('GET', `/api/trainees/${trainee.traineeId}/export`);
    expect(exported.json().sessions[0].poses).toEqual({ layoutHash, hz: 10, samples: trace.length, data: poses.data });

    clock += 31 * day;
    expect((await purgeExpired(t!.db, { retentionDays: 365, poseRetentionDays: 60, now: new Date(clock) })).poses).toBe(0);
    // The shorter of the two settings decides.
    expect((await purgeExpired(t!.db, { retentionDays: 30, poseRetentionDays: 60, now: new Date(clock - 2 * day) })).poses).toBe(0);
    expect((await purgeExpired(t!.db, { retentionDays: 365, poseRetentionDays: 30, now: new Date(clock) })).poses).toBe(1);
    expect((await t!.db.selectFrom('sessions').select('id').execute()).map((r) => r.id)).toEqual([id]);
    // Back to the upload's day, logged in again (the purge ended the trainer's session, past its 12 hours).
    clock -= 31 * day;
    const again = await login(t!.app, trainer.organisationId, trainer.email, trainer.password);
    expect((await again.call('GET', `/api/trainees/${trainee.traineeId}/export`)).json().sessions[0].poses).toBeNull();

    const second = crypto.randomUUID();
    expect((await upload(sessionBody({ id: second, poses }))).statusCode).toBe(201);
    expect(await t!.db.selectFrom('session_poses').select('session_id').execute()).toHaveLength(1);
    expect((await again.call('DELETE', `/api/trainees/${trainee.traineeId}`)).statusCode).toBe(200);
    expect(await t!.db.selectFrom('session_poses').select('session_id').execute()).toEqual([]);
  });
});
