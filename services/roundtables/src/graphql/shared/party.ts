import type { PartyRef } from '@kollegia/events';
import { createUnionType, Field, ID, InputType } from 'type-graphql';

import { OrganizationRef } from '../foreign/organization.ref';
import { PersonRef } from '../foreign/person.ref';
import { PartyKind } from './enums';

/** An organisation or a person, resolved by the members subgraph. */
export const PartyUnion = createUnionType({
  name: 'Party',
  description: 'An organisation or a person (resolved by the members subgraph).',
  types: () => [OrganizationRef, PersonRef] as const,
  resolveType: (value) =>
    (value as { kind?: string }).kind === 'PERSON' ? 'Person' : 'Organization',
});

/** A party as this subgraph returns it: the reference itself, its kind telling the union apart. */
export const toParty = (ref: PartyRef) => ({ kind: ref.kind, id: ref.id });

@InputType({ description: 'An organisation or a person of the members directory, by id.' })
export class PartyInput {
  @Field(() => PartyKind)
  kind: keyof typeof PartyKind;

  @Field(() => ID)
  id: string;
}
