import type {
  MemberKind,
  MemberRef,
  OrganizationArchivedV1,
  OrganizationKind,
  OrganizationRegisteredV1,
  OrganizationRenamedV1,
  OrganizationStatus,
  OrganizationUpdatedV1,
  PersonRegisteredV1,
  PersonUpdatedV1,
} from '@kollegia/events';

import { isDuplicateKey } from '../db/duplicate-key';
import { acrossTenants, TenantModel } from '../db/tenant-model';
import { badInput } from '../domain';
import type { DirectoryEntryDocument, DirectoryModel } from './directory.model';
import { addedReferences, isPublic, type ReferencesByField } from './references';

/** An organisation or a person of the members directory, as a service knows it. */
export interface DirectoryEntry {
  kind: MemberKind;
  id: string;
  name: string;
  /** Organisations: the name used in lists and documents. */
  shortName?: string;
  /** Organisations: what members says they are (ministry, agency, …). */
  organizationKind?: OrganizationKind;
  /**
   * Organisations: their jurisdiction, an ISO 3166-1 alpha-2 code (RU, BY, …), e.g. to choose
   * the procedure an addressee answers by. Absent when unknown (see `Directory.record`).
   */
  country?: string;
  status?: OrganizationStatus;
  /** Organisations: visible to partners and addressees. */
  published?: boolean;
  /** People: the organisation they work for, if any. */
  organizationId?: string;
  /**
   * People with an organisation: whether it is published, looked up when the entry is read (so
   * publishing or unpublishing it takes effect at once); false when the directory does not know it.
   */
  organizationPublished?: boolean;
}

/** The members' events the directory is kept from. */
export type DirectoryEvent =
  | OrganizationRegisteredV1
  | OrganizationUpdatedV1
  | OrganizationRenamedV1
  | OrganizationArchivedV1
  | PersonRegisteredV1
  | PersonUpdatedV1;

/**
 * What an event says of its member: registered and updated carry the whole card (a field it names
 * as undefined is gone, e.g. a person who left their organisation), the rest a part.
 */
function entryOf(event: DirectoryEvent): {
  kind: MemberKind;
  fields: Omit<DirectoryEntry, 'kind' | 'id' | 'organizationPublished'>;
} {
  switch (event.type) {
    case 'kollegia.members.organization.registered.v1':
    case 'kollegia.members.organization.updated.v1': {
      const { name, shortName, kind, status, published } = event.data;
      return {
        kind: 'ORGANIZATION',
        fields: {
          name,
          shortName,
          organizationKind: kind,
          country: countryOf(event.data),
          status,
          published,
        },
      };
    }
    case 'kollegia.members.organization.renamed.v1':
      return {
        kind: 'ORGANIZATION',
        fields: { name: event.data.name, shortName: event.data.shortName },
      };
    case 'kollegia.members.organization.archived.v1':
      return {
        kind: 'ORGANIZATION',
        fields: { name: event.data.name, shortName: event.data.shortName, status: 'ARCHIVED' },
      };
    case 'kollegia.members.person.registered.v1':
    case 'kollegia.members.person.updated.v1':
      return {
        kind: 'PERSON',
        fields: { name: event.data.fullName, organizationId: event.data.organizationId },
      };
  }
}

/**
 * An organisation's country: as its card says, or — in events from before cards said it — the
 * country of its `region`, an ISO 3166-2 code, whose first two letters are the country's.
 */
const countryOf = (card: { country?: string; region: string }) =>
  card.country ?? card.region.slice(0, 2);

const keyOf = (tenantId: string, ref: MemberRef) => `${tenantId}/${ref.kind}/${ref.id}`;

/** A member's key among the entries of one tenant (e.g. for a request's batch loader). */
export const memberKey = (ref: MemberRef) => `${ref.kind}/${ref.id}`;

/** `organization 6650…` / `person 6650…`, as messages name a member. */
export const describeMember = (ref: MemberRef) => `${ref.kind.toLowerCase()} ${ref.id}`;

/**
 * The members directory as a service knows it: organisations and people, tenant by tenant, kept
 * from members' events (see `startDirectoryConsumer`). It is what a service checks the references
 * it is given against (an id of another workspace, or one never registered, is not in it), and
 * what tells it whether a reader who sees published material only may be shown a member.
 */
export class Directory {
  private readonly entries: TenantModel<DirectoryEntryDocument>;

  constructor(model: DirectoryModel) {
    this.entries = new TenantModel(model);
  }

  /**
   * Records what an event says, as of the member's version. The same event again, or another of
   * the same change (one version), writes the same values; an older one changes nothing (its
   * upsert meets the stored `_id`). Returns whether anything was written.
   */
  async record(event: DirectoryEvent): Promise<boolean> {
    const tenantId = event.tenantid;
    const { kind, fields } = entryOf(event);
    const _id = keyOf(tenantId, { kind, id: event.data.id });
    const given = Object.entries(fields);
    const set = Object.fromEntries(given.filter(([, value]) => value !== undefined));
    const gone = given.filter(([, value]) => value === undefined).map(([key]) => [key, 1]);
    try {
      const result = await this.entries.upsertOne(
        tenantId,
        { _id, version: { $lte: event.aggregateversion } },
        {
          $set: {
            tenantId,
            kind,
            memberId: event.data.id,
            ...set,
            version: event.aggregateversion,
            updatedAt: new Date(event.time),
          },
          ...(gone.length > 0 ? { $unset: Object.fromEntries(gone) as Record<string, 1> } : {}),
        },
      );
      return result.modifiedCount + result.upsertedCount > 0;
    } catch (error) {
      // A newer version is stored: the upsert met its `_id`.
      if (isDuplicateKey(error)) return false;
      throw error;
    }
  }

  /**
   * Gives `country: 'RU'` to the organisations recorded before members' events said a country
   * (those whose card, kind included, was recorded without one): members took Russian
   * organisations only then. Entries known from a rename or archiving alone stay unknown. Safe to
   * run again and on several replicas at once; returns how many entries this run changed.
   */
  async fillCountriesOfOldEntries(): Promise<number> {
    const old = {
      kind: 'ORGANIZATION' as const,
      organizationKind: { $exists: true },
      country: { $exists: false },
    };
    // A sweep across tenants for the tenants to change; each change goes through its scope.
    const found = await acrossTenants(this.entries)
      .find(old, { tenantId: 1 })
      .lean<{ tenantId: string }[]>();
    let filled = 0;
    for (const tenantId of new Set(found.map((entry) => entry.tenantId))) {
      const result = await this.entries.updateMany(tenantId, old, { $set: { country: 'RU' } });
      filled += result.modifiedCount;
    }
    return filled;
  }

  /**
   * The known ones among these members of a tenant (one query, and one more for the organisations
   * of the people among them that the first did not bring).
   */
  async getMany(tenantId: string, refs: readonly MemberRef[]): Promise<DirectoryEntry[]> {
    const entries = await this.find(tenantId, refs);
    const organizations = new Map(
      entries.filter((entry) => entry.kind === 'ORGANIZATION').map((entry) => [entry.id, entry]),
    );
    const missing = entries.flatMap((entry) =>
      entry.organizationId && !organizations.has(entry.organizationId)
        ? [{ kind: 'ORGANIZATION' as const, id: entry.organizationId }]
        : [],
    );
    for (const entry of await this.find(tenantId, missing)) organizations.set(entry.id, entry);
    return entries.map((entry) =>
      entry.organizationId
        ? {
            ...entry,
            organizationPublished: organizations.get(entry.organizationId)?.published === true,
          }
        : entry,
    );
  }

  private async find(tenantId: string, refs: readonly MemberRef[]): Promise<DirectoryEntry[]> {
    const ids = [...new Set(refs.map((ref) => keyOf(tenantId, ref)))];
    if (ids.length === 0) return [];
    const docs = await this.entries
      .find(tenantId, { _id: { $in: ids } })
      .lean<DirectoryEntryDocument[]>();
    return docs.map((doc) => ({
      kind: doc.kind,
      id: doc.memberId,
      name: doc.name,
      ...(doc.shortName ? { shortName: doc.shortName } : {}),
      ...(doc.organizationKind ? { organizationKind: doc.organizationKind } : {}),
      ...(doc.country ? { country: doc.country } : {}),
      ...(doc.status ? { status: doc.status } : {}),
      ...(doc.published === undefined || doc.published === null
        ? {}
        : { published: doc.published }),
      ...(doc.organizationId ? { organizationId: doc.organizationId } : {}),
    }));
  }

  async get(tenantId: string, ref: MemberRef): Promise<DirectoryEntry | undefined> {
    return (await this.getMany(tenantId, [ref]))[0];
  }

  /**
   * The entries of the references a command names, by input field (one query). A reference the
   * directory does not know in the caller's tenant — another workspace's id, one never registered,
   * or one registered a moment ago whose event has not arrived yet — is BAD_USER_INPUT naming the
   * field, and nothing is stored.
   */
  async requireKnown(
    tenantId: string,
    references: ReferencesByField,
  ): Promise<Map<string, DirectoryEntry>> {
    const known = new Map(
      (await this.getMany(tenantId, Object.values(references).flat())).map((entry) => [
        memberKey(entry),
        entry,
      ]),
    );
    for (const [field, refs] of Object.entries(references)) {
      const unknown = refs.find((ref) => !known.has(memberKey(ref)));
      if (unknown) throw badInput(field, `${describeMember(unknown)} is not in the directory`);
    }
    return known;
  }

  /**
   * Refuses a change that adds a member the directory does not know (see `requireKnown`). Only
   * the references the change adds are checked, so one stored before references were checked
   * does not block an unrelated change.
   */
  requireAdded(
    tenantId: string,
    before: ReferencesByField,
    after: ReferencesByField,
  ): Promise<Map<string, DirectoryEntry>> {
    return this.requireKnown(tenantId, addedReferences(before, after));
  }

  /**
   * Whether the member with this id (an organisation or a person: filters name members by id
   * alone) may be shown to readers of published material. An unknown id may not.
   */
  async isPublicId(tenantId: string, id: string): Promise<boolean> {
    const found = await this.getMany(tenantId, [
      { kind: 'ORGANIZATION', id },
      { kind: 'PERSON', id },
    ]);
    return found.some(isPublic);
  }
}
