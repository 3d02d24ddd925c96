import { retryDelay } from './backoff';
import type { OutboxEntry, OutboxStore, RefusedEntry, UploadAnswer } from './outbox-types';
import type { SessionRecord } from './session-record';

export interface OutboxDeps {
  store: OutboxStore;
  send(entry: OutboxEntry): Promise<UploadAnswer>;
  now(): number;
  random(): number;
  setTimer(fn: () => void, ms: number): unknown;
  clearTimer(handle: unknown): void;
}

export interface OutboxSnapshot {
  /** Results on this device not yet acknowledged by the server. */
  waiting: number;
  refused: RefusedEntry[];
  sending: boolean;
  /** When the next automatic try is due (after a failure), else null. */
  nextTryAt: number | null;
  lastProblem: string | null;
}

export type EntryOutcome = { id: string } & ({ kind: 'saved'; score: number } | { kind: 'refused'; reason: string } | { kind: 'waiting'; reason: string });

/**
 * The outbox's state machine, free of the browser: an entry is stored before it is sent and removed
 * only when the server acknowledged it; a 4xx moves it to the refused list; anything else (offline,
 * 5xx, 429) leaves it queued and schedules another try with backoff. One flush runs at a time; a
 * flush asked for meanwhile runs right after (after a failure too, unless the server sent
 * Retry-After), so nothing queued or reconnected in between waits for the timer.
 */
export class OutboxSync {
  private snapshot: OutboxSnapshot = { waiting: 0, refused: [], sending: false, nextTryAt: null, lastProblem: null };
  private readonly listeners = new Set<(s: OutboxSnapshot) => void>();
  private readonly outcomeListeners = new Set<(o: EntryOutcome) => void>();
  private running: Promise<void> | null = null;
  private again = false;
  private failures = 0;
  private timer: unknown = null;
  /** The last failed try came with the server's Retry-After: only the timer tries again then. */
  private serverAskedToWait = false;

  constructor(private readonly deps: OutboxDeps) {}

  get state(): OutboxSnapshot {
    return this.snapshot;
  }

  subscribe(listener: (s: OutboxSnapshot) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  onOutcome(listener: (o: EntryOutcome) => void): () => void {
    this.outcomeListeners.add(listener);
    return () => this.outcomeListeners.delete(listener);
  }

  /** Stores the record durably, then tries to send everything waiting. */
  async enqueue(record: SessionRecord, traineeToken: string | null, examAttemptId: string | null = null): Promise<void> {
    await this.deps.store.put({ id: record.id, record, traineeToken, examAttemptId, queuedAt: this.deps.now(), attempts: 0 });
    await this.refreshCounts();
    await this.flush();
  }

  /** Sends what waits, oldest first (load, `online`, visibility, timer, a new result). */
  flush(): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = this.run().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async run(): Promise<void> {
    do {
      this.again = false;
      this.cancelTimer();
      await this.sendAll();
      // A flush asked for while a try was failing (the `online` event arriving mid-attempt) gets its
      // own try at once, unless the server said when to come back.
    } while (this.again && (this.snapshot.nextTryAt === null || !this.serverAskedToWait));
  }

  private async sendAll(): Promise<void> {
    const entries = (await this.deps.store.list()).sort((a, b) => a.queuedAt - b.queuedAt);
    this.set({ sending: entries.length > 0, waiting: entries.length });
    for (const entry of entries) {
      const answer = await this.deps.send(entry);
      if (answer.kind === 'saved') {
        await this.deps.store.remove(entry.id);
        this.failures = 0;
        this.emit({ id: entry.id, kind: 'saved', score: answer.score });
      } else if (answer.kind === 'refused') {
        await this.deps.store.refuse({ ...entry, attempts: entry.attempts + 1, status: answer.status, reason: answer.reason, message: answer.message, refusedAt: this.deps.now() });
        this.emit({ id: entry.id, kind: 'refused', reason: answer.reason });
      } else {
        // Keep it (and everything after it) for the next try: the server or network is not there.
        await this.deps.store.put({ ...entry, attempts: entry.attempts + 1 });
        this.failures++;
        this.serverAskedToWait = answer.retryAfterMs != null;
        const delay = retryDelay(this.failures, this.deps.random, answer.retryAfterMs);
        this.timer = this.deps.setTimer(() => void this.flush(), delay);
        this.emit({ id: entry.id, kind: 'waiting', reason: answer.reason });
        await this.refreshCounts({ sending: false, nextTryAt: this.deps.now() + delay, lastProblem: answer.reason });
        return;
      }
      await this.refreshCounts();
    }
    await this.refreshCounts({ sending: false, nextTryAt: null, lastProblem: null });
  }

  private cancelTimer() {
    if (this.timer !== null) this.deps.clearTimer(this.timer);
    this.timer = null;
    this.snapshot = { ...this.snapshot, nextTryAt: null };
  }

  private async refreshCounts(extra: Partial<OutboxSnapshot> = {}) {
    const [waiting, refused] = await Promise.all([this.deps.store.list(), this.deps.store.refused()]);
    this.set({ ...extra, waiting: waiting.length, refused });
  }

  private set(patch: Partial<OutboxSnapshot>) {
    this.snapshot = { ...this.snapshot, ...patch };
    for (const l of this.listeners) l(this.snapshot);
  }

  private emit(outcome: EntryOutcome) {
    for (const l of this.outcomeListeners) l(outcome);
  }
}
