import { Directive, Field, ID, ObjectType } from 'type-graphql';

/**
 * The members service's `Person`, referenced by id. Resolvable here because this subgraph
 * contributes `Person.participations`; every other field comes from members.
 */
@Directive('@key(fields: "id")')
@ObjectType('Person')
export class PersonRef {
  @Field(() => ID)
  id: string;
}

export const personRef = (id: string): PersonRef => ({ id });
