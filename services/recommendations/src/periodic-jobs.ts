import type { Logger } from '@kollegia/service-kit';

/**
 * Jobs on timers that never overlap themselves and stop cleanly: `stop` clears the timers and
 * waits for the runs under way, before the database connection closes.
 */
export class PeriodicJobs {
  private readonly timers: NodeJS.Timeout[] = [];
  private readonly running = new Set<Promise<unknown>>();
  private stopped = false;

  constructor(private readonly logger: Logger) {}

  every(name: string, intervalMs: number, job: () => Promise<unknown>): void {
    let current: Promise<unknown> | undefined;
    const timer = setInterval(() => {
      if (this.stopped || current) return;
      current = job()
        .catch((error: unknown) => this.logger.error({ err: error, job: name }, 'job failed'))
        .finally(() => {
          if (current) this.running.delete(current);
          current = undefined;
        });
      this.running.add(current);
    }, intervalMs);
    timer.unref();
    this.timers.push(timer);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    for (const timer of this.timers) clearInterval(timer);
    await Promise.allSettled([...this.running]);
  }
}
