import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** The roundtables service's `Roundtable`, referenced by id; this subgraph adds its recommendations. */
@Directive('@key(fields: "id")')
@ObjectType('Roundtable')
export class RoundtableRef {
  @Field(() => ID)
  id: string;
}
