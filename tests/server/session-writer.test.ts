import { afterEach, describe, expect, test } from 'vitest';
import type { StoredSession } from '../../src/server/db/stored-session';
import { join } from 'node:path';
import { SessionWriter, type UploadWriter } from '../../src/server/session-writer';
import { SqliteSessionWriter } from '../../src/server/sqlite-session-writer';
import { testApp } from './test-app';
import { createOrganisation } from '../../src/server/organisations';
import { issueJoinCode, redeemJoinCode } from '../../src/server/auth/trainee-tokens';
import { secretHash } from '../../src/server/auth/secrets';

let t: Awaited<ReturnType<typeof testApp>> | null = null;
let writer: UploadWriter | null = null;
afterEach(async () => {
  await writer?.close();
  writer = null;
  await t?.close();
  t = null;
});

/** The three ways uploads are written: Kysely on either engine, and SQLite's writer thread. */
const writers = [
  { name: 'Kysely on SQLite', kind: 'sqlite' as const, make: (app: NonNullable<typeof t>, max?: number) => new SessionWriter(app.db, max) },
  { name: 'Kysely on PostgreSQL', kind: 'postgres' as const, make: (app: NonNullable<typeof t>, max?: number) => new SessionWriter(app.db, max) },
  { name: 'the SQLite writer thread', kind: 'sqlite' as const, make: (app: NonNullable<typeof t>, max?: number) => new SqliteSessionWriter(join(app.dataDir, 'werkvloer.sqlite'), max) },
];

function row(id: string, device = 'desktop'): StoredSession {
  return {
    session: {
      id,
      scenario_id: 'wood-intro-workbench',
      scenario_version: 1,
      scenario_hash: 'a'.repeat(64),
      mode: 'practice',
      device,
      language: 'nl',
      started_at: '2026-11-26T09:00:00.000Z',
      ended_at: '2026-11-26T09:00:06.000Z',
      duration_ms: 6000,
      events_json: '',
      client_score: 0,
      score: 0,
      passed: 0,
      score_mismatch: 0,
      result_json: '',
      received_at: '2026-11-26T09:00:07.000Z',
      content_hash: null,
      organisation_id: null,
      trainee_id: null,
    },
    events: { session_id: id, events_json: '[]', result_json: '{}' },
    steps: [{ session_id: id, step_id: 'wear-glasses', trainee_id: null, scenario_id: 'wood-intro-workbench', done: 1, mistakes: 0, hints: 0 }],
  };
}

describe.each(writers)('group commit of uploads: $name', ({ kind, make }) => {
  test('uploads arriving together share one transaction, and each learns whether it was stored', async () => {
    t = await testApp({ kind });
    const w = (writer = make(t, 100));
    const ids = Array.from({ length: 40 }, () => crypto.randomUUID());
    const results = await Promise.all(ids.map((id) => w.insert(row(id))));
    expect(results).toEqual(ids.map(() => true));
    // The thread starts on the first at once and takes the other 39 together; Kysely waits one turn for all.
    expect(w.stats.rows).toBe(40);
    expect(w.stats.batches).toBeLessThanOrEqual(2);
    expect(await t.db.selectFrom('sessions').select('id').execute()).toHaveLength(40);
    // A first store writes the event log and the step outcomes beside the row.
    expect(await t.db.selectFrom('session_events').select('session_id').execute()).toHaveLength(40);
    expect(await t.db.selectFrom('session_steps').select('session_id').execute()).toHaveLength(40);
    // Once stored, the same ids are not stored again.
    expect(await Promise.all(ids.slice(0, 3).map((id) => w.insert(row(id, 'touch'))))).toEqual([false, false, false]);
  });

  test('two uploads of one id in the same batch: the first is stored, the second told it was not', async () => {
    t = await testApp({ kind });
    const w = (writer = make(t));
    const id = crypto.randomUUID();
    // The thread writes the first at once: send two more so that a pair shares a batch either way.
    const other = crypto.randomUUID();
    expect(await Promise.all([w.insert(row(other)), w.insert(row(id, 'desktop')), w.insert(row(id, 'touch'))])).toEqual([true, true, false]);
    await t.db.deleteFrom('sessions').where('id', '=', other).execute();
    expect(await t.db.selectFrom('sessions').select('device').execute()).toEqual([{ device: 'desktop' }]);
    // The refused second upload wrote no second event log.
    expect(await t.db.selectFrom('session_events').select('session_id').execute()).toEqual([{ session_id: id }]);
  });

  test('a row the database refuses fails only its own upload; the rest of the batch is stored', async () => {
    t = await testApp({ kind });
    const w = (writer = make(t));
    const good = [crypto.randomUUID(), crypto.randomUUID()];
    const refused = row(crypto.randomUUID());
    const bad = { ...refused, session: { ...refused.session, scenario_id: null as unknown as string } };
    const answers = await Promise.allSettled([w.insert(row(good[0]!)), w.insert(bad), w.insert(row(good[1]!))]);
    expect(answers.map((a) => a.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((await t.db.selectFrom('sessions').select('id').execute()).map((r) => r.id).sort()).toEqual([...good].sort());
  });

  test('more uploads than a batch holds are written in several', async () => {
    t = await testApp({ kind });
    const w = (writer = make(t, 10));
    const results = await Promise.all(Array.from({ length: 25 }, () => w.insert(row(crypto.randomUUID()))));
    expect(results.every(Boolean)).toBe(true);
    expect(w.stats.rows).toBe(25);
    expect(w.stats.batches).toBeGreaterThanOrEqual(3);
    expect(w.stats.batches).toBeLessThanOrEqual(4);
  });

  test("a headset token's last use is written with a first store, in its transaction, and never by a retry", async () => {
    t = await testApp({ kind });
    const w = (writer = make(t));
    const { organisationId } = await createOrganisation(t.db, { name: 'Writer', email: 'writer@centre.test', password: 'blue kettle seven orchard', country: 'BE' });
    const traineeId = crypto.randomUUID();
    const at = '2026-11-26T09:00:00.000Z';
    const groupId = crypto.randomUUID();
    await t.db.insertInto('groups').values({ id: groupId, organisation_id: organisationId, name: 'Writer', created_at: at }).execute();
    await t.db.insertInto('trainees').values({ id: traineeId, organisation_id: organisationId, group_id: groupId, code: 'W001-XX', alias: null, created_at: at }).execute();
    const { joinCode } = await issueJoinCode(t.db, traineeId, new Date(at));
    const { token } = (await redeemJoinCode(t.db, joinCode, new Date(at)))!;
    const lastUsed = async () => (await t!.db.selectFrom('trainee_tokens').select('last_used_at').executeTakeFirstOrThrow()).last_used_at;
    expect(await lastUsed()).toBeNull();
    const id = crypto.randomUUID();
    // Two uploads of one id, both with a touch: only the stored one writes it.
    expect(await Promise.all([w.insert(row(id), { tokenHash: secretHash(token), at: '2026-11-26T09:05:00.000Z' }), w.insert(row(id, 'touch'), { tokenHash: secretHash(token), at: '2026-11-26T09:06:00.000Z' })])).toEqual([true, false]);
    expect(await lastUsed()).toBe('2026-11-26T09:05:00.000Z');
    // A retry (the row is there) writes nothing, touch or not.
    expect(await w.insert(row(id), { tokenHash: secretHash(token), at: '2026-11-26T09:10:00.000Z' })).toBe(false);
    expect(await lastUsed()).toBe('2026-11-26T09:05:00.000Z');
  });

  test('close waits for the uploads in hand; after it, an upload is refused, never silently dropped', async () => {
    t = await testApp({ kind });
    const w = make(t);
    const pending = Array.from({ length: 5 }, () => w.insert(row(crypto.randomUUID())));
    await w.close();
    expect(await Promise.all(pending)).toEqual([true, true, true, true, true]);
    expect(await t.db.selectFrom('sessions').select('id').execute()).toHaveLength(5);
    await expect(w.insert(row(crypto.randomUUID()))).rejects.toThrow(/closed/);
  });
});
