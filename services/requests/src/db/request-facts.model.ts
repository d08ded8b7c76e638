import { Schema, type Connection, type Model } from 'mongoose';

import type { RequestFacts } from '../domain/statistics';

/**
 * The statistics read model, fed by this service's own request events: what is known of each
 * request sent to an addressee (`_id` is `<tenant>/<request>`), and one small document per
 * addressee that has any (`_id` is `<tenant>/<addressee>`), to list them.
 */
export type RequestFactsDocument = RequestFacts & {
  _id: string;
  tenantId: string;
  addresseeId: string;
  updatedAt: Date;
  /**
   * Bumped by every write, which is a compare-and-set on it (RequestFactsRepository.update).
   * Absent from documents written before it existed: read as 0.
   */
  version?: number;
};

export interface StatisticsAddresseeDocument {
  _id: string;
  tenantId: string;
  addresseeId: string;
  since: Date;
}

const facts = new Schema<RequestFactsDocument>(
  {
    _id: { type: String, required: true },
    tenantId: { type: String, required: true },
    addresseeId: { type: String, required: true },
    requestId: { type: String, required: true },
    submittedAt: Date,
    registrationDueAt: Date,
    registeredOn: String,
    answerDueAt: Date,
    extendedDueAt: Date,
    answeredAt: Date,
    outcome: String,
    answeredOnTime: Boolean,
    closed: Boolean,
    withdrawn: Boolean,
    updatedAt: { type: Date, required: true },
    version: Number,
  },
  { versionKey: false, collection: 'request_facts' },
);

// RequestFactsRepository.update: the read of one request's facts, then the compare-and-set of its
// change (unique, exactly their filters' keys: the embedded engine uses no other, docs/adr/0009)
facts.index({ _id: 1, tenantId: 1 }, { unique: true });
facts.index({ _id: 1, tenantId: 1, version: 1 }, { unique: true });

// An addressee's statistics: every fact of its requests
facts.index({ tenantId: 1, addresseeId: 1 });

const addressees = new Schema<StatisticsAddresseeDocument>(
  {
    _id: { type: String, required: true },
    tenantId: { type: String, required: true },
    addresseeId: { type: String, required: true },
    since: { type: Date, required: true },
  },
  { versionKey: false, collection: 'statistics_addressees' },
);

// addresseeStatistics(): the tenant's addressees with statistics, keyset-paged by id
addressees.index({ tenantId: 1, addresseeId: 1, _id: 1 });

export type RequestFactsModel = Model<RequestFactsDocument>;
export type StatisticsAddresseeModel = Model<StatisticsAddresseeDocument>;

export function requestFactsModel(connection: Connection): RequestFactsModel {
  return connection.model<RequestFactsDocument>('RequestFacts', facts);
}

export function statisticsAddresseeModel(connection: Connection): StatisticsAddresseeModel {
  return connection.model<StatisticsAddresseeDocument>('StatisticsAddressee', addressees);
}
