import { describe, expect, test } from 'vitest';
import type { OutboxEntry } from '../../src/results/outbox-types';
import type { SessionRecord } from '../../src/results/session-record';
import { uploadEntry } from '../../src/results/upload-entry';

const entry = (traineeToken: string | null): OutboxEntry => ({
  id: '0b5f2a4e-8d0c-4c35-9a63-1f1b2c3d4e5f',
  record: { id: '0b5f2a4e-8d0c-4c35-9a63-1f1b2c3d4e5f', scenarioId: 'wood-intro-workbench' } as SessionRecord,
  traineeToken,
  queuedAt: 1,
  attempts: 0,
});

/** A fetch that records what it was asked and answers with `response` (or throws it). */
function fakeFetch(response: Response | Error) {
  const calls: Array<{ url: string; init: RequestInit }> = [];
  const impl = (async (url: string, init: RequestInit) => {
    calls.push({ url, init });
    if (response instanceof Error) throw response;
    return response;
  }) as unknown as typeof fetch;
  return { impl, calls };
}

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });

describe('one upload of a queued session', () => {
  test('posts the record under the token it was made with; no token, no Authorization header', async () => {
    const withToken = fakeFetch(json(201, { id: 'x', score: 90 }));
    expect(await uploadEntry(entry('token-of-A'), withToken.impl)).toEqual({ kind: 'saved', score: 90 });
    expect(withToken.calls[0]!.url).toBe('/api/sessions');
    expect(withToken.calls[0]!.init.method).toBe('POST');
    expect((withToken.calls[0]!.init.headers as Record<string, string>).authorization).toBe('Bearer token-of-A');
    expect(JSON.parse(withToken.calls[0]!.init.body as string)).toEqual(entry(null).record);

    const anonymous = fakeFetch(json(200, { id: 'x', score: 90, duplicate: true }));
    expect(await uploadEntry(entry(null), anonymous.impl)).toEqual({ kind: 'saved', score: 90 });
    expect(anonymous.calls[0]!.init.headers as Record<string, string>).not.toHaveProperty('authorization');
  });

  test('a 4xx is refused for good, with the server’s reason and message kept', async () => {
    const conflict = fakeFetch(json(409, { error: 'session-id-conflict', message: 'this id was stored with another record' }));
    expect(await uploadEntry(entry('t'), conflict.impl)).toEqual({
      kind: 'refused',
      status: 409,
      reason: 'session-id-conflict',
      message: 'this id was stored with another record',
    });
    // A validation answer without a message still says what was wrong.
    const invalid = fakeFetch(json(400, { error: 'invalid-body', issues: [{ path: ['events'], message: 'too many' }] }));
    const answer = await uploadEntry(entry('t'), invalid.impl);
    expect(answer).toMatchObject({ kind: 'refused', status: 400, reason: 'invalid-body' });
    expect(answer.kind === 'refused' && answer.message).toContain('too many');
    // Not even JSON: the status is the reason.
    const bare = fakeFetch(new Response('nope', { status: 404 }));
    expect(await uploadEntry(entry('t'), bare.impl)).toMatchObject({ kind: 'refused', status: 404, reason: 'HTTP 404' });
  });

  test('no network, 5xx, 408 and 429 are tried again, honouring Retry-After in seconds or as a date', async () => {
    expect(await uploadEntry(entry('t'), fakeFetch(new TypeError('Failed to fetch')).impl)).toEqual({ kind: 'retry', reason: 'Failed to fetch', retryAfterMs: null });
    expect(await uploadEntry(entry('t'), fakeFetch(json(503, { error: 'busy' }, { 'retry-after': '30' })).impl)).toEqual({ kind: 'retry', reason: 'busy', retryAfterMs: 30_000 });
    expect(await uploadEntry(entry('t'), fakeFetch(json(500, { error: 'server-error' })).impl)).toEqual({ kind: 'retry', reason: 'server-error', retryAfterMs: null });
    expect(await uploadEntry(entry('t'), fakeFetch(new Response('', { status: 408 })).impl)).toEqual({ kind: 'retry', reason: 'HTTP 408', retryAfterMs: null });
    const now = Date.parse('2026-11-26T10:00:00Z');
    const at = new Date(now + 120_000).toUTCString();
    expect(await uploadEntry(entry('t'), fakeFetch(json(429, { error: 'too-many-requests' }, { 'retry-after': at })).impl, () => now)).toEqual({
      kind: 'retry',
      reason: 'too-many-requests',
      retryAfterMs: 120_000,
    });
  });
});
