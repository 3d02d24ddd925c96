import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { SessionEvent } from '../engine';
import type { CatalogEntry } from './scenario-catalog';
import { UploadJobs, type IntakeResult } from './upload-intake';
import type { UploadScoring } from './upload-scoring';

/** One request to a scorer thread (or to the inline jobs). */
type Op =
  | { op: 'intake'; bytes: Uint8Array }
  | { op: 'score'; job: number; hash: string; traineeId: string | null }
  | { op: 'events'; job: number }
  | { op: 'release'; job: number };

interface Call {
  id: number;
  message: Op;
  /** The scenario a 'score' needs, sent to a thread once per hash. */
  entry?: Pick<CatalogEntry, 'hash' | 'scenario'>;
  resolve(r: unknown): void;
  reject(e: unknown): void;
}

/** One scorer thread: calls answered in the order sent; a body's log stays on the thread that took it in. */
class ScorerThread {
  private readonly worker: Worker;
  private ready = false;
  private broken = false;
  private readonly waiting = new Map<number, Call>();
  private readonly early: Call[] = [];
  private readonly sent = new Set<string>();
  /** Settles once the thread can score (or has stopped). */
  readonly started: Promise<void>;
  private settle!: () => void;

  constructor() {
    this.started = new Promise((resolve) => (this.settle = resolve));
    this.worker = new Worker(new URL('./upload-scorer-worker.mjs', import.meta.url));
    this.worker.on('message', (m: { type?: string; id?: number; result?: unknown; error?: string }) => {
      if (m.type === 'ready') {
        this.ready = true;
        this.settle();
        // Ready threads never keep the process up; a starting one does, so a server awaiting `start` stays.
        this.worker.unref();
        for (const call of this.early.splice(0)) this.post(call);
        return;
      }
      const call = m.id === undefined ? undefined : this.waiting.get(m.id);
      if (!call) return;
      this.waiting.delete(call.id);
      if (m.error === undefined) call.resolve(m.result);
      else call.reject(new Error(`upload ${call.message.op} failed: ${m.error}`));
    });
    const fail = () => {
      if (this.broken) return;
      this.broken = true;
      this.settle();
      // The bodies taken in here are gone with the thread: those uploads fail (500) and the headset sends them again.
      const error = new Error('an upload-scorer thread stopped');
      for (const call of [...this.waiting.values(), ...this.early.splice(0)]) call.reject(error);
      this.waiting.clear();
    };
    this.worker.on('error', fail);
    this.worker.on('exit', fail);
  }

  /** Started (its engine loaded) and not stopped: until then uploads are taken in where they arrive, never held. */
  get usable() {
    return this.ready && !this.broken;
  }

  get load() {
    return this.waiting.size + this.early.length;
  }

  call(call: Call) {
    if (this.broken) call.reject(new Error('an upload-scorer thread stopped'));
    else if (this.ready) this.post(call);
    else this.early.push(call);
  }

  private post(call: Call) {
    if (call.entry && !this.sent.has(call.entry.hash)) {
      this.worker.postMessage({ type: 'scenario', hash: call.entry.hash, scenario: call.entry.scenario });
      this.sent.add(call.entry.hash);
    }
    this.waiting.set(call.id, call);
    const m = call.message;
    // The body's bytes move to the thread (no copy); a release needs no answer but gets one, in order.
    if (m.op === 'intake' && m.bytes.byteOffset === 0 && m.bytes.byteLength === m.bytes.buffer.byteLength) this.worker.postMessage({ id: call.id, ...m }, [m.bytes.buffer as ArrayBuffer]);
    else this.worker.postMessage({ id: call.id, ...m });
  }

  async close() {
    this.broken = true;
    await this.worker.terminate();
  }
}

/** An upload taken in: where its log is kept, and what its body said besides. */
export interface UploadHandle {
  thread: ScorerThread | null;
  job: number;
}

export type Intake = (IntakeResult & { ok: false }) | (Extract<IntakeResult, { ok: true }> & { handle: UploadHandle });

/**
 * Takes uploads in from their raw bytes and replays, serialises and hashes them (`UploadJobs`, about
 * 3 ms of CPU for a 40 KB session, the JSON parse and checks included) on threads of their own, so
 * the thread that answers requests only looks up, decides and writes: beside it, uploads use the
 * machine's other cores. `threads: 0` does it on the calling thread (as does a scorer whose threads
 * are not up yet); the functions are the same either way.
 */
export class UploadScorer {
  private readonly threads: ScorerThread[] = [];
  private readonly inline = new UploadJobs();
  private nextId = 1;
  /** Uploads taken in on a thread and on the caller's (tests, the benchmark). */
  readonly stats = { threaded: 0, inline: 0 };

  constructor(private readonly size = Math.min(2, availableParallelism())) {}

  /** Threads start with the first upload (or `start`): a test app that stores none starts none. Until a thread is ready, uploads are taken in inline. */
  private started = false;

  /** Starts the threads (once) and waits until each can score: a server calls it before it listens. */
  async start(): Promise<void> {
    if (!this.started) {
      this.started = true;
      for (let i = 0; i < this.size; i++) this.threads.push(new ScorerThread());
    }
    await Promise.all(this.threads.map((t) => t.started));
  }

  private send<R>(thread: ScorerThread, message: Op, entry?: Call['entry']): Promise<R> {
    return new Promise((resolve, reject) => thread.call({ id: this.nextId++, message, entry, resolve: resolve as (r: unknown) => void, reject }));
  }

  /** Checks and parses an upload's body (see `UploadJobs.intake`). The bytes are handed over: do not use them after. */
  async intake(bytes: Uint8Array): Promise<Intake> {
    if (!this.started) void this.start();
    let best: ScorerThread | null = null;
    for (const t of this.threads) if (t.usable && (!best || t.load < best.load)) best = t;
    if (!best) {
      this.stats.inline++;
      const r = this.inline.intake(bytes);
      return r.ok ? { ...r, handle: { thread: null, job: r.job } } : r;
    }
    this.stats.threaded++;
    const thread = best;
    const r = await this.send<IntakeResult>(thread, { op: 'intake', bytes });
    return r.ok ? { ...r, handle: { thread, job: r.job } } : r;
  }

  /** Replays, serialises and hashes a taken-in upload with its scenario version. */
  score(handle: UploadHandle, entry: Pick<CatalogEntry, 'hash' | 'scenario'>, traineeId: string | null): Promise<UploadScoring> {
    if (!handle.thread) return Promise.resolve().then(() => this.inline.score(handle.job, entry.scenario, traineeId));
    return this.send(handle.thread, { op: 'score', job: handle.job, hash: entry.hash, traineeId }, entry);
  }

  /** The upload's event log, copied to the caller: only for the rare step that needs it. */
  events(handle: UploadHandle): Promise<SessionEvent[]> {
    if (!handle.thread) return Promise.resolve().then(() => this.inline.events(handle.job));
    return this.send(handle.thread, { op: 'events', job: handle.job });
  }

  /** Forgets a taken-in upload; every intake that succeeded is released once, whatever the answer. */
  release(handle: UploadHandle): void {
    if (!handle.thread) this.inline.release(handle.job);
    else this.send(handle.thread, { op: 'release', job: handle.job }).catch(() => undefined);
  }

  async close() {
    await Promise.all(this.threads.map((t) => t.close()));
  }
}

let shared: UploadScorer | null = null;

/** One scorer for the process: every app in it (a test file builds many) shares its threads, which never keep the process up. */
export function sharedUploadScorer(): UploadScorer {
  shared ??= new UploadScorer();
  return shared;
}
