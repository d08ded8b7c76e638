import type { Logger } from './logger';

export interface PeriodicJobOptions {
  /** Names the job in the logs. */
  name: string;
  intervalMs: number;
  run: () => Promise<unknown>;
  logger: Logger;
}

export interface PeriodicJob {
  /** Clears the timer and waits for the run under way, if any; no run starts after it is called. */
  stop(): Promise<void>;
}

/**
 * Runs `run` every `intervalMs`, never two at a time: a tick that comes while a run is under way
 * is skipped, not queued. A failed run is logged as a warning with the job's name and the next
 * tick runs again. The timer does not keep the process alive.
 *
 * Nothing runs at start: a job that must run before the service serves awaits `run` itself first.
 */
export function startPeriodicJob({
  name,
  intervalMs,
  run,
  logger,
}: PeriodicJobOptions): PeriodicJob {
  let stopped = false;
  let current: Promise<void> | undefined;
  const timer = setInterval(() => {
    if (stopped || current) return;
    current = Promise.resolve()
      .then(run)
      .then(
        () => undefined,
        (error: unknown) => logger.warn({ err: error, job: name }, 'periodic job failed'),
      )
      .finally(() => (current = undefined));
  }, intervalMs);
  timer.unref();
  return {
    async stop() {
      stopped = true;
      clearInterval(timer);
      await current;
    },
  };
}
