import { Schema, type Connection, type Model } from 'mongoose';

import type { DeadlinePolicy } from '../domain/deadline';

/**
 * A tenant's deadline settings, for all addressees (`addresseeKind` absent) or for one kind of
 * addressee. Only what was set is stored; the rest is inherited (kind → tenant default → 59-FZ).
 * `_id` is `<tenant>/<kind or DEFAULT>`.
 */
export interface DeadlinePolicyDocument {
  _id: string;
  tenantId: string;
  addresseeKind?: string;
  settings: Partial<DeadlinePolicy>;
  version: number;
  updatedAt: Date;
  updatedBy: string;
}

const schema = new Schema<DeadlinePolicyDocument>(
  {
    _id: { type: String, required: true },
    tenantId: { type: String, required: true },
    addresseeKind: String,
    settings: { type: Schema.Types.Mixed, required: true },
    version: { type: Number, required: true },
    updatedAt: { type: Date, required: true },
    updatedBy: { type: String, required: true },
  },
  { versionKey: false, collection: 'deadline_policies', minimize: false },
);

// A tenant's policies, read together whenever a deadline is computed
schema.index({ tenantId: 1 });

export type DeadlinePolicyModel = Model<DeadlinePolicyDocument>;

export function deadlinePolicyModel(connection: Connection): DeadlinePolicyModel {
  return connection.model<DeadlinePolicyDocument>('DeadlinePolicy', schema);
}
