// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { afterAll, describe, expect, test, vi } from 'vitest';
import { waitingHintKey } from '../../src/results/outbox-hint';
import { openOutboxDb } from '../../src/results/outbox-db';
import { outbox } from '../../src/results/outbox-runtime';
import type { OutboxEntry } from '../../src/results/outbox-types';
import type { SessionRecord } from '../../src/results/session-record';

const entry = (id: string, traineeToken: string, queuedAt: number): OutboxEntry => ({
  id,
  record: { id, scenarioId: 'wood-intro-workbench' } as SessionRecord,
  traineeToken,
  queuedAt,
  attempts: 0,
});

/** The server as the runtime sees it: each call is answered by the current `answer`. */
let answer: () => Response = () => {
  throw new TypeError('Failed to fetch');
};
const posts: Array<{ id: string; authorization: string | undefined }> = [];
vi.stubGlobal('fetch', async (_url: string, init: RequestInit) => {
  posts.push({ id: (JSON.parse(init.body as string) as { id: string }).id, authorization: (init.headers as Record<string, string>).authorization });
  return answer();
});
const persist = vi.fn(async () => true);
Object.defineProperty(navigator, 'storage', { configurable: true, value: { persist } });
let visibility: DocumentVisibilityState = 'hidden';
Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => visibility });

const saved = () => new Response(JSON.stringify({ score: 100 }), { status: 201, headers: { 'content-type': 'application/json' } });

afterAll(() => {
  vi.unstubAllGlobals();
});

describe('the outbox in the browser: flushed on load, on `online`, on visibility, with Retry-After', () => {
  test('what waits from an earlier visit is tried at load; each entry goes with its own token; storage persistence is asked for', async () => {
    // Results left by earlier trainees on this headset, still in IndexedDB.
    const db = await openOutboxDb();
    await db.put(entry('a', 'token-A', 1));
    await db.put(entry('b', 'token-B', 2));

    const sync = await outbox();
    await vi.waitFor(() => expect(posts.length).toBeGreaterThanOrEqual(1));
    await vi.waitFor(() => expect(sync.state.sending).toBe(false));
    expect(persist).toHaveBeenCalled();
    // Offline: kept, counted, and the count is left where the next start finds it.
    expect(sync.state.waiting).toBe(2);
    expect(localStorage.getItem(waitingHintKey)).toBe('2');
    expect(sync.state.nextTryAt).not.toBeNull();

    // The network comes back: the browser says `online`, and both go, oldest first, each as its trainee.
    answer = saved;
    posts.length = 0;
    dispatchEvent(new Event('online'));
    await vi.waitFor(() => expect(sync.state.waiting).toBe(0));
    expect(posts).toEqual([
      { id: 'a', authorization: 'Bearer token-A' },
      { id: 'b', authorization: 'Bearer token-B' },
    ]);
    expect(localStorage.getItem(waitingHintKey)).toBe('0');
    expect(await db.list()).toEqual([]);
  });

  test('a busy server’s Retry-After sets the next try; the page becoming visible again tries at once', async () => {
    const sync = await outbox();
    answer = () => new Response(JSON.stringify({ error: 'busy' }), { status: 503, headers: { 'retry-after': '120' } });
    const before = Date.now();
    await sync.enqueue({ id: 'c', scenarioId: 'wood-intro-workbench' } as SessionRecord, 'token-C');
    expect(sync.state.waiting).toBe(1);
    expect(sync.state.lastProblem).toBe('busy');
    expect(sync.state.nextTryAt! - before).toBeGreaterThanOrEqual(120_000);

    // Hidden pages are left alone; the trainee taking the headset off and on again is a good moment.
    answer = saved;
    posts.length = 0;
    document.dispatchEvent(new Event('visibilitychange'));
    await new Promise((r) => setTimeout(r, 50));
    expect(posts).toEqual([]);
    visibility = 'visible';
    document.dispatchEvent(new Event('visibilitychange'));
    await vi.waitFor(() => expect(sync.state.waiting).toBe(0));
    expect(posts).toEqual([{ id: 'c', authorization: 'Bearer token-C' }]);
    expect(sync.state.nextTryAt).toBeNull();
  });
});
