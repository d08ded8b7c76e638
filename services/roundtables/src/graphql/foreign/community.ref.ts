import { Directive, Field, ID, ObjectType } from 'type-graphql';

/**
 * The members service's `Community` (a working group, a committee, …), referenced by id: this
 * subgraph adds no field to it, so it does not resolve it (`resolvable: false`); members answers
 * every field, and whether the caller may see it.
 */
@Directive('@key(fields: "id", resolvable: false)')
@ObjectType('Community')
export class CommunityRef {
  @Field(() => ID)
  id: string;
}
