import { waitingHintKey } from './outbox-hint';
import { openOutboxDb } from './outbox-db';
import { OutboxSync, type EntryOutcome } from './outbox-sync';
import type { SessionRecord } from './session-record';
import { uploadEntry } from './upload-entry';


let instance: Promise<OutboxSync> | null = null;

/**
 * The app's one outbox, wired to the browser: flushed now, on `online`, when the page becomes
 * visible again and on its own backoff timer. No service worker needed.
 */
export function outbox(): Promise<OutboxSync> {
  instance ??= (async () => {
    const sync = new OutboxSync({
      store: await openOutboxDb(),
      send: (entry) => uploadEntry(entry),
      now: () => Date.now(),
      random: Math.random,
      setTimer: (fn, ms) => setTimeout(fn, ms),
      clearTimer: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
    });
    sync.subscribe((s) => localStorage.setItem(waitingHintKey, String(s.waiting + s.refused.length)));
    addEventListener('online', () => void sync.flush());
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState === 'visible') void sync.flush();
    });
    // Ask the browser not to evict queued results under storage pressure (best effort).
    void navigator.storage?.persist?.().catch(() => false);
    void sync.flush();
    return sync;
  })();
  return instance;
}

/** Queues a finished session and answers with what became of it on the first try. */
export async function deliver(record: SessionRecord, traineeToken: string | null, examAttemptId: string | null = null): Promise<EntryOutcome> {
  const sync = await outbox();
  let outcome: EntryOutcome | null = null;
  const off = sync.onOutcome((o) => {
    if (o.id === record.id) outcome ??= o;
  });
  try {
    await sync.enqueue(record, traineeToken, examAttemptId);
  } finally {
    off();
  }
  // Queued behind an earlier failure: it waits for the same next try.
  return outcome ?? { id: record.id, kind: 'waiting', reason: sync.state.lastProblem ?? 'queued' };
}

/** Calls back once when a waiting session is finally saved or refused (by a later flush). */
export async function whenSettled(id: string, callback: (o: EntryOutcome) => void): Promise<() => void> {
  const sync = await outbox();
  const off = sync.onOutcome((o) => {
    if (o.id !== id || o.kind === 'waiting') return;
    off();
    callback(o);
  });
  return off;
}
