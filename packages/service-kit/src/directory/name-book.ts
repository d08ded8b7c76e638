import type { MemberRef } from '@kollegia/events';

import { type DirectoryEntry, memberKey } from './directory';
import { isPublic } from './references';

/**
 * The names a generated document prints. Services keep no names of their own: they come from
 * members' events (the directory read model). For readers of internal material an id whose name has not
 * arrived yet is printed as such rather than left out. A reader who sees published material only
 * (partners, addressees) is printed no name the directory does not show it: an organisation that
 * is not published, or a member the directory does not know, is «организация» / «участник», and
 * the organisation a person spoke for is left out.
 */
export class NameBook {
  private readonly byKey: Map<string, DirectoryEntry>;

  constructor(
    entries: readonly DirectoryEntry[],
    private readonly publishedOnly = false,
  ) {
    this.byKey = new Map(
      entries
        .filter((entry) => !publishedOnly || isPublic(entry))
        .map((entry) => [memberKey(entry), entry]),
    );
  }

  /** An organisation by its short name, where it has one («Минпромторг России»). */
  organization(id: string): string {
    const known = this.byKey.get(memberKey({ kind: 'ORGANIZATION', id }));
    return known ? (known.shortName ?? known.name) : this.unknownOrganization(id);
  }

  /** An organisation by its full name, as a letter is addressed to it. */
  organizationFullName(id: string): string {
    return (
      this.byKey.get(memberKey({ kind: 'ORGANIZATION', id }))?.name ?? this.unknownOrganization(id)
    );
  }

  private unknownOrganization(id: string): string {
    return this.publishedOnly ? 'организация' : `организация ${id}`;
  }

  person(id: string): string {
    const known = this.byKey.get(memberKey({ kind: 'PERSON', id }));
    if (known) return known.name;
    return this.publishedOnly ? 'участник' : `участник ${id}`;
  }

  party(ref: MemberRef): string {
    return ref.kind === 'PERSON' ? this.person(ref.id) : this.organization(ref.id);
  }

  /** Whether the organisation a person spoke for is left out: the reader may not be shown it. */
  omitsOrganization(id: string): boolean {
    return this.publishedOnly && !this.byKey.has(memberKey({ kind: 'ORGANIZATION', id }));
  }
}
