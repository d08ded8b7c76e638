import {
  aggregateKeyIndexes,
  outboxSchemaDefinition,
  type StoredAggregate,
} from '@kollegia/service-kit';
import { Schema, type Connection, type Model } from 'mongoose';

import type { Community } from '../domain/community';

export type CommunityDocument = StoredAggregate<Community> & {
  searchTokens: string[];
  sortName: string;
};

const schema = new Schema<CommunityDocument>(
  {
    _id: { type: String, required: true },
    tenantId: { type: String, required: true },
    version: { type: Number, required: true },
    name: { type: String, required: true },
    kind: { type: String, required: true },
    description: String,
    parentId: String,
    validUntil: String,
    status: { type: String, required: true },
    published: { type: Boolean, required: true },
    dissolvedOn: String,
    dissolutionReason: String,
    searchTokens: { type: [String], default: [] },
    sortName: { type: String, required: true },
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
    outbox: outboxSchemaDefinition,
  },
  { versionKey: false, collection: 'communities' },
);

// reads and compare-and-set changes by id (unique, exactly their filters' keys)
aggregateKeyIndexes(schema);
// communities(): listed by name, keyset-paged
schema.index({ tenantId: 1, sortName: 1, _id: 1 });
// communities(filter: { text })
schema.index({ tenantId: 1, searchTokens: 1 });
// communities(filter: { kind, status })
schema.index({ tenantId: 1, kind: 1, status: 1 });
// the expiry job: active temporary communities past their last day
schema.index({ status: 1, validUntil: 1 });
// the outbox relay's sweep
schema.index({ 'outbox.eventId': 1 });

export type CommunityModel = Model<CommunityDocument>;

export function communityModel(connection: Connection): CommunityModel {
  return connection.model<CommunityDocument>('Community', schema);
}
