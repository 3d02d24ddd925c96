import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { scenarioHash } from '../../src/engine';
import { readScenes } from '../../src/server/scenario-catalog';
import { idealEvents, root, sampleScenario, sessionBody, testApp } from './test-app';

let t: Awaited<ReturnType<typeof testApp>>;
beforeEach(async () => {
  t = await testApp();
});
afterEach(async () => {
  await t.close();
});

const post = (payload: unknown) => t.app.inject({ method: 'POST', url: '/api/sessions', payload: payload as object });
const rows = () => t.db.selectFrom('sessions').selectAll().execute();

describe('GET /api/health', () => {
  test('answers after a database round trip', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ ok: true, db: 'sqlite', scenarios: readScenes(root).length });
  });
});

describe('POST /api/sessions', () => {
  test('stores the session once with the server’s own score', async () => {
    const res = await post(sessionBody());
    expect(res.statusCode).toBe(201);
    expect(res.json()).toEqual({ id: sessionBody().id, score: 100, passed: true, scoreMismatch: false });
    const stored = await rows();
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ scenario_id: 'wood-intro-workbench', device: 'desktop', score: 100, passed: 1, score_mismatch: 0, duration_ms: 6000 });
    // The event log and score details are stored beside the row, never in it (issue 17).
    expect(stored[0]).toMatchObject({ events_json: '', result_json: '', comp_safety: 100, critical_violations: 0 });
    const log = await t.db.selectFrom('session_events').selectAll().execute();
    expect(log).toHaveLength(1);
    expect(JSON.parse(log[0]!.events_json)).toEqual(idealEvents);
    expect(JSON.parse(log[0]!.result_json)).toMatchObject({ total: 100, passed: true });
    expect((await t.db.selectFrom('session_steps').select('step_id').execute()).length).toBeGreaterThan(0);
  });

  test('a forged client score is flagged and never stored as the score', async () => {
    const unsafe = [
      { t: 500, action: 'press', object: 'start-button', device: 'desktop' },
      { t: 900, action: 'wear', object: 'safety-glasses', device: 'desktop' },
    ];
    const res = await post(sessionBody({ events: unsafe, clientScore: 100 }));
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body.scoreMismatch).toBe(true);
    expect(body.score).toBeLessThan(70);
    expect(body.passed).toBe(false);
    const [row] = await rows();
    expect(row).toMatchObject({ client_score: 100, score: body.score, score_mismatch: 1, passed: 0 });
  });

  test('a client claiming too little is not trusted either: the server’s replay is stored', async () => {
    const res = await post(sessionBody({ clientScore: 37 }));
    expect(res.json()).toMatchObject({ score: 100, passed: true, scoreMismatch: true });
    expect((await rows())[0]).toMatchObject({ client_score: 37, score: 100, score_mismatch: 1 });
  });

  test('a retry with the same id returns the stored result and adds no row', async () => {
    expect((await post(sessionBody())).statusCode).toBe(201);
    const again = await post(sessionBody());
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ score: 100, duplicate: true });
    expect(await rows()).toHaveLength(1);
  });

  test('a retry is the same record whatever its key order', async () => {
    await post(sessionBody());
    const reordered = Object.fromEntries(Object.entries(sessionBody()).reverse());
    expect((await post(reordered)).statusCode).toBe(200);
    expect(await rows()).toHaveLength(1);
  });

  test('a retry of a session found by id and version (hash unknown) is still a retry', async () => {
    const body = sessionBody({ scenarioHash: 'a'.repeat(64) });
    const first = await post(body);
    expect(first.statusCode).toBe(201);
    expect(first.json().score).toBe(100);
    expect((await post(body)).statusCode).toBe(200);
    expect(await rows()).toHaveLength(1);
  });

  test('the same id with other content is a conflict, and the first stays', async () => {
    await post(sessionBody());
    const other = await post(sessionBody({ device: 'touch' }));
    expect(other.statusCode).toBe(409);
    expect(other.json().error).toBe('session-id-conflict');
    expect((await rows())[0]!.device).toBe('desktop');
  });

  test.each([
    ['a missing field', { id: undefined }, 'id'],
    ['a client id that is no UUID', { id: 'abc' }, 'id'],
    ['an unknown device', { device: 'gamepad' }, 'device'],
    ['event times that go backwards', { events: [idealEvents[1], idealEvents[0]] }, 'events[1].t'],
    ['an event with an unknown field', { events: [{ ...idealEvents[0], extra: 1 }] }, 'events[0]'],
    ['a score above 100', { clientScore: 140 }, 'clientScore'],
    ['an end before the start', { endedAt: '2026-11-26T08:00:00.000Z' }, 'endedAt'],
    ['a session longer than a day', { endedAt: '2026-11-27T09:00:00.001Z' }, 'endedAt'],
    ['a scenario version out of range', { scenarioVersion: 2 ** 40 }, 'scenarioVersion'],
    ['an overlong language tag', { language: `nl${'-abcdefgh'.repeat(10)}` }, 'language'],
  ])('%s is refused with 400 naming the field', async (_what, override, path) => {
    const body = { ...sessionBody(), ...override } as Record<string, unknown>;
    if ('id' in override && override.id === undefined) delete body.id;
    const res = await post(body);
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toBe('invalid-session');
    expect(res.json().issues.map((i: { path: string }) => i.path)).toContain(path);
    expect(await rows()).toHaveLength(0);
  });

  test('the NUL character in any text is refused with 400 naming the field (PostgreSQL cannot store it)', async () => {
    const res = await post(sessionBody({ events: [{ ...idealEvents[0], object: 'safety\u0000glasses' }] }));
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ error: 'invalid-request', message: 'events[0].object: text must not contain the NUL character (\\u0000)' });
    expect(await rows()).toHaveLength(0);
  });

  test('every refusal is JSON with an error name and a message saying what is wrong', async () => {
    const res = await post({ ...sessionBody(), extra: true });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toMatch(/extra/);
  });

  test('a body that is not JSON gets 400 saying so', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/sessions', headers: { 'content-type': 'application/json' }, payload: '{"id": ' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toBe('invalid-json');
  });

  test('a body over the limit gets 413 and stores nothing', async () => {
    const event = { t: 1, action: 'look', object: 'x'.repeat(100), device: 'desktop' };
    const res = await post(sessionBody({ events: Array.from({ length: 20_000 }, () => event) }));
    expect(res.statusCode).toBe(413);
    expect(res.json().error).toBe('body-too-large');
    expect(await rows()).toHaveLength(0);
  });

  test('an unknown scenario is refused with 422 naming it', async () => {
    const res = await post(sessionBody({ scenarioId: 'food-nowhere', scenarioHash: 'f'.repeat(64) }));
    expect(res.statusCode).toBe(422);
    expect(res.json().message).toContain('food-nowhere');
  });

  test('a session played on v1 is re-scored with v1 after the server moved to v2', async () => {
    const v1 = sampleScenario();
    // v2 makes the glasses step worth far more: the same log scores differently under it.
    const v2 = structuredClone(v1);
    v2.version = v1.version + 1;
    v2.steps[0]!.points = 80;
    const events = idealEvents.slice(0, 2);
    const v1Score = (await post(sessionBody({ events }, v1))).json().score as number;
    await t.app.close();
    await t.db.destroy();

    // The server restarts on the same database with only v2 in scenes/; a headset with a cached
    // app still uploads a session played on v1: it must be scored with v1, by its hash.
    const moved = await testApp({ dataDir: t.dataDir, current: [{ scenario: v2, hash: scenarioHash(v2) }] });
    t = { ...moved, close: moved.close };
    const late = await post(sessionBody({ events, id: '6e9a2b8f-9d1f-4e70-8c3b-2f4d6b8c0e1a' }, v1));
    const onV2 = await post(sessionBody({ events, id: '7fab3c90-ae20-4f81-9d4c-3a5e7c9d1f2b' }, v2));
    expect(late.statusCode).toBe(201);
    expect(late.json()).toMatchObject({ score: v1Score, scoreMismatch: false });
    expect(onV2.json().score).not.toBe(v1Score);
    const stored = await t.db.selectFrom('sessions').select(['scenario_version', 'score']).orderBy('received_at').orderBy('scenario_version').execute();
    expect(stored.map((r) => r.scenario_version).sort()).toEqual([v1.version, v1.version, v2.version]);
  });
});
