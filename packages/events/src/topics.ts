/** The four services that own aggregates and publish their events. */
export type ServiceName = 'members' | 'roundtables' | 'recommendations' | 'requests';

/** Partitions a topic gets unless its entry below says otherwise. */
export const DEFAULT_PARTITIONS = 3;

// One topic per aggregate type, keyed by aggregate id, so the events of one aggregate stay in order.
// `keptForever`: every service builds its directory by reading organisations and people from the
// beginning (a new service, a database restored empty), so their events must never expire.
const topicTable = {
  organization: { service: 'members', partitions: DEFAULT_PARTITIONS, keptForever: true },
  person: { service: 'members', partitions: DEFAULT_PARTITIONS, keptForever: true },
  community: { service: 'members', partitions: DEFAULT_PARTITIONS },
  membership: { service: 'members', partitions: DEFAULT_PARTITIONS },
  conference: { service: 'roundtables', partitions: DEFAULT_PARTITIONS },
  roundtable: { service: 'roundtables', partitions: DEFAULT_PARTITIONS },
  recommendation: { service: 'recommendations', partitions: DEFAULT_PARTITIONS },
  'control-item': { service: 'recommendations', partitions: DEFAULT_PARTITIONS },
  request: { service: 'requests', partitions: DEFAULT_PARTITIONS },
} as const satisfies Record<
  string,
  { service: ServiceName; partitions: number; keptForever?: boolean }
>;

/** An aggregate type; each has exactly one topic. */
export type Aggregate = keyof typeof topicTable;

/** The service that owns (and alone publishes) an aggregate type. */
export type ServiceOf<TAggregate extends Aggregate> = (typeof topicTable)[TAggregate]['service'];

/** A Kafka topic: its name, the aggregate whose events it carries, its owner and partition count. */
export interface TopicSpec {
  readonly name: string;
  readonly aggregate: Aggregate;
  readonly service: ServiceName;
  readonly partitions: number;
}

/** Every aggregate type, in the order of the topic table. */
export const aggregates = Object.keys(topicTable) as Aggregate[];

// Kafka's own limits on topic names; checked here so a bad prefix fails at the call, not in the broker.
const legalTopicName = /^[a-zA-Z0-9._-]{1,249}$/;

function checked(name: string): string {
  if (!legalTopicName.test(name)) {
    throw new Error(`Illegal Kafka topic name "${name}": use 1-249 of [a-zA-Z0-9._-]`);
  }
  return name;
}

/** The service that owns an aggregate type. */
export function ownerOf<TAggregate extends Aggregate>(
  aggregate: TAggregate,
): ServiceOf<TAggregate> {
  return topicTable[aggregate].service;
}

/** The CloudEvents `source` of a service's events, e.g. `kollegia/members`. */
export function serviceSource(service: ServiceName): `kollegia/${ServiceName}` {
  return `kollegia/${service}`;
}

/**
 * The topic that carries an aggregate type's events, e.g. `kollegia.members.organization`.
 * The prefix lets each test file work on topics of its own.
 */
export function topicName(aggregate: Aggregate, prefix = ''): string {
  return checked(`${prefix}kollegia.${ownerOf(aggregate)}.${aggregate}`);
}

/**
 * Whether a topic keeps its events forever (`retention.ms=-1`) instead of for the broker's
 * retention: the topics of the aggregates marked `keptForever` above.
 */
export function keptForever(topic: string, prefix = ''): boolean {
  return aggregates.some(
    (aggregate) => 'keptForever' in topicTable[aggregate] && topicName(aggregate, prefix) === topic,
  );
}

/** The dead-letter topic of one consumer group: `${prefix}kollegia.dlq.${consumerGroup}`. */
export function deadLetterTopic(consumerGroup: string, prefix = ''): string {
  if (consumerGroup === '') throw new Error('A dead-letter topic needs a consumer group');
  return checked(`${prefix}kollegia.dlq.${consumerGroup}`);
}

/** Every aggregate topic, with the given prefix (for creating them in a broker or a test). */
export function allTopics(prefix = ''): TopicSpec[] {
  return aggregates.map((aggregate) => ({
    name: topicName(aggregate, prefix),
    aggregate,
    service: topicTable[aggregate].service,
    partitions: topicTable[aggregate].partitions,
  }));
}

/** Every aggregate topic under its production name. */
export const topics: readonly TopicSpec[] = allTopics();
