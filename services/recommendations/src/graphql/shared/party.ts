import type { PartyRef } from '@kollegia/events';
import { createUnionType, Field, ID, InputType, ObjectType } from 'type-graphql';

import { OrganizationRef } from '../foreign/organization.ref';
import { PersonRef } from '../foreign/person.ref';
import { RecommendationPartyKind } from './enums';

/** An organisation or a person, resolved by the members subgraph. */
export const RecommendationPartyUnion = createUnionType({
  name: 'RecommendationParty',
  description: 'An organisation or a person (resolved by the members subgraph).',
  types: () => [OrganizationRef, PersonRef] as const,
  resolveType: (value) =>
    (value as { kind?: string }).kind === 'PERSON' ? 'Person' : 'Organization',
});

/** The addressees together, when every one of them declined. */
@ObjectType('RecommendationAddressees', {
  description: 'The addressees together: every one of them declined.',
})
export class RecommendationAddresseesType {
  @Field(() => [OrganizationRef])
  organizations: OrganizationRef[];

  kind: 'ADDRESSEES';
}

/** Who decided a recommendation's fate. */
export const RecommendationDecisionMakerUnion = createUnionType({
  name: 'RecommendationDecisionMaker',
  description:
    'Who decided: an organisation or a person of the association, or the addressees when every one declined.',
  types: () => [OrganizationRef, PersonRef, RecommendationAddresseesType] as const,
  resolveType: (value) => {
    const kind = (value as { kind?: string }).kind;
    if (kind === 'ADDRESSEES') return 'RecommendationAddressees';
    return kind === 'PERSON' ? 'Person' : 'Organization';
  },
});

export const toParty = (ref: PartyRef) => ({ kind: ref.kind, id: ref.id });

@InputType({ description: 'An organisation or a person of the members directory, by id.' })
export class RecommendationPartyInput {
  @Field(() => RecommendationPartyKind)
  kind: keyof typeof RecommendationPartyKind;

  @Field(() => ID)
  id: string;
}
