import {
  aggregateKeyIndexes,
  outboxSchemaDefinition,
  type StoredAggregate,
} from '@kollegia/service-kit';
import { Schema, type Connection, type Model } from 'mongoose';

import type { ControlItem } from '../domain/control-item';
import { MIXED_LIST } from './recommendation.model';

/** How an item under control is stored: the domain state plus derived keys and the outbox. */
export type ControlItemDocument = StoredAggregate<ControlItem> & {
  /** Creation time, then the id: the order of every list. */
  listKey: string;
  /** The first day a notice may be due (`9999-12-31` when none is): the scheduler's key. */
  nextNoticeOn: string;
  /** The responsible organisation's or person's id, for filters and what an addressee sees. */
  responsibleId?: string;
};

const { Mixed } = Schema.Types;

const schema = new Schema<ControlItemDocument>(
  {
    _id: { type: String, required: true },
    tenantId: { type: String, required: true },
    version: { type: Number, required: true },
    text: { type: String, required: true },
    controllerId: String,
    responsible: Mixed,
    dueDate: String,
    source: { type: Mixed, required: true },
    published: { type: Boolean, required: true },
    status: { type: String, required: true },
    takenAt: { type: Date, required: true },
    progress: MIXED_LIST,
    extensions: MIXED_LIST,
    closedAt: Date,
    closingNote: String,
    announced: { type: Mixed, default: {} },
    dueDateRecordedOn: String,
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
    listKey: { type: String, required: true },
    nextNoticeOn: { type: String, required: true },
    responsibleId: String,
    outbox: outboxSchemaDefinition,
  },
  { versionKey: false, collection: 'control_items', minimize: false },
);

// reads and compare-and-set changes by id (unique, exactly their filters' keys)
aggregateKeyIndexes(schema);
// controlItems(): the tenant's list in creation order, keyset-paged
schema.index({ tenantId: 1, listKey: 1, _id: 1 });
// filter.conferenceId / Conference.controlItems
schema.index({ tenantId: 1, 'source.conferenceId': 1, listKey: 1, _id: 1 });
// filter.roundtableId / Roundtable.controlItems
schema.index({ tenantId: 1, 'source.roundtableId': 1, listKey: 1, _id: 1 });
// filter.controllerId / what an addressee of the controller sees
schema.index({ tenantId: 1, controllerId: 1, listKey: 1 });
// filter.responsibleId / what an addressee of the responsible organisation sees
schema.index({ tenantId: 1, responsibleId: 1, listKey: 1 });
// filter.status, filter.overdue
schema.index({ tenantId: 1, status: 1, dueDate: 1 });
// the notice scheduler: items with a notice due by today (all tenants)
schema.index({ nextNoticeOn: 1 });
// the outbox relay's sweep: documents with pending events
schema.index({ 'outbox.eventId': 1 });

export type ControlItemModel = Model<ControlItemDocument>;

export function controlItemModel(connection: Connection): ControlItemModel {
  return connection.model<ControlItemDocument>('ControlItem', schema);
}
