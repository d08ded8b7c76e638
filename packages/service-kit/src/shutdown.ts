import type { Logger } from './logger';

/**
 * The one shutdown path of a process: steps run in the order they were added (stop taking
 * requests, drain, stop consumers, flush the relay, disconnect), once, on SIGINT or SIGTERM or
 * when called. A step that fails is logged and the rest still run.
 */
export class Shutdown {
  private readonly steps: { name: string; run: () => Promise<void> | void }[] = [];
  private running: Promise<void> | undefined;

  constructor(private readonly logger: Logger) {}

  add(name: string, run: () => Promise<void> | void): this {
    this.steps.push({ name, run });
    return this;
  }

  run(): Promise<void> {
    this.running ??= (async () => {
      for (const step of this.steps) {
        try {
          this.logger.debug({ step: step.name }, 'stopping');
          await step.run();
        } catch (error) {
          this.logger.error({ err: error, step: step.name }, 'shutdown step failed');
        }
      }
    })();
    return this.running;
  }

  /**
   * Runs the shutdown on SIGINT/SIGTERM, then exits. Only `main.ts` calls this. The listeners stay
   * (`on`, not `once`), so a second signal during the shutdown is ignored rather than killing the
   * process before its consumers have left their groups (the next start would wait 30 s for their
   * sessions to expire).
   */
  trapSignals(): void {
    let stopping = false;
    const onSignal = (signal: NodeJS.Signals) => {
      if (stopping) return;
      stopping = true;
      this.logger.info({ signal }, 'shutting down');
      const force = setTimeout(() => process.exit(1), 15_000);
      force.unref();
      void this.run().then(() => process.exit(0));
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
  }
}
