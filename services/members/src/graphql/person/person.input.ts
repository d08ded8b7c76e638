import { SearchText } from '@kollegia/service-kit';
import { Field, ID, InputType } from 'type-graphql';

@InputType()
export class RegisterPersonInput {
  @Field()
  fullName: string;

  @Field(() => String, { nullable: true })
  position?: string | null;

  @Field(() => ID, { nullable: true })
  organizationId?: string | null;

  @Field(() => String, { nullable: true })
  email?: string | null;

  @Field(() => String, { nullable: true })
  phone?: string | null;

  @Field(() => [String], { nullable: true })
  expertise?: string[] | null;
}

@InputType({ description: 'Absent fields stay, null clears an optional one.' })
export class UpdatePersonInput {
  @Field(() => String, { nullable: true })
  fullName?: string | null;

  @Field(() => String, { nullable: true })
  position?: string | null;

  @Field(() => ID, { nullable: true })
  organizationId?: string | null;

  @Field(() => String, { nullable: true })
  email?: string | null;

  @Field(() => String, { nullable: true })
  phone?: string | null;

  @Field(() => [String], { nullable: true })
  expertise?: string[] | null;
}

@InputType()
export class PersonFilterInput {
  @SearchText()
  @Field(() => String, {
    nullable: true,
    description: 'Words that must each start a word of the name or position.',
  })
  text?: string | null;

  @Field(() => ID, { nullable: true })
  organizationId?: string | null;

  @Field(() => String, { nullable: true })
  expertise?: string | null;

  @Field(() => ID, { nullable: true, description: 'Active members of this community.' })
  communityId?: string | null;
}
