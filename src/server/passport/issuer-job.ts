import { CoalescedJob } from '../coalesced-job';
import type { PassportService } from './passport-service';

/**
 * The background issuer: signing never happens on the upload path. It runs every `everyMs` and
 * soon after a wake (an exam was stored): queue what the mastery rules found, then sign what is due.
 * The queue is a table, so a restart loses nothing; claims keep several instances apart.
 */
export class PassportIssuerJob {
  private readonly job: CoalescedJob<{ queued: number; issued: number; failed: number }>;

  constructor(
    private readonly service: PassportService,
    onError: (error: unknown) => void = () => {},
    wakeDelayMs = 1000,
  ) {
    this.job = new CoalescedJob(() => this.pass(), onError, wakeDelayMs);
  }

  start(everyMs = 30_000): void {
    this.job.start(everyMs);
  }

  stop(): Promise<unknown> {
    return this.job.stop();
  }

  wake(): void {
    this.job.wake();
  }

  runOnce(): Promise<{ queued: number; issued: number; failed: number }> {
    return this.job.runOnce();
  }

  private async pass(): Promise<{ queued: number; issued: number; failed: number }> {
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
  }
}
