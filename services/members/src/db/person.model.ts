import {
  aggregateKeyIndexes,
  outboxSchemaDefinition,
  type StoredAggregate,
} from '@kollegia/service-kit';
import { Schema, type Connection, type Model } from 'mongoose';

import type { Person } from '../domain/person';

export type PersonDocument = StoredAggregate<Person> & { searchTokens: string[]; sortName: string };

const schema = new Schema<PersonDocument>(
  {
    _id: { type: String, required: true },
    tenantId: { type: String, required: true },
    version: { type: Number, required: true },
    fullName: { type: String, required: true },
    position: String,
    organizationId: String,
    contacts: { _id: false, email: String, phone: String },
    expertise: { type: [String], default: [] },
    searchTokens: { type: [String], default: [] },
    sortName: { type: String, required: true },
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
    outbox: outboxSchemaDefinition,
  },
  { versionKey: false, collection: 'people', minimize: false },
);

// reads and compare-and-set changes by id (unique, exactly their filters' keys)
aggregateKeyIndexes(schema);
// people(): listed by name, keyset-paged
schema.index({ tenantId: 1, sortName: 1, _id: 1 });
// people(filter: { text }): every query token must prefix one of these
schema.index({ tenantId: 1, searchTokens: 1 });
// Organization.people and people(filter: { organizationId })
schema.index({ tenantId: 1, organizationId: 1, sortName: 1 });
// people(filter: { expertise })
schema.index({ tenantId: 1, expertise: 1 });
// the outbox relay's sweep
schema.index({ 'outbox.eventId': 1 });

export type PersonModel = Model<PersonDocument>;

export function personModel(connection: Connection): PersonModel {
  return connection.model<PersonDocument>('Person', schema);
}
