import { Directive, Field, ID, ObjectType } from 'type-graphql';

/**
 * The roundtables service's `Conference`, referenced by id; this subgraph contributes its
 * recommendations and their counts.
 */
@Directive('@key(fields: "id")')
@ObjectType('Conference')
export class ConferenceRef {
  @Field(() => ID)
  id: string;
}
