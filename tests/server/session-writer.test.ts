import { afterEach, describe, expect, test } from 'vitest';
import type { Insertable } from 'kysely';
import type { SessionsTable } from '../../src/server/db/schema';
import { SessionWriter } from '../../src/server/session-writer';
import { databaseKinds } from './support/databases';
import { testApp } from './test-app';

let t: Awaited<ReturnType<typeof testApp>> | null = null;
afterEach(async () => {
  await t?.close();
  t = null;
});

function row(id: string, device = 'desktop'): Insertable<SessionsTable> {
  return {
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
    events_json: '[]',
    client_score: 0,
    score: 0,
    passed: 0,
    score_mismatch: 0,
    result_json: '{}',
    received_at: '2026-11-26T09:00:07.000Z',
    content_hash: null,
    organisation_id: null,
    trainee_id: null,
  };
}

describe.each(databaseKinds)('group commit of uploads on %s', (kind) => {
  test('uploads arriving together share one transaction, and each learns whether it was stored', async () => {
    t = await testApp({ kind });
    const writer = new SessionWriter(t.db, 100);
    const ids = Array.from({ length: 40 }, () => crypto.randomUUID());
    const results = await Promise.all(ids.map((id) => writer.insert(row(id))));
    expect(results).toEqual(ids.map(() => true));
    expect(writer.stats).toEqual({ batches: 1, rows: 40 });
    expect(await t.db.selectFrom('sessions').select('id').execute()).toHaveLength(40);
    // Once stored, the same ids are not stored again.
    expect(await Promise.all(ids.slice(0, 3).map((id) => writer.insert(row(id, 'touch'))))).toEqual([false, false, false]);
  });

  test('two uploads of one id in the same batch: the first is stored, the second told it was not', async () => {
    t = await testApp({ kind });
    const writer = new SessionWriter(t.db);
    const id = crypto.randomUUID();
    expect(await Promise.all([writer.insert(row(id, 'desktop')), writer.insert(row(id, 'touch'))])).toEqual([true, false]);
    expect(await t.db.selectFrom('sessions').select('device').execute()).toEqual([{ device: 'desktop' }]);
  });

  test('a row the database refuses fails only its own upload; the rest of the batch is stored', async () => {
    t = await testApp({ kind });
    const writer = new SessionWriter(t.db);
    const good = [crypto.randomUUID(), crypto.randomUUID()];
    const bad = { ...row(crypto.randomUUID()), scenario_id: null as unknown as string };
    const answers = await Promise.allSettled([writer.insert(row(good[0]!)), writer.insert(bad), writer.insert(row(good[1]!))]);
    expect(answers.map((a) => a.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((await t.db.selectFrom('sessions').select('id').execute()).map((r) => r.id).sort()).toEqual([...good].sort());
  });

  test('more uploads than a batch holds are written in several', async () => {
    t = await testApp({ kind });
    const writer = new SessionWriter(t.db, 10);
    const results = await Promise.all(Array.from({ length: 25 }, () => writer.insert(row(crypto.randomUUID()))));
    expect(results.every(Boolean)).toBe(true);
    expect(writer.stats).toEqual({ batches: 3, rows: 25 });
  });
});
