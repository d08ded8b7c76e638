import { Kafka, logLevel, type SeekEntry } from 'kafkajs';

import { BackupError } from './manifest';

export interface ReplayOptions {
  kafkaBrokers: string[];
  /** Consumer group ids, with the services' KAFKA_TOPIC_PREFIX. */
  groups: string[];
  /** Events from this time on are delivered to the groups again. */
  since: Date;
  log?: (line: string) => void;
}

interface Move {
  group: string;
  topic: string;
  partitions: (SeekEntry & { from: string })[];
}

/**
 * Moves consumer groups back to the first event at or after `since` in every partition they have
 * read (never forward: a group that had not got that far keeps its place), so a consumer whose
 * database was restored reads again what came after its backup. Refused, changing nothing, while a
 * group has running consumers (Kafka would not let their offsets move) or has read nothing.
 */
export async function replayConsumerGroups(options: ReplayOptions): Promise<Move[]> {
  const { log = () => undefined } = options;
  const admin = new Kafka({
    clientId: 'kollegia-replay',
    brokers: options.kafkaBrokers,
    logLevel: logLevel.NOTHING,
    retry: { retries: 2 },
  }).admin();
  try {
    await admin.connect();
  } catch (error) {
    throw new BackupError(
      `Kafka at ${options.kafkaBrokers.join(',')} does not answer (${(error as Error).message}); for the local stack: npm run infra:up`,
    );
  }
  try {
    const { groups } = await admin.describeGroups(options.groups);
    const busy = groups.filter((group) => group.members.length > 0);
    if (busy.length > 0) {
      throw new BackupError(
        `consumer group ${busy.map((g) => `${g.groupId} (${g.members.length} consumers)`).join(', ')} is running: stop its service first; nothing was changed`,
      );
    }
    const moves: Move[] = [];
    for (const group of options.groups) {
      const committed = (await admin.fetchOffsets({ groupId: group })).filter((topic) =>
        topic.partitions.some((p) => Number(p.offset) >= 0),
      );
      if (committed.length === 0) {
        throw new BackupError(
          `consumer group ${group} has read nothing (is the name right, with KAFKA_TOPIC_PREFIX?); nothing was changed`,
        );
      }
      for (const { topic, partitions } of committed) {
        const at = await admin.fetchTopicOffsetsByTimestamp(topic, options.since.getTime());
        moves.push({
          group,
          topic,
          partitions: partitions
            .filter((p) => Number(p.offset) >= 0)
            .map((p) => {
              const target = at.find((a) => a.partition === p.partition)?.offset ?? p.offset;
              return {
                partition: p.partition,
                from: p.offset,
                offset: String(Math.min(Number(target), Number(p.offset))),
              };
            }),
        });
      }
    }
    for (const move of moves) {
      await admin.setOffsets({
        groupId: move.group,
        topic: move.topic,
        partitions: move.partitions.map(({ partition, offset }) => ({ partition, offset })),
      });
      for (const p of move.partitions) {
        log(
          `${move.group} ${move.topic}[${p.partition}]: ${p.from} → ${p.offset} (${Number(p.from) - Number(p.offset)} events again)`,
        );
      }
    }
    return moves;
  } finally {
    await admin.disconnect();
  }
}
