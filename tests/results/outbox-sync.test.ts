import { describe, expect, test } from 'vitest';
import { OutboxSync } from '../../src/results/outbox-sync';
import type { OutboxEntry, UploadAnswer } from '../../src/results/outbox-types';
import type { SessionRecord } from '../../src/results/session-record';
import { memoryStore } from './memory-store';

const record = (id: string): SessionRecord => ({
  id,
  scenarioId: 'wood-intro-workbench',
  scenarioVersion: 1,
  scenarioHash: 'a'.repeat(64),
  mode: 'practice',
  device: 'desktop',
  language: 'nl',
  startedAt: '2026-11-26T09:00:00.000Z',
  endedAt: '2026-11-26T09:00:06.000Z',
  events: [],
  clientScore: 0,
});

/** A server whose answers the test scripts, a clock and a timer the test advances by hand. */
function harness(answers: Array<UploadAnswer | ((e: OutboxEntry) => UploadAnswer)>) {
  const store = memoryStore();
  const sent: Array<{ id: string; token: string | null; storedFirst: boolean }> = [];
  const timers: Array<{ fn: () => void; at: number }> = [];
  let now = 1_000;
  const sync = new OutboxSync({
    store,
    send: async (entry) => {
      sent.push({ id: entry.id, token: entry.traineeToken, storedFirst: store.outbox.has(entry.id) });
      const next = answers.shift() ?? { kind: 'saved', score: 100 };
      return typeof next === 'function' ? next(entry) : next;
    },
    now: () => now,
    random: () => 1,
    setTimer: (fn, ms) => {
      const t = { fn, at: now + ms };
      timers.push(t);
      return t;
    },
    clearTimer: (h) => timers.splice(timers.indexOf(h as (typeof timers)[number]), 1),
  });
  const fireTimer = async () => {
    const t = timers.shift();
    if (!t) throw new Error('no timer pending');
    now = t.at;
    t.fn();
    // Wait for the flush the timer started (a second flush() here would be a second request).
    await (sync as unknown as { running: Promise<void> | null }).running;
  };
  return { sync, store, sent, timers, fireTimer };
}

const offline: UploadAnswer = { kind: 'retry', reason: 'Failed to fetch', retryAfterMs: null };

describe('the outbox state machine', () => {
  test('stores a record before sending it and removes it only once acknowledged', async () => {
    const h = harness([{ kind: 'saved', score: 90 }]);
    await h.sync.enqueue(record('a'), 'token-a');
    expect(h.sent).toEqual([{ id: 'a', token: 'token-a', storedFirst: true }]);
    expect(h.store.outbox.size).toBe(0);
    expect(h.sync.state).toMatchObject({ waiting: 0, sending: false, nextTryAt: null });
  });

  test('offline: keeps the record, backs off exponentially, and delivers once when the network returns', async () => {
    const h = harness([offline, offline, { kind: 'saved', score: 100 }]);
    await h.sync.enqueue(record('a'), null);
    expect(h.sync.state).toMatchObject({ waiting: 1, nextTryAt: 3_000, lastProblem: 'Failed to fetch' });
    await h.fireTimer();
    expect(h.sync.state).toMatchObject({ waiting: 1, nextTryAt: 3_000 + 4_000 });
    await h.fireTimer();
    expect(h.sent.map((s) => s.id)).toEqual(['a', 'a', 'a']);
    expect(h.sync.state).toMatchObject({ waiting: 0, nextTryAt: null });
    expect(h.timers).toHaveLength(0);
  });

  test('a server Retry-After sets the next try', async () => {
    const h = harness([{ kind: 'retry', reason: 'too-many-requests', retryAfterMs: 45_000 }]);
    await h.sync.enqueue(record('a'), null);
    expect(h.sync.state.nextTryAt).toBe(1_000 + 45_000);
  });

  test('a refused record moves to the refused list with the server’s reason; the next one still goes', async () => {
    const h = harness([{ kind: 'refused', status: 422, reason: 'unknown-scenario', message: 'scenario x is not known' }]);
    await h.store.put({ id: 'a', record: record('a'), traineeToken: null, queuedAt: 1, attempts: 0 });
    await h.store.put({ id: 'b', record: record('b'), traineeToken: null, queuedAt: 2, attempts: 0 });
    await h.sync.flush();
    expect(h.sent.map((s) => s.id)).toEqual(['a', 'b']);
    expect(h.sync.state.waiting).toBe(0);
    expect(h.sync.state.refused).toEqual([expect.objectContaining({ id: 'a', status: 422, reason: 'unknown-scenario', message: 'scenario x is not known' })]);
  });

  test('each queued result keeps the trainee token it was made under (shared headsets)', async () => {
    const h = harness([offline]);
    await h.sync.enqueue(record('first'), 'token-A');
    // A new result triggers a flush at once: both go, each under its own token.
    await h.sync.enqueue(record('second'), 'token-B');
    expect(h.sent.map((s) => s.id)).toEqual(['first', 'first', 'second']);
    expect(h.sent.filter((s) => s.id === 'first').every((s) => s.token === 'token-A')).toBe(true);
    expect(h.sent.filter((s) => s.id === 'second').every((s) => s.token === 'token-B')).toBe(true);
    expect(h.store.outbox.size).toBe(0);
  });

  test('a flush asked for during a flush runs right after it, so a new record is not left for the timer', async () => {
    let release!: () => void;
    const h = harness([(): UploadAnswer => ({ kind: 'saved', score: 1 })]);
    const slow = new Promise<void>((r) => (release = r));
    const origSend = h.sync['deps'].send;
    h.sync['deps'].send = async (e) => {
      if (e.id === 'a') await slow;
      return origSend(e);
    };
    const first = h.sync.enqueue(record('a'), null);
    await new Promise((r) => setTimeout(r, 0));
    const second = h.sync.enqueue(record('b'), null);
    release();
    await Promise.all([first, second]);
    expect(h.sent.map((s) => s.id)).toEqual(['a', 'b']);
    expect(h.store.outbox.size).toBe(0);
  });

  test('the network returning during a failing try (an `online` flush) is tried at once, not left for the backoff timer', async () => {
    let release!: () => void;
    const h = harness([offline, { kind: 'saved', score: 100 }]);
    const slow = new Promise<void>((r) => (release = r));
    const origSend = h.sync['deps'].send;
    let calls = 0;
    h.sync['deps'].send = async (e) => {
      if (calls++ === 0) await slow;
      return origSend(e);
    };
    const first = h.sync.enqueue(record('a'), null);
    await new Promise((r) => setTimeout(r, 0));
    const online = h.sync.flush();
    release();
    await Promise.all([first, online]);
    expect(h.sent.map((s) => s.id)).toEqual(['a', 'a']);
    expect(h.store.outbox.size).toBe(0);
    expect(h.timers).toHaveLength(0);
    expect(h.sync.state.nextTryAt).toBeNull();
  });

  test('but when the server said Retry-After, a flush asked for meanwhile waits for that time', async () => {
    let release!: () => void;
    const h = harness([{ kind: 'retry', reason: 'busy', retryAfterMs: 60_000 }]);
    const slow = new Promise<void>((r) => (release = r));
    const origSend = h.sync['deps'].send;
    h.sync['deps'].send = async (e) => {
      await slow;
      return origSend(e);
    };
    const first = h.sync.enqueue(record('a'), null);
    await new Promise((r) => setTimeout(r, 0));
    const again = h.sync.flush();
    release();
    await Promise.all([first, again]);
    expect(h.sent.map((s) => s.id)).toEqual(['a']);
    expect(h.timers.map((t) => t.at - 1_000)).toEqual([60_000]);
  });
});
