/**
 * The outbox lives inside the aggregate document: the events of a change are stored by the same
 * single-document write as the change (no multi-document transactions on FerretDB), then relayed
 * to Kafka and removed. See docs/adr/0003-outbox-inside-the-aggregate.md.
 */
export interface OutboxEntry {
  eventId: string;
  topic: string;
  key: string;
  /** The CloudEvent, validated and serialised at write time: what is relayed is what was checked. */
  value: string;
  createdAt: Date;
  /**
   * The W3C trace context the event was written in (also in the event, the CloudEvents tracing
   * extension): the relay, which runs later and outside it, sends the event in that trace.
   */
  traceparent?: string;
  tracestate?: string;
}

/** The field every aggregate document with an outbox carries. */
export const OUTBOX_FIELD = 'outbox';

/**
 * The mongoose schema definition of the outbox field, for a model's schema:
 * `{ ..., outbox: outboxSchemaDefinition }`.
 */
export const outboxSchemaDefinition = {
  type: [
    {
      _id: false,
      eventId: { type: String, required: true },
      topic: { type: String, required: true },
      key: { type: String, required: true },
      value: { type: String, required: true },
      createdAt: { type: Date, required: true },
      traceparent: String,
      tracestate: String,
    },
  ],
  default: [],
};
