import type { PassportService } from './passport-service';

/**
 * The background issuer: signing never happens on the upload path. It runs every `everyMs` and
 * soon after a wake (an exam was stored): queue what the mastery rules found, then sign what is due.
 * The queue is a table, so a restart loses nothing; claims keep several instances apart.
 */
export class PassportIssuerJob {
  private timer: NodeJS.Timeout | null = null;
  private soon: NodeJS.Timeout | null = null;
  private running: Promise<{ queued: number; issued: number; failed: number }> | null = null;
  private again = false;

  constructor(
    private readonly service: PassportService,
    private readonly onError: (error: unknown) => void = () => {},
    private readonly wakeDelayMs = 1000,
  ) {}

  start(everyMs = 30_000): void {
    this.timer = setInterval(() => this.wake(), everyMs);
    this.timer.unref();
  }

  stop(): Promise<unknown> {
    if (this.timer) clearInterval(this.timer);
    if (this.soon) clearTimeout(this.soon);
    this.timer = null;
    this.soon = null;
    return this.running ?? Promise.resolve();
  }

  wake(): void {
    if (this.running) {
      this.again = true;
      return;
    }
    if (this.soon) return;
    this.soon = setTimeout(() => {
      this.soon = null;
      void this.runOnce().catch(this.onError);
    }, this.wakeDelayMs);
    this.soon.unref();
  }

  runOnce(): Promise<{ queued: number; issued: number; failed: number }> {
    if (this.running) return this.running;
    this.running = (async () => {
      try {
        const queued = await this.service.queueMastered();
        let issued = 0;
        let failed = 0;
        for (;;) {
          const step = await this.service.issueDue();
          issued += step.issued;
          failed += step.failed;
          if (step.issued + step.failed === 0) break;
        }
        return { queued, issued, failed };
      } finally {
        this.running = null;
        if (this.again) {
          this.again = false;
          this.wake();
        }
      }
    })();
    return this.running;
  }
}
