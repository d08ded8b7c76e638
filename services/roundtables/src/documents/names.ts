import type { MemberRef } from '@kollegia/events';
import { isPublic, memberKey, type DirectoryEntry } from '@kollegia/service-kit';

/**
 * The names a document prints. This service keeps no names of its own: they come from members'
 * events (the directory read model). For readers of internal material an id whose name has not
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

  organization(id: string): string {
    const known = this.byKey.get(memberKey({ kind: 'ORGANIZATION', id }));
    if (known) return known.shortName ?? known.name;
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
