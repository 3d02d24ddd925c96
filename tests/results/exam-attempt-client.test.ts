import { describe, expect, test } from 'vitest';
import { requestExamAttempt } from '../../src/results/exam-attempt-client';
import type { OutboxEntry } from '../../src/results/outbox-types';
import type { SessionRecord } from '../../src/results/session-record';
import { uploadEntry } from '../../src/results/upload-entry';

function fakeFetch(response: Response | Error) {
  const calls: Array<{ url: string; init: RequestInit }> = [];
  const impl = (async (url: string, init: RequestInit) => {
    calls.push({ url, init });
    if (response instanceof Error) throw response;
    return response;
  }) as unknown as typeof fetch;
  return { impl, calls };
}
const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

describe('asking for an exam attempt', () => {
  test('issued: the attempt id, asked under the trainee token for the station', async () => {
    const f = fakeFetch(json(201, { attemptId: 'a1', expiresAt: '2026-11-26T11:00:00.000Z', scenarioId: 's', issuedAt: 'x', validForMs: 1 }));
    expect(await requestExamAttempt('tok', 'wood-panel-saw', f.impl)).toEqual({ kind: 'issued', attemptId: 'a1', expiresAt: '2026-11-26T11:00:00.000Z' });
    expect(f.calls[0]!.url).toBe('/api/exam-attempts');
    expect((f.calls[0]!.init.headers as Record<string, string>).authorization).toBe('Bearer tok');
    expect(JSON.parse(f.calls[0]!.init.body as string)).toEqual({ scenarioId: 'wood-panel-saw' });
  });

  test('no network or a server error: offline; a refusal names its reason; no token: refused without asking', async () => {
    expect(await requestExamAttempt('tok', 's', fakeFetch(new TypeError('Failed to fetch')).impl)).toEqual({ kind: 'offline' });
    expect(await requestExamAttempt('tok', 's', fakeFetch(json(503, { error: 'server-error' })).impl)).toEqual({ kind: 'offline' });
    expect(await requestExamAttempt('tok', 's', fakeFetch(json(403, { error: 'exam-not-unlocked' })).impl)).toEqual({ kind: 'refused', reason: 'exam-not-unlocked' });
    const none = fakeFetch(json(201, {}));
    expect(await requestExamAttempt(null, 's', none.impl)).toEqual({ kind: 'refused', reason: 'trainee-token-invalid' });
    expect(none.calls).toHaveLength(0);
  });

  test('a queued exam is sent with its attempt in X-Exam-Attempt; practice without', async () => {
    const base: OutboxEntry = { id: 'e', record: { id: 'e' } as SessionRecord, traineeToken: 'tok', queuedAt: 1, attempts: 0 };
    const exam = fakeFetch(json(201, { score: 100 }));
    await uploadEntry({ ...base, examAttemptId: 'attempt-1' }, exam.impl);
    expect((exam.calls[0]!.init.headers as Record<string, string>)['x-exam-attempt']).toBe('attempt-1');
    const practice = fakeFetch(json(201, { score: 100 }));
    await uploadEntry(base, practice.impl);
    expect(practice.calls[0]!.init.headers as Record<string, string>).not.toHaveProperty('x-exam-attempt');
  });
});
