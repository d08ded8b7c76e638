import type { Logger } from './logger';
import { createMetrics } from './metrics';
import { SKIPPED_RUN, startPeriodicJob } from './periodic-job';

/** A run that finishes only when the test says so. */
function controllableRun() {
  const finishers: ((error?: Error) => void)[] = [];
  const run = jest.fn(
    () =>
      new Promise<void>((resolve, reject) =>
        finishers.push((error) => (error ? reject(error) : resolve())),
      ),
  );
  return { run, finish: (error?: Error) => finishers.shift()?.(error) };
}

function fakeLogger() {
  return { warn: jest.fn() } as unknown as Logger & { warn: jest.Mock };
}

describe('startPeriodicJob', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('should not run at start when started', async () => {
    const { run } = controllableRun();
    const job = startPeriodicJob({ name: 'job', intervalMs: 100, run, logger: fakeLogger() });

    await jest.advanceTimersByTimeAsync(99);

    expect(run).not.toHaveBeenCalled();
    await job.stop();
  });

  it('should skip a tick when the previous run is still under way', async () => {
    const { run, finish } = controllableRun();
    const job = startPeriodicJob({ name: 'job', intervalMs: 100, run, logger: fakeLogger() });

    await jest.advanceTimersByTimeAsync(350);
    expect(run).toHaveBeenCalledTimes(1);

    finish();
    await jest.advanceTimersByTimeAsync(100);
    expect(run).toHaveBeenCalledTimes(2);

    finish();
    await job.stop();
  });

  it('should run again on the next tick when a run fails', async () => {
    const logger = fakeLogger();
    const { run, finish } = controllableRun();
    const job = startPeriodicJob({ name: 'expiry', intervalMs: 100, run, logger });

    await jest.advanceTimersByTimeAsync(100);
    finish(new Error('database away'));
    await jest.advanceTimersByTimeAsync(100);

    expect(logger.warn).toHaveBeenCalledWith(
      { err: new Error('database away'), job: 'expiry' },
      'periodic job failed',
    );
    expect(run).toHaveBeenCalledTimes(2);
    finish();
    await job.stop();
  });

  it('should run again on the next tick when a run throws before it returns a promise', async () => {
    const logger = fakeLogger();
    const run = jest.fn(() => {
      throw new Error('not a promise');
    });
    const job = startPeriodicJob({ name: 'job', intervalMs: 100, run, logger });

    await jest.advanceTimersByTimeAsync(200);

    expect(run).toHaveBeenCalledTimes(2);
    expect(logger.warn).toHaveBeenCalledTimes(2);
    await job.stop();
  });

  it('should wait for the run under way when stopped', async () => {
    const { run, finish } = controllableRun();
    const job = startPeriodicJob({ name: 'job', intervalMs: 100, run, logger: fakeLogger() });
    await jest.advanceTimersByTimeAsync(100);

    let stopped = false;
    const stopping = job.stop().then(() => (stopped = true));
    await jest.advanceTimersByTimeAsync(0);
    expect(stopped).toBe(false);

    finish();
    await stopping;
    expect(stopped).toBe(true);
  });

  it('should not run again when stopped', async () => {
    const { run, finish } = controllableRun();
    const job = startPeriodicJob({ name: 'job', intervalMs: 100, run, logger: fakeLogger() });
    await jest.advanceTimersByTimeAsync(100);

    const stopping = job.stop();
    finish();
    await stopping;
    await jest.advanceTimersByTimeAsync(1_000);

    expect(run).toHaveBeenCalledTimes(1);
    expect(jest.getTimerCount()).toBe(0);
  });

  it('should count runs by outcome and note when one last succeeded', async () => {
    const metrics = createMetrics('test');
    const { run, finish } = controllableRun();
    const job = startPeriodicJob({
      name: 'due-notice scheduler',
      intervalMs: 100,
      run,
      logger: fakeLogger(),
      metrics,
    });
    const runs = async () =>
      (await metrics.jobRuns.get()).values.map(({ labels, value }) => [labels.outcome, value]);
    const lastSuccess = async () => (await metrics.jobLastSuccess.get()).values[0]?.value;

    await jest.advanceTimersByTimeAsync(100);
    finish(new Error('database away'));
    await jest.advanceTimersByTimeAsync(1);
    expect(await runs()).toEqual([['failure', 1]]);
    expect(await lastSuccess()).toBeUndefined();

    await jest.advanceTimersByTimeAsync(99);
    const finishedFrom = Date.now();
    finish();
    await jest.advanceTimersByTimeAsync(1);
    expect(await runs()).toEqual([
      ['failure', 1],
      ['success', 1],
    ]);
    expect((await lastSuccess())! * 1000).toBeGreaterThanOrEqual(finishedFrom);
    expect((await lastSuccess())! * 1000).toBeLessThanOrEqual(Date.now());
    expect((await metrics.jobDuration.get()).values).toContainEqual(
      expect.objectContaining({ metricName: 'kollegia_job_duration_seconds_count', value: 2 }),
    );
    await job.stop();
  });

  it('should count a run that chose not to run as skipped, not as a success', async () => {
    const metrics = createMetrics('test');
    const job = startPeriodicJob({
      name: 'follow-up scheduler',
      intervalMs: 100,
      run: () => Promise.resolve(SKIPPED_RUN),
      logger: fakeLogger(),
      metrics,
    });
    await jest.advanceTimersByTimeAsync(100);
    expect((await metrics.jobRuns.get()).values).toEqual([
      expect.objectContaining({
        labels: { task: 'follow-up scheduler', outcome: 'skipped' },
        value: 1,
      }),
    ]);
    expect((await metrics.jobLastSuccess.get()).values).toEqual([]);
    await job.stop();
  });
});
