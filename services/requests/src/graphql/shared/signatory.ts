import type { PartyRef } from '@kollegia/events';
import { createUnionType, Field, ID, InputType } from 'type-graphql';

import { OrganizationRef } from '../foreign/organization.ref';
import { PersonRef } from '../foreign/person.ref';
import { RequestSignatoryKind } from './enums';

/** Who signs a letter: a person (usually) or an organisation, resolved by members. */
export const RequestSignatoryUnion = createUnionType({
  name: 'RequestSignatory',
  description:
    'Who signs a letter: a person or an organisation (resolved by the members subgraph).',
  types: () => [PersonRef, OrganizationRef] as const,
  resolveType: (value) =>
    (value as { kind?: string }).kind === 'ORGANIZATION' ? 'Organization' : 'Person',
});

/** The reference itself: its kind tells the union apart. */
export const toSignatory = (ref: PartyRef) => ({ kind: ref.kind, id: ref.id });

@InputType({ description: 'A person or an organisation of the members directory, by id.' })
export class RequestSignatoryInput {
  @Field(() => RequestSignatoryKind)
  kind: keyof typeof RequestSignatoryKind;

  @Field(() => ID)
  id: string;
}
