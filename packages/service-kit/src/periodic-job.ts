import type { Logger } from './logger';
import type { Metrics } from './metrics';

/** What a run resolves to when it chose not to run (counted as `skipped`, not as a success). */
export const SKIPPED_RUN = Symbol('skipped run');

export interface PeriodicJobOptions {
  /** Names the job in the logs. */
  name: string;
  intervalMs: number;
  run: () => Promise<unknown>;
  logger: Logger;
  /** Counts and times the runs by outcome, and notes when one last succeeded. */
  metrics?: Metrics;
}

export interface PeriodicJob {
  /** Clears the timer and waits for the run under way, if any; no run starts after it is called. */
  stop(): Promise<void>;
}

/**
 * Runs `run` every `intervalMs`, never two at a time: a tick that comes while a run is under way
 * is skipped, not queued. A failed run is logged as a warning with the job's name and the next
 * tick runs again. The timer does not keep the process alive. With `metrics`, every run is counted
 * by outcome and timed, and a success sets the job's last-success time.
 *
 * Nothing runs at start: a job that must run before the service serves awaits `run` itself first.
 */
export function startPeriodicJob({
  name,
  intervalMs,
  run,
  logger,
  metrics,
}: PeriodicJobOptions): PeriodicJob {
  let stopped = false;
  let current: Promise<void> | undefined;
  const timer = setInterval(() => {
    if (stopped || current) return;
    const started = performance.now();
    const took = () => (performance.now() - started) / 1000;
    current = Promise.resolve()
      .then(run)
      .then(
        (result) =>
          metrics?.recordJobRun(name, result === SKIPPED_RUN ? 'skipped' : 'success', took()),
        (error: unknown) => {
          metrics?.recordJobRun(name, 'failure', took());
          logger.warn({ err: error, job: name }, 'periodic job failed');
        },
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
