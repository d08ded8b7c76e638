import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { runLogged, tail } from './exec';
import { probeKafka } from './probes';
import {
  assertPortFree,
  runningPid,
  startDetached,
  waitUntilReady,
  type ManagedProcess,
} from './process';
import type { StackSettings } from './settings';

export function kafkaProcess(settings: StackSettings): ManagedProcess {
  return {
    name: 'Kafka',
    pidFile: join(settings.stateDir, 'kafka.pid'),
    logFile: join(settings.stateDir, 'logs', 'kafka.log'),
  };
}

export function kafkaBrokers(settings: StackSettings): string[] {
  return [`127.0.0.1:${settings.kafkaPort}`];
}

/** Single node, broker and controller in one process (KRaft combined mode), loopback only. */
function serverProperties(settings: StackSettings, dataDir: string): string {
  const { kafkaPort, kafkaControllerPort } = settings;
  return `# Written by infra/local on every start; edit infra/local/src/kafka.ts instead.
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@127.0.0.1:${kafkaControllerPort}
listeners=PLAINTEXT://127.0.0.1:${kafkaPort},CONTROLLER://127.0.0.1:${kafkaControllerPort}
advertised.listeners=PLAINTEXT://127.0.0.1:${kafkaPort}
inter.broker.listener.name=PLAINTEXT
controller.listener.names=CONTROLLER
listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT
log.dirs=${dataDir}
num.partitions=3
offsets.topic.replication.factor=1
offsets.topic.num.partitions=3
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
transaction.state.log.num.partitions=1
# Services create their topics from the registry in packages/events; a typo must not create one.
auto.create.topics.enable=false
# No 3 s wait before the first rebalance: a single node has nobody to wait for.
group.initial.rebalance.delay.ms=0
log.retention.hours=168
`;
}

const LOG4J = `log4j.rootLogger=WARN, stdout
log4j.logger.kafka=INFO
# Per-partition chatter (thousands of lines per test run); LogManager's one line per partition loaded
# stays, so a slow start shows progress.
log4j.logger.kafka.log.UnifiedLog$=WARN
log4j.logger.kafka.log.LogLoader=WARN
log4j.logger.kafka.cluster.Partition=WARN
log4j.logger.kafka.coordinator.group=WARN
log4j.logger.state.change.logger=WARN
log4j.logger.org.apache.kafka=WARN
log4j.logger.kafka.request.logger=WARN
log4j.appender.stdout=org.apache.log4j.ConsoleAppender
log4j.appender.stdout.layout=org.apache.log4j.PatternLayout
log4j.appender.stdout.layout.ConversionPattern=[%d] %p %m (%c)%n
`;

/** Formats the storage on first use, starts the broker, and waits until a kafkajs admin answers. */
export async function startKafka(settings: StackSettings, libs: string): Promise<void> {
  const proc = kafkaProcess(settings);
  if (runningPid(proc) !== undefined) {
    await waitUntilReady(proc, () => probeKafka(kafkaBrokers(settings)), {
      timeoutMs: 60_000,
      tail,
    });
    return;
  }
  await assertPortFree(settings.kafkaPort, 'Kafka', 'KOLLEGIA_KAFKA_PORT');
  await assertPortFree(
    settings.kafkaControllerPort,
    'Kafka controller',
    'KOLLEGIA_KAFKA_CONTROLLER_PORT',
  );

  const configDir = join(settings.stateDir, 'kafka-config');
  const dataDir = join(settings.stateDir, 'kafka-data');
  mkdirSync(configDir, { recursive: true });
  mkdirSync(dataDir, { recursive: true });
  mkdirSync(join(settings.stateDir, 'logs'), { recursive: true });
  const properties = join(configDir, 'server.properties');
  const log4j = join(configDir, 'log4j.properties');
  writeFileSync(properties, serverProperties(settings, dataDir));
  writeFileSync(log4j, LOG4J);

  const classpath = join(libs, '*');
  const logging = `-Dlog4j.configuration=file:${log4j}`;
  if (!existsSync(join(dataDir, 'meta.properties'))) {
    await runLogged(
      'java',
      [
        '-cp',
        classpath,
        logging,
        'kafka.tools.StorageTool',
        'format',
        '--cluster-id',
        clusterId(),
        '--config',
        properties,
        '--ignore-formatted',
      ],
      { cwd: settings.stateDir, log: proc.logFile, what: 'formatting Kafka storage' },
    );
  }

  const heap = `${settings.kafkaHeapMb}m`;
  startDetached(
    proc,
    'java',
    [
      `-Xms${Math.min(settings.kafkaHeapMb, 128)}m`,
      `-Xmx${heap}`,
      '-XX:+UseG1GC',
      '-XX:MaxGCPauseMillis=20',
      '-XX:+ExitOnOutOfMemoryError',
      '-Djava.awt.headless=true',
      logging,
      '-cp',
      classpath,
      'kafka.Kafka',
      properties,
    ],
    { cwd: settings.stateDir },
  );
  // A broker with many partitions spends minutes loading them; it is waited for as long as its log
  // shows progress.
  await waitUntilReady(proc, () => probeKafka(kafkaBrokers(settings)), {
    timeoutMs: 90_000,
    whileLogGrowsMs: 600_000,
    tail,
  });
}

/** A KRaft cluster id: 16 random bytes, base64url without padding (what StorageTool random-uuid prints). */
function clusterId(): string {
  return Buffer.from(randomUUID().replace(/-/g, ''), 'hex').toString('base64url');
}
