import {
  aggregateKeyIndexes,
  outboxSchemaDefinition,
  type StoredAggregate,
} from '@kollegia/service-kit';
import { Schema, type Connection, type Model } from 'mongoose';

import type { Conference } from '../domain/conference';

/** How a conference is stored: the domain state plus search keys and the outbox. */
export type ConferenceDocument = StoredAggregate<Conference> & {
  /** Normalised tokens of title, city, venue and description (see domain/search.ts). */
  searchTokens: string[];
  /** The city, normalised, for the exact city filter. */
  cityKey: string;
};

const schema = new Schema<ConferenceDocument>(
  {
    _id: { type: String, required: true },
    tenantId: { type: String, required: true },
    version: { type: Number, required: true },
    title: { type: String, required: true },
    kind: { type: String, required: true },
    startsOn: { type: String, required: true },
    endsOn: { type: String, required: true },
    city: { type: String, required: true },
    venue: String,
    organizerIds: { type: [String], default: [] },
    description: String,
    published: { type: Boolean, required: true },
    status: { type: String, required: true },
    openedAt: Date,
    closedAt: Date,
    searchTokens: { type: [String], default: [] },
    cityKey: { type: String, required: true },
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
    outbox: outboxSchemaDefinition,
  },
  { versionKey: false, collection: 'conferences' },
);

// reads and compare-and-set changes by id (unique, exactly their filters' keys)
aggregateKeyIndexes(schema);
// conferences(): the tenant's conferences by first day, keyset-paged
schema.index({ tenantId: 1, startsOn: 1, _id: 1 });
// conferences(filter: { status })
schema.index({ tenantId: 1, status: 1, startsOn: 1 });
// conferences(filter: { text }): every query token must prefix one of these
schema.index({ tenantId: 1, searchTokens: 1 });
// conferences(filter: { city }) and roundtables(filter: { city }) (through their conferences)
schema.index({ tenantId: 1, cityKey: 1 });
// conferences(filter: { organizerId }) and roundtables(filter: { organizerId })
schema.index({ tenantId: 1, organizerIds: 1 });
// the outbox relay's sweep: documents with pending events
schema.index({ 'outbox.eventId': 1 });

export type ConferenceModel = Model<ConferenceDocument>;

export function conferenceModel(connection: Connection): ConferenceModel {
  return connection.model<ConferenceDocument>('Conference', schema);
}
