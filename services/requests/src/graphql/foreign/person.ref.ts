import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** The members service's `Person`, referenced by id (a letter's signatory). */
@Directive('@key(fields: "id")')
@ObjectType('Person')
export class PersonRef {
  @Field(() => ID)
  id: string;
}
