import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';

@ObjectType('Contacts', { description: 'Personal contacts: visible to members and above only.' })
export class ContactsType {
  @Field(() => String, { nullable: true })
  email?: string;

  @Field(() => String, { nullable: true })
  phone?: string;
}

@Directive('@key(fields: "id")')
@ObjectType('Person', { description: 'A person who speaks for an organisation.' })
export class PersonType {
  @Field(() => ID)
  id: string;

  @Field(() => Int)
  version: number;

  @Field()
  fullName: string;

  @Field(() => String, { nullable: true })
  position?: string;

  organizationId?: string;

  @Field(() => [String])
  expertise: string[];

  @Field()
  createdAt: Date;

  @Field()
  updatedAt: Date;
}
