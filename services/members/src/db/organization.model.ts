import {
  aggregateKeyIndexes,
  type OutboxEntry,
  outboxSchemaDefinition,
} from '@kollegia/service-kit';
import { Schema, type Connection, type Model } from 'mongoose';

import type { Organization } from '../domain/organization';

/** How an organisation is stored: the domain state plus search and sort keys and the outbox. */
export interface OrganizationDocument extends Omit<Organization, 'id'> {
  _id: string;
  /** Normalised tokens of name, short name, INN and OGRN (see domain/search.ts). */
  searchTokens: string[];
  sortName: string;
  outbox: OutboxEntry[];
}

const schema = new Schema<OrganizationDocument>(
  {
    _id: { type: String, required: true },
    tenantId: { type: String, required: true },
    version: { type: Number, required: true },
    name: { type: String, required: true },
    shortName: { type: String, required: true },
    kind: { type: String, required: true },
    country: { type: String, required: true },
    subdivision: { type: String, required: true },
    description: String,
    industries: { type: [String], default: [] },
    inn: String,
    ogrn: String,
    website: String,
    parentId: String,
    status: { type: String, required: true },
    published: { type: Boolean, required: true },
    archiveReason: String,
    searchTokens: { type: [String], default: [] },
    sortName: { type: String, required: true },
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
    outbox: outboxSchemaDefinition,
  },
  { versionKey: false, collection: 'organizations' },
);

// reads and compare-and-set changes by id (unique, exactly their filters' keys)
aggregateKeyIndexes(schema);
// organizations(): the tenant's directory listed by name, keyset-paged
schema.index({ tenantId: 1, sortName: 1, _id: 1 });
// organizations(filter: { text }): every query token must prefix one of these
schema.index({ tenantId: 1, searchTokens: 1 });
// organizations(filter: { kind | country | subdivision | industry })
schema.index({ tenantId: 1, kind: 1 });
schema.index({ tenantId: 1, country: 1 });
schema.index({ tenantId: 1, subdivision: 1 });
schema.index({ tenantId: 1, industries: 1 });
// Organization.children / parent checks
schema.index({ tenantId: 1, parentId: 1 });
// the outbox relay's sweep: documents with pending events
schema.index({ 'outbox.eventId': 1 });

export type OrganizationModel = Model<OrganizationDocument>;

export function organizationModel(connection: Connection): OrganizationModel {
  return connection.model<OrganizationDocument>('Organization', schema);
}
