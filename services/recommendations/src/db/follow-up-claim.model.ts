import { Schema, type Connection, type Model } from 'mongoose';

/**
 * A replica's claim on announcing one follow-up (recommendation, kind, date) — inserted before
 * the announcement with a deterministic `_id`, so of several replicas exactly one inserts it and
 * the others get E11000 and skip. `done` once announced; an unfinished claim older than the lease
 * belonged to a replica that died mid-way and may be taken over (see follow-up-claim.repository).
 */
export interface FollowUpClaimDocument {
  _id: string;
  tenantId: string;
  recommendationId: string;
  kind: string;
  date: string;
  owner: string;
  claimedAt: Date;
  /** How many times it was taken over. */
  attempt: number;
  done: boolean;
}

const schema = new Schema<FollowUpClaimDocument>(
  {
    _id: { type: String, required: true },
    tenantId: { type: String, required: true },
    recommendationId: { type: String, required: true },
    kind: { type: String, required: true },
    date: { type: String, required: true },
    owner: { type: String, required: true },
    claimedAt: { type: Date, required: true },
    attempt: { type: Number, required: true },
    done: { type: Boolean, required: true },
  },
  { versionKey: false, collection: 'follow_up_claims' },
);

// Claims are only read by _id; this index is for operators listing a recommendation's follow-ups.
schema.index({ tenantId: 1, recommendationId: 1 });

export type FollowUpClaimModel = Model<FollowUpClaimDocument>;

export function followUpClaimModel(connection: Connection): FollowUpClaimModel {
  return connection.model<FollowUpClaimDocument>('FollowUpClaim', schema);
}
