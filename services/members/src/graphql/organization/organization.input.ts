import { LongText, SearchText } from '@kollegia/service-kit';
import { Field, ID, InputType } from 'type-graphql';

import { OrganizationKind, OrganizationStatus } from '../shared/enums';

@InputType({ description: 'A new organisation card.' })
export class RegisterOrganizationInput {
  @Field()
  name: string;

  @Field(() => String, { nullable: true, description: 'Defaults to the name.' })
  shortName?: string | null;

  @Field(() => OrganizationKind)
  kind: keyof typeof OrganizationKind;

  @Field(() => String, {
    nullable: true,
    description: 'ISO 3166-1 alpha-2 code of its country, e.g. RU, BY (default RU).',
  })
  country?: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'ISO 3166-2 code of the subdivision of its country where it sits, e.g. RU-MOW, BY-HM. Required (or region).',
  })
  subdivision?: string | null;

  @Field(() => String, { nullable: true, deprecationReason: 'Use subdivision (the same code).' })
  region?: string | null;

  @LongText()
  @Field(() => String, { nullable: true, description: 'What it does, its role.' })
  description?: string | null;

  @Field(() => [String], { nullable: true })
  industries?: string[] | null;

  @Field(() => String, { nullable: true })
  inn?: string | null;

  @Field(() => String, { nullable: true })
  ogrn?: string | null;

  @Field(() => String, { nullable: true })
  website?: string | null;

  @Field(() => ID, { nullable: true })
  parentId?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Visible to partners (default false).' })
  published?: boolean | null;
}

@InputType({
  description: 'Changes to an organisation card: absent fields stay, null clears an optional one.',
})
export class UpdateOrganizationInput {
  @Field(() => String, { nullable: true })
  name?: string | null;

  @Field(() => String, { nullable: true })
  shortName?: string | null;

  @Field(() => OrganizationKind, { nullable: true })
  kind?: keyof typeof OrganizationKind | null;

  @Field(() => String, {
    nullable: true,
    description: 'ISO 3166-1 alpha-2 code of its country, e.g. RU, BY.',
  })
  country?: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'ISO 3166-2 code of the subdivision of its country where it sits, e.g. RU-MOW, BY-HM.',
  })
  subdivision?: string | null;

  @Field(() => String, { nullable: true, deprecationReason: 'Use subdivision (the same code).' })
  region?: string | null;

  @LongText()
  @Field(() => String, { nullable: true, description: 'What it does, its role.' })
  description?: string | null;

  @Field(() => [String], { nullable: true })
  industries?: string[] | null;

  @Field(() => String, { nullable: true })
  inn?: string | null;

  @Field(() => String, { nullable: true })
  ogrn?: string | null;

  @Field(() => String, { nullable: true })
  website?: string | null;

  @Field(() => ID, { nullable: true })
  parentId?: string | null;

  @Field(() => Boolean, { nullable: true })
  published?: boolean | null;
}

@InputType({ description: 'Narrows the directory; all given conditions must hold.' })
export class OrganizationFilterInput {
  @SearchText()
  @Field(() => String, {
    nullable: true,
    description:
      'Words that must each start a word of the name, short name, INN or OGRN (case- and ё-insensitive).',
  })
  text?: string | null;

  @Field(() => OrganizationKind, { nullable: true })
  kind?: keyof typeof OrganizationKind | null;

  @Field(() => String, { nullable: true, description: 'ISO 3166-1 alpha-2, e.g. BY.' })
  country?: string | null;

  @Field(() => String, { nullable: true, description: 'ISO 3166-2, e.g. BY-HM.' })
  subdivision?: string | null;

  @Field(() => String, { nullable: true, deprecationReason: 'Use subdivision (the same code).' })
  region?: string | null;

  @Field(() => String, { nullable: true })
  industry?: string | null;

  @Field(() => OrganizationStatus, { nullable: true })
  status?: keyof typeof OrganizationStatus | null;

  @Field(() => ID, { nullable: true, description: 'Active members of this community.' })
  communityId?: string | null;
}
