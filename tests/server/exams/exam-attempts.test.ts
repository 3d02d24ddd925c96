import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { SessionEvent } from '../../../src/engine';
import { examAttemptLifetimeMs } from '../../../src/server/exams/exam-attempts';
import { databaseKinds } from '../support/databases';
import { joinedTrainee, login, organisationWithTrainer, type LoggedIn } from '../support/trainers';
import { sessionBody, testApp } from '../test-app';

/** A person's pace: times not on any grid, gaps of seconds. */
const playedEvents: SessionEvent[] = [
  { t: 1523, action: 'wear', object: 'safety-glasses', device: 'desktop' },
  { t: 3871, action: 'press', object: 'start-button', device: 'desktop' },
  { t: 6042, action: 'press', object: 'stop-button', device: 'desktop' },
];

/** Issue 18, item 2: an exam counts once, under an attempt the server issued, and odd ones are flagged. */
describe.each(databaseKinds)('server-issued exam attempts on %s', (kind) => {
  let clock = Date.parse('2026-11-26T09:00:00.000Z');
  let t: Awaited<ReturnType<typeof testApp>>;
  let trainer: LoggedIn;
  let other: LoggedIn;
  let sam: Awaited<ReturnType<typeof joinedTrainee>>;
  let kim: Awaited<ReturnType<typeof joinedTrainee>>;
  const scenarioId = sessionBody().scenarioId;

  const askAttempt = (token: string, scenario = scenarioId) =>
    t.app.inject({ method: 'POST', url: '/api/exam-attempts', headers: { authorization: `Bearer ${token}` }, payload: { scenarioId: scenario } });
  const attemptFor = async (token: string) => {
    const res = await askAttempt(token);
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { attemptId: string; issuedAt: string; expiresAt: string; validForMs: number };
  };
  const uploadExam = (token: string, attemptId: string | undefined, overrides: Record<string, unknown>) => {
    const startedAt = new Date(clock + 1000).toISOString();
    const endedAt = new Date(clock + 8000).toISOString();
    return t.app.inject({
      method: 'POST',
      url: '/api/sessions',
      headers: { authorization: `Bearer ${token}`, ...(attemptId ? { 'x-exam-attempt': attemptId } : {}) },
      payload: sessionBody({ mode: 'exam', startedAt, endedAt, events: playedEvents, ...overrides }),
    });
  };
  const flagsOf = async (sessionId: string, who: LoggedIn = trainer) => {
    // The test's clock moves hours: a fresh login, not a timed-out one.
    const fresh = await login(t.app, who.organisationId, who.email, who.password);
    const res = await fresh.call('GET', `/api/dashboard/exam-attempts?sessions=${sessionId}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json().attempts as { sessionId: string; flags: { kind: string }[] }[];
  };

  beforeAll(async () => {
    t = await testApp({ kind, now: () => new Date(clock) });
    trainer = await organisationWithTrainer(t.app, t.db, 'Atelier');
    other = await organisationWithTrainer(t.app, t.db, 'Bakkerij');
    sam = await joinedTrainee(t.app, trainer, 'Sam');
    kim = await joinedTrainee(t.app, trainer, 'Kim');
  });
  afterAll(async () => {
    await t.close();
  });

  test('no attempt before the trainer unlocks the exam, nor without a token', async () => {
    const refused = await askAttempt(sam.token);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error).toBe('exam-not-unlocked');
    const anonymous = await t.app.inject({ method: 'POST', url: '/api/exam-attempts', payload: { scenarioId } });
    expect(anonymous.statusCode).toBe(401);
    for (const who of [sam, kim]) expect((await trainer.call('PUT', `/api/trainees/${who.traineeId}/exam`, { exam: true })).statusCode).toBe(200);
    const bad = await t.app.inject({ method: 'POST', url: '/api/exam-attempts', headers: { authorization: `Bearer ${sam.token}` }, payload: { scenario: scenarioId } });
    expect(bad.statusCode).toBe(400);
  });

  test('an attempt is valid for two hours and binds one session: its retries are answered as before, a second session is refused', async () => {
    const attempt = await attemptFor(sam.token);
    expect(attempt.validForMs).toBe(examAttemptLifetimeMs);
    expect(Date.parse(attempt.expiresAt) - Date.parse(attempt.issuedAt)).toBe(2 * 60 * 60 * 1000);
    const id = crypto.randomUUID();
    const first = await uploadExam(sam.token, attempt.attemptId, { id });
    expect(first.statusCode, first.body).toBe(201);
    const retry = await uploadExam(sam.token, attempt.attemptId, { id });
    expect(retry.statusCode).toBe(200);
    expect(retry.json()).toMatchObject({ id, duplicate: true, score: first.json().score });
    const second = await uploadExam(sam.token, attempt.attemptId, { id: crypto.randomUUID() });
    expect(second.statusCode).toBe(409);
    expect(second.json().error).toBe('exam-attempt-used');
    expect(await flagsOf(id)).toEqual([expect.objectContaining({ sessionId: id, flags: [] })]);
  });

  test('an exam without an attempt, with another trainee\'s, another station\'s or a malformed one is refused', async () => {
    expect((await uploadExam(sam.token, undefined, { id: crypto.randomUUID() })).json().error).toBe('exam-attempt-required');
    const kims = await attemptFor(kim.token);
    expect((await uploadExam(sam.token, kims.attemptId, { id: crypto.randomUUID() })).json().error).toBe('exam-attempt-unknown');
    const otherStation = await askAttempt(sam.token, 'wood-panel-saw');
    expect(otherStation.statusCode).toBe(201);
    expect((await uploadExam(sam.token, otherStation.json().attemptId, { id: crypto.randomUUID() })).json().error).toBe('exam-attempt-other-station');
    const malformed = await uploadExam(sam.token, 'not-an-id', { id: crypto.randomUUID() });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().message).toContain('x-exam-attempt');
    // Practice needs no attempt.
    expect((await uploadExam(sam.token, undefined, { id: crypto.randomUUID(), mode: 'practice' })).statusCode).toBe(201);
  });

  test('a result that arrives after the attempt expired is stored and flagged late, never dropped', async () => {
    const attempt = await attemptFor(sam.token);
    const id = crypto.randomUUID();
    const startedAt = new Date(clock + 60_000).toISOString();
    const endedAt = new Date(clock + 70_000).toISOString();
    clock += examAttemptLifetimeMs + 60 * 60 * 1000;
    const late = await t.app.inject({ method: 'POST', url: '/api/sessions', headers: { authorization: `Bearer ${sam.token}`, 'x-exam-attempt': attempt.attemptId }, payload: sessionBody({ id, mode: 'exam', startedAt, endedAt, events: playedEvents }) });
    expect(late.statusCode, late.body).toBe(201);
    expect((await flagsOf(id))[0]!.flags).toEqual([{ kind: 'late', expiresAt: attempt.expiresAt }]);
  });

  test('an ideal path posted without playing is stored with its score and flagged: too fast, machine-made times, events after the end, started before the attempt', async () => {
    const attempt = await attemptFor(sam.token);
    const id = crypto.randomUUID();
    const scripted: SessionEvent[] = [
      { t: 100, action: 'wear', object: 'safety-glasses', device: 'desktop' },
      { t: 200, action: 'press', object: 'start-button', device: 'desktop' },
      { t: 300, action: 'press', object: 'stop-button', device: 'desktop' },
      { t: 400, action: 'press', object: 'start-button', device: 'desktop' },
      { t: 20_000, action: 'press', object: 'stop-button', device: 'desktop' },
    ];
    const res = await uploadExam(sam.token, attempt.attemptId, { id, events: scripted, startedAt: new Date(clock - 60 * 60 * 1000).toISOString(), endedAt: new Date(clock - 60 * 60 * 1000 + 5000).toISOString() });
    expect(res.statusCode, res.body).toBe(201);
    const flags = (await flagsOf(id))[0]!.flags;
    expect(flags.map((f) => f.kind).sort()).toEqual(['beyond-session', 'regular-times', 'started-before-attempt', 'too-fast']);
    expect(flags.find((f) => f.kind === 'too-fast')).toEqual({ kind: 'too-fast', n: 4, action: 'wear', object: 'safety-glasses', gapMs: 100, minimumMs: 600 });
  });

  test('another organisation sees no attempt; a bad list is named', async () => {
    const attempt = await attemptFor(kim.token);
    const id = crypto.randomUUID();
    expect((await uploadExam(kim.token, attempt.attemptId, { id })).statusCode).toBe(201);
    const foreign = await (await login(t.app, other.organisationId, other.email, other.password)).call('GET', `/api/dashboard/exam-attempts?sessions=${id}`);
    expect(foreign.statusCode).toBe(404);
    const bad = await (await login(t.app, trainer.organisationId, trainer.email, trainer.password)).call('GET', '/api/dashboard/exam-attempts?sessions=1,2');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toContain('session ids');
  });
});
