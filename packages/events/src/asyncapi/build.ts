import { z } from 'zod';
import { createEvent } from '../codec';
import { type EventDefinition } from '../define-event';
import { CLOUDEVENTS_CONTENT_TYPE } from '../envelope';
import { eventDefinitions } from '../registry';
import { timeMeaningOf } from '../times';
import { type Aggregate, allTopics, type TopicSpec } from '../topics';

/** A JSON value, as the AsyncAPI document is plain data. */
export type JsonObject = { [key: string]: unknown };

/** An AsyncAPI 3.0.0 document as a plain object, ready to serialise. */
// A type alias, not an interface, so it fits where plain records are expected (the parser).
export type AsyncApiDocument = {
  readonly asyncapi: '3.0.0';
  readonly info: JsonObject;
  readonly defaultContentType: string;
  readonly channels: Record<string, JsonObject>;
  readonly operations: Record<string, JsonObject>;
  readonly components: { readonly messages: Record<string, JsonObject> };
};

const KAFKA_BINDING_VERSION = '0.5.0';

// Fixed metadata keeps the examples, and with them the committed document, byte-for-byte stable.
const exampleMetadata = {
  id: '3f1c9a4e-7b2d-4c8e-9a61-5d2e8f0b7c13',
  tenantId: 'akit',
  aggregateVersion: 1,
  correlationId: '8d0e6b52-1a7f-4f3c-b2e9-0c4d5a6f7e81',
  actor: 'user:6650a1f0c2b9e4a1d3f00101',
  time: '2025-05-20T09:30:00+03:00',
};

const upperFirst = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);
const camelCase = (text: string): string =>
  text.replace(/-([a-z0-9])/g, (_match, letter: string) => letter.toUpperCase());

/** The message id of an event definition, e.g. `membershipRoleChangedV1`. */
export function messageId(definition: EventDefinition): string {
  return `${camelCase(`${definition.aggregate}-${definition.name}`)}V${definition.version}`;
}

const channelId = (aggregate: Aggregate): string => camelCase(aggregate);

function payloadSchema(definition: EventDefinition): JsonObject {
  // Input mode leaves out `additionalProperties: false`: consumers must accept fields added later.
  const { $schema: _dialect, ...schema } = z.toJSONSchema(definition.envelope, {
    target: 'draft-07',
    io: 'input',
  });
  return withTimeMeanings(schema);
}

/**
 * Marks each time field of a JSON schema with `x-kollegia-time`: what it means (ADR 0018), so a
 * reader of the document need not guess whether a time is when it happened or was recorded.
 */
function withTimeMeanings(schema: JsonObject): JsonObject {
  const marked: JsonObject = { ...schema };
  if (isObject(schema.properties)) {
    marked.properties = Object.fromEntries(
      Object.entries(schema.properties).map(([key, value]) => {
        const inner = isObject(value) ? withTimeMeanings(value) : value;
        const meaning = timeMeaningOf(key);
        return [key, meaning && isObject(inner) ? { ...inner, 'x-kollegia-time': meaning } : inner];
      }),
    );
  }
  if (isObject(schema.items)) marked.items = withTimeMeanings(schema.items);
  for (const key of ['anyOf', 'oneOf', 'allOf'] as const) {
    const options = schema[key];
    if (Array.isArray(options)) {
      marked[key] = (options as unknown[]).map((option) =>
        isObject(option) ? withTimeMeanings(option) : option,
      );
    }
  }
  return marked;
}

const isObject = (value: unknown): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function message(definition: EventDefinition): JsonObject {
  const example = createEvent(
    definition,
    { ...exampleMetadata, subject: String((definition.example as { id?: unknown }).id) },
    definition.example,
  );
  return {
    name: definition.type,
    title: `${upperFirst(definition.aggregate)} ${definition.name.replace(/-/g, ' ')} (v${definition.version})`,
    summary: definition.description,
    contentType: CLOUDEVENTS_CONTENT_TYPE,
    headers: {
      type: 'object',
      properties: { 'content-type': { type: 'string', const: CLOUDEVENTS_CONTENT_TYPE } },
    },
    correlationId: { location: '$message.payload#/correlationid' },
    payload: payloadSchema(definition),
    examples: [{ name: 'example', payload: example }],
    bindings: {
      kafka: {
        key: { type: 'string', description: 'The aggregate id, equal to `subject`.' },
        bindingVersion: KAFKA_BINDING_VERSION,
      },
    },
  };
}

function definitionsOn(topic: TopicSpec): EventDefinition[] {
  return eventDefinitions.filter((definition) => definition.aggregate === topic.aggregate);
}

function channel(topic: TopicSpec): JsonObject {
  const messages = Object.fromEntries(
    definitionsOn(topic).map((definition) => [
      messageId(definition),
      { $ref: `#/components/messages/${messageId(definition)}` },
    ]),
  );
  return {
    address: topic.name,
    title: topic.name,
    description: `Every event of ${topic.aggregate} aggregates, keyed by aggregate id so each aggregate's events stay in order. Published by ${topic.service} only.`,
    messages,
    bindings: {
      kafka: {
        topic: topic.name,
        partitions: topic.partitions,
        bindingVersion: KAFKA_BINDING_VERSION,
      },
    },
  };
}

function operation(topic: TopicSpec): JsonObject {
  const id = channelId(topic.aggregate);
  return {
    action: 'send',
    channel: { $ref: `#/channels/${id}` },
    summary: `${topic.service} publishes ${topic.aggregate} events (from its outbox).`,
    tags: [{ name: topic.service }],
    messages: definitionsOn(topic).map((definition) => ({
      $ref: `#/channels/${id}/messages/${messageId(definition)}`,
    })),
  };
}

/**
 * Describes every Kollegia event as an AsyncAPI 3.0.0 document: one channel per topic, one
 * message per event type and version (payload: the whole CloudEvents envelope), and one `send`
 * operation per topic for the service that owns it.
 */
export function buildAsyncApiDocument(): AsyncApiDocument {
  const topics = allTopics();
  return {
    asyncapi: '3.0.0',
    info: {
      title: 'Kollegia events',
      version: '1.0.0',
      description:
        'Events Kollegia services publish to Kafka: CloudEvents 1.0 in structured JSON mode, one ' +
        'topic per aggregate type, keyed by aggregate id. Generated from packages/events; within a ' +
        'version, fields are only ever added, so consumers must ignore fields they do not know.',
    },
    defaultContentType: CLOUDEVENTS_CONTENT_TYPE,
    channels: Object.fromEntries(
      topics.map((topic) => [channelId(topic.aggregate), channel(topic)]),
    ),
    operations: Object.fromEntries(
      topics.map((topic) => [
        `send${upperFirst(channelId(topic.aggregate))}Events`,
        operation(topic),
      ]),
    ),
    components: {
      messages: Object.fromEntries(
        eventDefinitions.map((definition) => [messageId(definition), message(definition)]),
      ),
    },
  };
}
