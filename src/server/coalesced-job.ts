/**
 * A background pass that runs every `everyMs` and soon after `wake()`, one at a time per instance:
 * a wake during a pass asks for one more pass afterwards, and wakes within the delay come together
 * (a class uploading at once costs a few passes, not one per upload). Never keeps the process up.
 */
export class CoalescedJob<T> {
  private timer: NodeJS.Timeout | null = null;
  private soon: NodeJS.Timeout | null = null;
  private running: Promise<T> | null = null;
  private again = false;

  constructor(
    private readonly pass: () => Promise<T>,
    private readonly onError: (error: unknown) => void,
    private readonly wakeDelayMs: number,
  ) {}

  start(everyMs: number): void {
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

  /** One pass now, or the one under way. */
  runOnce(): Promise<T> {
    if (this.running) return this.running;
    this.running = (async () => {
      try {
        return await this.pass();
      } finally {
        this.running = null;
        // Woken during this pass: another pass, after the same pause as any wake.
        if (this.again) {
          this.again = false;
          this.wake();
        }
      }
    })();
    return this.running;
  }
}
