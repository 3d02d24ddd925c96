import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { CatalogEntry } from './scenario-catalog';
import { scoreUpload, type UploadFields, type UploadScoring } from './upload-scoring';

interface Job {
  id: number;
  text: string;
  fields: UploadFields;
  entry: Pick<CatalogEntry, 'hash' | 'scenario'>;
  traineeId: string | null;
  resolve(r: UploadScoring): void;
  reject(e: unknown): void;
}

/** One scorer thread: jobs answered in the order sent. */
class ScorerThread {
  private readonly worker: Worker;
  private ready = false;
  private broken = false;
  private readonly waiting = new Map<number, Job>();
  private readonly early: Job[] = [];
  private readonly sent = new Set<string>();
  /** Settles once the thread can score (or has stopped). */
  readonly started: Promise<void>;
  private settle!: () => void;

  constructor(private readonly onBroken: (jobs: Job[]) => void) {
    this.started = new Promise((resolve) => (this.settle = resolve));
    this.worker = new Worker(new URL('./upload-scorer-worker.mjs', import.meta.url));
    this.worker.on('message', (m: { type?: string; id?: number; result?: UploadScoring; error?: string }) => {
      if (m.type === 'ready') {
        this.ready = true;
        this.settle();
        // Ready threads never keep the process up; a starting one does, so a server awaiting `start` stays.
        this.worker.unref();
        for (const job of this.early.splice(0)) this.post(job);
        return;
      }
      const job = m.id === undefined ? undefined : this.waiting.get(m.id);
      if (!job) return;
      this.waiting.delete(job.id);
      if (m.result) job.resolve(m.result);
      else job.reject(new Error(`scoring upload failed: ${m.error ?? 'no answer'}`));
    });
    const fail = () => {
      if (this.broken) return;
      this.broken = true;
      this.settle();
      // Whatever was sent or waiting is scored elsewhere: an upload never fails because a thread did.
      onBroken([...this.waiting.values(), ...this.early.splice(0)]);
      this.waiting.clear();
    };
    this.worker.on('error', fail);
    this.worker.on('exit', fail);
  }

  /** Started (its engine loaded) and not stopped: until then uploads are scored where they arrive, never held. */
  get usable() {
    return this.ready && !this.broken;
  }

  get load() {
    return this.waiting.size + this.early.length;
  }

  run(job: Job) {
    if (this.ready) this.post(job);
    else this.early.push(job);
  }


  private post(job: Job) {
    if (!this.sent.has(job.entry.hash)) {
      this.worker.postMessage({ type: 'scenario', hash: job.entry.hash, scenario: job.entry.scenario });
      this.sent.add(job.entry.hash);
    }
    this.waiting.set(job.id, job);
    this.worker.postMessage({ id: job.id, text: job.text, fields: job.fields, hash: job.entry.hash, traineeId: job.traineeId });
  }

  async close() {
    this.broken = true;
    await this.worker.terminate();
  }
}

/**
 * Replays, serialises and hashes uploads (`scoreUpload`, about 2 ms of CPU for a 40 KB session) on
 * threads of their own, so the thread that answers requests only parses, checks and writes: beside
 * it, uploads use the machine's other cores. `threads: 0` scores on the calling thread (as does a
 * scorer whose threads all stopped); the result is the same function's either way.
 */
export class UploadScorer {
  private readonly threads: ScorerThread[] = [];
  private nextId = 1;
  /** Uploads scored on a thread and on the caller's (tests, the benchmark). */
  readonly stats = { threaded: 0, inline: 0 };

  constructor(private readonly size = Math.min(2, availableParallelism())) {}

  /** Threads start with the first upload (or `start`): a test app that stores none starts none. Until a thread is ready, uploads are scored inline. */
  private started = false;

  score(text: string, fields: UploadFields, entry: Pick<CatalogEntry, 'hash' | 'scenario'>, traineeId: string | null): Promise<UploadScoring> {
    return new Promise((resolve, reject) => this.run({ id: this.nextId++, text, fields, entry, traineeId, resolve, reject }));
  }

  /** Starts the threads (once) and waits until each can score: a server calls it before it listens. */
  async start(): Promise<void> {
    if (!this.started) {
      this.started = true;
      for (let i = 0; i < this.size; i++) this.threads.push(new ScorerThread((jobs) => jobs.forEach((j) => this.run(j))));
    }
    await Promise.all(this.threads.map((t) => t.started));
  }

  private run(job: Job) {
    if (!this.started) void this.start();
    let best: ScorerThread | null = null;
    for (const t of this.threads) if (t.usable && (!best || t.load < best.load)) best = t;
    if (best) {
      this.stats.threaded++;
      best.run(job);
      return;
    }
    this.stats.inline++;
    try {
      job.resolve(scoreUpload(job.text, job.fields, job.entry.scenario, job.traineeId));
    } catch (error) {
      job.reject(error);
    }
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
