import {
  aggregateKeyIndexes,
  outboxSchemaDefinition,
  type StoredAggregate,
} from '@kollegia/service-kit';
import { Schema, type Connection, type Model } from 'mongoose';

import type { Membership } from '../domain/membership';

export type MembershipDocument = StoredAggregate<Membership> & {
  /** 'ACTIVE' while active, the membership's own id once revoked: see the unique index below. */
  activeKey: string;
};

const schema = new Schema<MembershipDocument>(
  {
    _id: { type: String, required: true },
    tenantId: { type: String, required: true },
    version: { type: Number, required: true },
    communityId: { type: String, required: true },
    memberKind: { type: String, required: true },
    memberId: { type: String, required: true },
    role: { type: String, required: true },
    since: { type: String, required: true },
    until: String,
    status: { type: String, required: true },
    revokedOn: String,
    revocationReason: String,
    activeKey: { type: String, required: true },
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
    outbox: outboxSchemaDefinition,
  },
  { versionKey: false, collection: 'memberships' },
);

// reads and compare-and-set changes by id (unique, exactly their filters' keys)
aggregateKeyIndexes(schema);
// No duplicate active membership: one ACTIVE key per community and member. (FerretDB has no
// partial indexes, so revoked ones move out of the way by taking their own id as the key.)
schema.index(
  { tenantId: 1, communityId: 1, memberKind: 1, memberId: 1, activeKey: 1 },
  { unique: true },
);
// Community.members(role): the members of a community, keyset-paged by creation
schema.index({ tenantId: 1, communityId: 1, status: 1, createdAt: 1, _id: 1 });
// Organization.communities / Person.communities: a member's memberships
schema.index({ tenantId: 1, memberKind: 1, memberId: 1, status: 1 });
// the outbox relay's sweep
schema.index({ 'outbox.eventId': 1 });

export type MembershipModel = Model<MembershipDocument>;

export function membershipModel(connection: Connection): MembershipModel {
  return connection.model<MembershipDocument>('Membership', schema);
}
