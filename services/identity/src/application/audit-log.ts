import { randomUUID } from 'node:crypto';

import { paginate, TenantModel, type Page, type PageRequest } from '@kollegia/service-kit';

import type {
  AuditAction,
  AuditEntryDocument,
  AuditEntryModel,
  AuditParty,
} from '../db/audit-entry.model';

/** An entry as it is written and read: the stored one, with `id` for `_id`. */
export type AuditEntry = Omit<AuditEntryDocument, '_id'> & { id: string };

export type NewAuditEntry = Omit<AuditEntry, 'id' | 'at'>;

let sequence = 0;

/**
 * An entry's id: its time, a counter and a random part, so entries of one instance in the same
 * millisecond keep the order they were written in (the log is read by time, then id).
 */
function entryId(at: Date): string {
  sequence = (sequence + 1) % 36 ** 4;
  return `${at.getTime().toString(36).padStart(9, '0')}${sequence.toString(36).padStart(4, '0')}-${randomUUID()}`;
}

function toEntry({ _id, ...entry }: AuditEntryDocument): AuditEntry {
  return { id: _id, ...entry };
}

/**
 * Each tenant's audit log of what happened to its accounts: sign-ins, sign-outs, invitations,
 * password resets, role changes, disabling, export and deletion. Entries are appended and never
 * changed, except that deleting a person's data replaces their id and login with a pseudonym in
 * the entries about them (the entries stay, as the record of what was done, and of the deletion).
 */
export class AuditLog {
  private readonly entries: TenantModel<AuditEntryDocument>;

  constructor(
    model: AuditEntryModel,
    private readonly clock: () => Date,
  ) {
    this.entries = new TenantModel(model);
  }

  async record(entry: NewAuditEntry): Promise<void> {
    const { tenantId, ...rest } = entry;
    const at = this.clock();
    await this.entries.insertOne(tenantId, { _id: entryId(at), at, ...rest });
  }

  /** A page of a tenant's log, newest first. */
  async page(tenantId: string, page: PageRequest): Promise<Page<AuditEntry>> {
    const found = await paginate(this.entries, tenantId, {}, 'at', -1, page);
    return { ...found, items: found.items.map(toEntry) };
  }

  /** Every entry about an account, or by it, oldest first: for the person's data export. */
  async about(tenantId: string, accountId: string): Promise<AuditEntry[]> {
    const found = await this.entries
      .find(tenantId, { $or: [{ 'subject.id': accountId }, { 'actor.id': accountId }] })
      .sort({ at: 1, _id: 1 })
      .lean<AuditEntryDocument[]>();
    return found.map(toEntry);
  }

  /**
   * Replaces an account's id and login with a pseudonym wherever it is the subject or the actor:
   * what the log keeps of a person whose data was deleted. The number of entries changed.
   */
  async pseudonymise(tenantId: string, accountId: string, pseudonym: AuditParty): Promise<number> {
    let changed = 0;
    for (const role of ['subject', 'actor'] as const) {
      const { modifiedCount } = await this.entries.updateMany(
        tenantId,
        { [`${role}.id`]: accountId },
        { $set: { [role]: pseudonym } },
      );
      changed += modifiedCount;
    }
    return changed;
  }
}

export type { AuditAction, AuditParty };
