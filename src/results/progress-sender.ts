import type { ProgressAnswer, ProgressBody, ProgressMessage } from '../shared/live-progress';

export interface ProgressSenderOptions {
  /** The attempt as it is now (with `poses` while a trainer watches in 3D: then it goes as version 2); null: nothing to say. */
  snapshot(): ProgressBody | null;
  /** One try to deliver; null when it did not arrive or was refused. Never retried: the next message says it all again. */
  post(message: ProgressMessage): Promise<ProgressAnswer | null>;
  /** Told after each try (null: not sent or not accepted). */
  onAnswer(answer: ProgressAnswer | null): void;
  online(): boolean;
  now(): number;
  setTimer(fn: () => void, ms: number): unknown;
  clearTimer(handle: unknown): void;
  /** At most one message per this (1 s). */
  minGapMs?: number;
  /** A message this long after the last, changed or not, while online (5 s). */
  heartbeatMs?: number;
  /**
   * True while a trainer watches the attempt in 3D (the server's last answer said so): then the
   * heartbeat comes every `minGapMs` instead, each with the last second's poses.
   */
  watched?: () => boolean;
}

/**
 * Sends a live attempt's progress to the trainer: on each change, at most once a second, and a
 * heartbeat every 5 seconds while online. Best effort: one message in flight at a time, nothing
 * queued — a change that cannot go now goes with the next message, a message that fails is gone.
 * The outbox (src/results/outbox-sync.ts) stays the only path of the result.
 */
export class ProgressSender {
  private seq = 0;
  private lastSentAt = Number.NEGATIVE_INFINITY;
  private timer: unknown = null;
  private inFlight = false;
  private changedMeanwhile = false;
  private finishing = false;
  private stopped = false;
  private readonly minGapMs: number;
  private readonly heartbeatMs: number;

  constructor(private readonly opts: ProgressSenderOptions) {
    this.minGapMs = opts.minGapMs ?? 1000;
    this.heartbeatMs = opts.heartbeatMs ?? 5000;
  }

  /** Something the trainer sees changed: it goes now, or as soon as a second has passed since the last message. */
  changed(): void {
    if (this.stopped) return;
    if (this.inFlight) {
      this.changedMeanwhile = true;
      return;
    }
    this.schedule(Math.max(0, this.lastSentAt + this.minGapMs - this.opts.now()));
  }

  /** The attempt ended: its last message (with the score) goes as a change, then nothing more. */
  finish(): void {
    this.finishing = true;
    this.changed();
  }

  stop(): void {
    this.stopped = true;
    if (this.timer !== null) this.opts.clearTimer(this.timer);
    this.timer = null;
  }

  /** Messages sent so far (tests, and the seq of the next one). */
  get sent(): number {
    return this.seq;
  }

  private schedule(ms: number): void {
    if (this.timer !== null) this.opts.clearTimer(this.timer);
    this.timer = this.opts.setTimer(() => {
      this.timer = null;
      void this.sendNow();
    }, ms);
  }

  private async sendNow(): Promise<void> {
    if (this.stopped) return;
    const snapshot = this.opts.snapshot();
    if (snapshot === null) return;
    if (!this.opts.online()) {
      // Offline: nothing is kept for later; the next heartbeat tries again with the state then.
      this.opts.onAnswer(null);
      if (this.finishing) this.stop();
      else this.afterTry();
      return;
    }
    this.inFlight = true;
    this.changedMeanwhile = false;
    this.lastSentAt = this.opts.now();
    const last = this.finishing;
    let answer: ProgressAnswer | null = null;
    try {
      const { poses, ...body } = snapshot;
      answer = await this.opts.post(poses ? { v: 2, seq: ++this.seq, ...body, poses } : { v: 1, seq: ++this.seq, ...body });
    } catch {
      answer = null;
    }
    this.inFlight = false;
    if (this.stopped) return;
    this.opts.onAnswer(answer);
    if (last) {
      this.stop();
      return;
    }
    this.afterTry();
  }

  private afterTry(): void {
    if (this.changedMeanwhile || this.finishing) {
      this.changedMeanwhile = false;
      this.changed();
      return;
    }
    // Watched in 3D: the poses move on even when nothing else does.
    this.schedule(this.opts.watched?.() ? this.minGapMs : this.heartbeatMs);
  }
}
