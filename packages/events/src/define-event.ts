import { z } from 'zod';
import { type CloudEventEnvelope, envelopeSchema } from './envelope';
import {
  type Aggregate,
  ownerOf,
  type ServiceName,
  type ServiceOf,
  serviceSource,
  topicName,
} from './topics';

/**
 * Payload schemas are plain objects that strip unknown keys: a consumer on an older contract must
 * accept fields added later within the same version, so strict objects are ruled out.
 */
export type EventDataSchema = z.ZodObject<z.ZodRawShape, z.core.$strip>;

/** The CloudEvents `type` of an event: `kollegia.<service>.<aggregate>.<name>.v<version>`. */
export type EventTypeName<
  TAggregate extends Aggregate,
  TName extends string,
  TVersion extends number,
> = `kollegia.${ServiceOf<TAggregate>}.${TAggregate}.${TName}.v${TVersion}`;

/** What `defineEvent` needs to know about one event type and version. */
export interface EventSpec<
  TAggregate extends Aggregate,
  TName extends string,
  TVersion extends number,
  TData extends EventDataSchema,
> {
  /** The event's name within its aggregate, in kebab case, e.g. `registered`, `role-changed`. */
  readonly type: TName;
  readonly version: TVersion;
  readonly aggregate: TAggregate;
  readonly description: string;
  readonly data: TData;
  /** A realistic payload; it goes into the AsyncAPI document and the test factories. */
  readonly example: z.input<TData>;
}

/** One event type and version: its schemas, where it is published and who publishes it. */
export interface EventDefinition<
  TType extends string = string,
  TData extends EventDataSchema = EventDataSchema,
> {
  /** The full CloudEvents type, e.g. `kollegia.members.organization.registered.v1`. */
  readonly type: TType;
  readonly name: string;
  readonly version: number;
  readonly aggregate: Aggregate;
  readonly service: ServiceName;
  /** The CloudEvents `source` of these events, e.g. `kollegia/members`. */
  readonly source: string;
  /** The unprefixed topic; use `topicName(definition.aggregate, prefix)` for a prefixed one. */
  readonly topic: string;
  readonly description: string;
  readonly data: TData;
  /** The whole envelope with `type` fixed to this event's type and `data` to its payload. */
  readonly envelope: z.ZodType<CloudEventEnvelope<TType, z.output<TData>>>;
  readonly example: z.output<TData>;
}

/** The envelope type of an event definition. */
export type EventOf<TDefinition> =
  TDefinition extends EventDefinition<infer TType, infer TData>
    ? CloudEventEnvelope<TType, z.output<TData>>
    : never;

/** The payload type of an event definition. */
export type DataOf<TDefinition> =
  TDefinition extends EventDefinition<string, infer TData> ? z.output<TData> : never;

// Examples feed the AsyncAPI document and the test factories; a broken one fails at import, where
// any test notices it, rather than in a consumer's tests.
function checkedExample<TData extends EventDataSchema>(
  type: string,
  data: TData,
  example: z.input<TData>,
): z.output<TData> {
  const result = data.safeParse(example);
  if (!result.success) {
    throw new Error(
      `The example of ${type} breaks its own schema:\n${z.prettifyError(result.error)}`,
    );
  }
  return result.data;
}

const kebabCase = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;

/**
 * Declares one event type and version. Its full type string, topic and source follow from the
 * aggregate, so they cannot drift from the topic registry.
 */
export function defineEvent<
  const TAggregate extends Aggregate,
  const TName extends string,
  const TVersion extends number,
  TData extends EventDataSchema,
>(
  spec: EventSpec<TAggregate, TName, TVersion, TData>,
): EventDefinition<EventTypeName<TAggregate, TName, TVersion>, TData> {
  // Type strings are part of the wire contract; a malformed one would be hard to take back.
  if (!kebabCase.test(spec.type)) {
    throw new Error(`Event name "${spec.type}" must be kebab case, e.g. "role-changed"`);
  }
  if (!Number.isInteger(spec.version) || spec.version < 1) {
    throw new Error(`Event version of "${spec.type}" must be a positive integer`);
  }
  const service = ownerOf(spec.aggregate);
  const type: EventTypeName<TAggregate, TName, TVersion> =
    `kollegia.${service}.${spec.aggregate}.${spec.type}.v${spec.version}`;
  const envelope = envelopeSchema.extend({ type: z.literal(type), data: spec.data });
  // zod's object output type cannot be evaluated while TData is still generic; it is this shape.
  type Envelope = CloudEventEnvelope<EventTypeName<TAggregate, TName, TVersion>, z.output<TData>>;
  return {
    type,
    name: spec.type,
    version: spec.version,
    aggregate: spec.aggregate,
    service,
    source: serviceSource(service),
    topic: topicName(spec.aggregate),
    description: spec.description,
    data: spec.data,
    envelope: envelope as unknown as z.ZodType<Envelope>,
    example: checkedExample(type, spec.data, spec.example),
  };
}
