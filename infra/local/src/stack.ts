import { rmSync } from 'node:fs';
import { join } from 'node:path';

import { ensureKafkaBuild, ensureMongoBuild } from './build';
import { MAIL_DIR, mailEndpoints, mailProcess, startMail, type MailEndpoints } from './mail';
import { MONGO_DATA_DIR, mongoProcess, mongoUrl, startMongo } from './mongo';
import { kafkaBrokers, kafkaProcess, startKafka } from './kafka';
import { withLock } from './lock';
import { probeKafka, probeMail, probeMongo } from './probes';
import { runningPid, stopProcess } from './process';
import { readSettings, type StackSettings } from './settings';

/** Where services and tests find the stack. */
export interface StackEndpoints {
  kafkaBrokers: string[];
  mongoUrl: string;
  /** The local mail catcher; none with an external Kafka and MongoDB (nothing is started then). */
  mail?: MailEndpoints;
  /** True when this call started Kafka or the database (so whoever called it should stop them). */
  started: boolean;
  /** True when KAFKA_BROKERS and MONGO_URL pointed at an existing Kafka and MongoDB. */
  external: boolean;
}

export interface ComponentStatus {
  name: string;
  pid?: number;
  endpoint: string;
  answers: boolean;
  error?: string;
}

const quiet = (): void => undefined;

/**
 * Builds what is missing (cached), starts Kafka, the MongoDB-wire database and the mail catcher
 * unless they run already, and waits until they answer. With KAFKA_BROKERS and MONGO_URL set, only
 * checks that those answer.
 */
export async function up(
  settings: StackSettings = readSettings(),
  log: (line: string) => void = quiet,
): Promise<StackEndpoints> {
  if (settings.external) {
    await Promise.all([
      probeKafka(settings.external.kafkaBrokers),
      probeMongo(settings.external.mongoUrl),
    ]);
    return { ...settings.external, started: false, external: true };
  }
  // One after the other: both run Maven, and two JVM builds at once only slow each other down on
  // two cores (and would race on a first download into ~/.m2).
  const libs = await ensureKafkaBuild(settings, log);
  const mongoBuild = await ensureMongoBuild(settings, log);
  // One starter at a time per instance: a test run and `npm start` may race here.
  return withLock(
    join(settings.stateDir + '.lock'),
    async () => {
      const wasRunning =
        runningPid(kafkaProcess(settings)) !== undefined &&
        runningPid(mongoProcess(settings)) !== undefined;
      await Promise.all([
        startKafka(settings, libs),
        startMongo(settings, mongoBuild),
        startMail(settings),
      ]);
      return {
        kafkaBrokers: kafkaBrokers(settings),
        mongoUrl: mongoUrl(settings),
        mail: mailEndpoints(settings),
        started: !wasRunning,
        external: false,
      };
    },
    { waitMs: 3 * 60_000, staleMs: 3 * 60_000 },
  );
}

/** Stops Kafka, the database and the mail catcher (data and mail are kept). Returns what was running. */
export async function down(settings: StackSettings = readSettings()): Promise<string[]> {
  if (settings.external) return [];
  const stopped: string[] = [];
  const procs = [kafkaProcess(settings), mongoProcess(settings), mailProcess(settings)];
  await Promise.all(
    procs.map(async (proc) => {
      if (await stopProcess(proc)) stopped.push(proc.name);
    }),
  );
  return stopped;
}

/**
 * Stops the local Kafka broker alone (the database keeps running), for tests of what survives a broker
 * outage; `up` starts it again. Refused with an external broker, which is not ours to stop.
 */
export async function stopKafka(settings: StackSettings = readSettings()): Promise<boolean> {
  if (settings.external) {
    throw new Error(
      'the broker is external (KAFKA_BROKERS is set): a test cannot stop it; unset KAFKA_BROKERS and MONGO_URL to run against the local stack',
    );
  }
  return stopProcess(kafkaProcess(settings));
}

/** Stops the stack and deletes its data (topics, databases, caught mail); builds stay cached. */
export async function reset(settings: StackSettings = readSettings()): Promise<void> {
  if (settings.external) {
    throw new Error('infra:reset only wipes the local stack; KAFKA_BROKERS and MONGO_URL are set');
  }
  await down(settings);
  for (const dir of ['kafka-data', MONGO_DATA_DIR, 'kafka-config', MAIL_DIR]) {
    rmSync(join(settings.stateDir, dir), { recursive: true, force: true });
  }
}

export async function status(settings: StackSettings = readSettings()): Promise<ComponentStatus[]> {
  const brokers = settings.external?.kafkaBrokers ?? kafkaBrokers(settings);
  const url = settings.external?.mongoUrl ?? mongoUrl(settings);
  const check = async (
    name: string,
    endpoint: string,
    pid: number | undefined,
    probe: () => Promise<void>,
  ): Promise<ComponentStatus> => {
    try {
      await probe();
      return { name, pid, endpoint, answers: true };
    } catch (error) {
      return { name, pid, endpoint, answers: false, error: (error as Error).message };
    }
  };
  return Promise.all([
    check('Kafka', brokers.join(','), runningPid(kafkaProcess(settings)), () =>
      probeKafka(brokers),
    ),
    check('MongoDB', url, runningPid(mongoProcess(settings)), () => probeMongo(url)),
    ...(settings.external
      ? []
      : [
          check('Mail', mailEndpoints(settings).webUrl, runningPid(mailProcess(settings)), () =>
            probeMail(settings.smtpPort, mailEndpoints(settings).webUrl),
          ),
        ]),
  ]);
}
