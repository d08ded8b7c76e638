import { LongText, SearchText } from '@kollegia/service-kit';
import { Field, ID, InputType } from 'type-graphql';

import { CommunityKind, CommunityStatus } from '../shared/enums';

@InputType()
export class FormCommunityInput {
  @Field()
  name: string;

  @Field(() => CommunityKind)
  kind: keyof typeof CommunityKind;

  @LongText()
  @Field(() => String, { nullable: true })
  description?: string | null;

  @Field(() => ID, { nullable: true })
  parentId?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Last day of a temporary community (YYYY-MM-DD).',
  })
  validUntil?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Visible to partners (default false).' })
  published?: boolean | null;
}

@InputType({ description: 'Absent fields stay, null clears an optional one.' })
export class UpdateCommunityInput {
  @Field(() => String, { nullable: true })
  name?: string | null;

  @Field(() => CommunityKind, { nullable: true })
  kind?: keyof typeof CommunityKind | null;

  @LongText()
  @Field(() => String, { nullable: true })
  description?: string | null;

  @Field(() => ID, { nullable: true })
  parentId?: string | null;

  @Field(() => String, { nullable: true })
  validUntil?: string | null;

  @Field(() => Boolean, { nullable: true })
  published?: boolean | null;
}

@InputType()
export class CommunityFilterInput {
  @SearchText()
  @Field(() => String, { nullable: true })
  text?: string | null;

  @Field(() => CommunityKind, { nullable: true })
  kind?: keyof typeof CommunityKind | null;

  @Field(() => CommunityStatus, { nullable: true })
  status?: keyof typeof CommunityStatus | null;

  @Field(() => ID, { nullable: true })
  parentId?: string | null;
}
