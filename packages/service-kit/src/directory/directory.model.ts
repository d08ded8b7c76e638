import type { MemberKind, OrganizationKind, OrganizationStatus } from '@kollegia/events';
import { Schema, type Connection, type Model } from 'mongoose';

/**
 * One organisation or person of the members directory as a service knows it from members' events
 * (the `directory` read model). `_id` is `<tenant>/<kind>/<id>`, so an entry is found by key and
 * stored once per tenant.
 */
export interface DirectoryEntryDocument {
  _id: string;
  tenantId: string;
  kind: MemberKind;
  memberId: string;
  name: string;
  shortName?: string;
  organizationKind?: OrganizationKind;
  /** Organisations: ISO 3166-1 alpha-2. */
  country?: string;
  status?: OrganizationStatus;
  published?: boolean;
  /** People: the organisation they work for (whether it is published is looked up when read). */
  organizationId?: string;
  /** The member's aggregate version this is as of: an older event never overwrites it. */
  version: number;
  updatedAt: Date;
}

const schema = new Schema<DirectoryEntryDocument>(
  {
    _id: { type: String, required: true },
    tenantId: { type: String, required: true },
    kind: { type: String, required: true },
    memberId: { type: String, required: true },
    name: { type: String, required: true },
    shortName: String,
    organizationKind: String,
    country: String,
    status: String,
    published: Boolean,
    organizationId: String,
    version: { type: Number, required: true },
    updatedAt: { type: Date, required: true },
  },
  { versionKey: false, collection: 'directory' },
);
// Looked up by `_id` only (one entry, or a request's batch with $in); no further index.

export type DirectoryModel = Model<DirectoryEntryDocument>;

/** The `directory` collection of a service's database. */
export function directoryModel(connection: Connection): DirectoryModel {
  return connection.model<DirectoryEntryDocument>('DirectoryEntry', schema);
}
