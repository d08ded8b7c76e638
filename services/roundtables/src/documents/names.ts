import type { PartyRef } from '@kollegia/events';

/** What the service keeps of a member's name (see db/party-name.*). */
export interface PartyName {
  kind: PartyRef['kind'];
  id: string;
  name: string;
  /** Organisations: the name used in lists and documents. */
  shortName?: string;
}

/**
 * The names a document prints. This service keeps no names of its own: they come from the
 * members' events (the `party_names` read model); an id whose name has not arrived yet is printed
 * as such rather than left out.
 */
export class NameBook {
  private readonly byKey: Map<string, PartyName>;

  constructor(names: readonly PartyName[]) {
    this.byKey = new Map(names.map((name) => [`${name.kind}:${name.id}`, name]));
  }

  organization(id: string): string {
    const known = this.byKey.get(`ORGANIZATION:${id}`);
    return known ? (known.shortName ?? known.name) : `организация ${id}`;
  }

  person(id: string): string {
    return this.byKey.get(`PERSON:${id}`)?.name ?? `участник ${id}`;
  }

  party(ref: PartyRef): string {
    return ref.kind === 'PERSON' ? this.person(ref.id) : this.organization(ref.id);
  }
}
