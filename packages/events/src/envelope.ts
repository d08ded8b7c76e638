import { z } from 'zod';

/** The `content-type` of a structured-mode CloudEvents message. */
export const CLOUDEVENTS_CONTENT_TYPE = 'application/cloudevents+json';

/**
 * The CloudEvents 1.0 structured-JSON envelope every Kollegia event travels in. `type` and `data`
 * are left open here; each event definition narrows them (see `defineEvent`).
 */
export const envelopeSchema = z.object({
  specversion: z.literal('1.0'),
  id: z.uuid().describe('Unique per event; consumers use it to absorb duplicates.'),
  source: z.string().min(1).describe('The producing service, e.g. kollegia/members.'),
  type: z.string().min(1).describe('kollegia.<service>.<aggregate>.<name>.v<version>'),
  subject: z.string().min(1).describe('The aggregate id; also the Kafka message key.'),
  time: z.iso
    .datetime({ offset: true })
    .describe(
      'When the change was recorded, by the server clock (ISO 8601). When it happened, where a ' +
        'user gave it, is a field of `data` (ADR 0018).',
    ),
  datacontenttype: z.literal('application/json'),
  tenantid: z.string().min(1).describe('The workspace; no event crosses tenants.'),
  aggregateversion: z
    .number()
    .int()
    .min(0)
    .describe("The aggregate's version after this change; orders and deduplicates per aggregate."),
  correlationid: z.string().min(1).describe('Shared by every event of one user action or flow.'),
  causationid: z
    .string()
    .min(1)
    .optional()
    .describe('Id of the event that caused this one; absent for events caused by a command.'),
  actor: z.string().min(1).describe('The user subject (JWT sub) or system:<service>.'),
  // Not checked beyond being a string: a consumer ignores a malformed one (a new trace begins)
  // rather than dead-lettering an event for its tracing data.
  traceparent: z
    .string()
    .optional()
    .describe(
      'W3C traceparent of the operation that recorded the event (CloudEvents distributed-tracing ' +
        'extension), e.g. 00-<trace id>-<span id>-01; consumers continue its trace. Absent when ' +
        'the producer does not trace.',
    ),
  tracestate: z
    .string()
    .optional()
    .describe('W3C tracestate that goes with traceparent (vendor-specific trace data).'),
  data: z.unknown(),
});

/** A CloudEvents envelope whose `type` and `data` are those of one event definition. */
export type CloudEventEnvelope<TType extends string = string, TData = unknown> = Omit<
  z.infer<typeof envelopeSchema>,
  'type' | 'data'
> & { type: TType; data: TData };
