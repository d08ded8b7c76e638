import { LongText, SearchText } from '@kollegia/service-kit';
import { Field, ID, InputType } from 'type-graphql';

import { ConferenceKind, ConferenceStatus } from '../shared/enums';

@InputType({ description: 'A new conference.' })
export class ScheduleConferenceInput {
  @Field()
  title: string;

  @Field(() => ConferenceKind)
  kind: keyof typeof ConferenceKind;

  @Field({ description: 'First day, YYYY-MM-DD.' })
  startsOn: string;

  @Field({ description: 'Last day, YYYY-MM-DD (the first day for a one-day conference).' })
  endsOn: string;

  @Field()
  city: string;

  @Field(() => String, { nullable: true })
  venue?: string | null;

  @Field(() => [ID], { nullable: true, description: 'The organising organisations.' })
  organizerIds?: string[] | null;

  @LongText()
  @Field(() => String, { nullable: true })
  description?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Visible to partners (default false).' })
  published?: boolean | null;
}

@InputType({
  description:
    'Changes to a conference: absent fields stay, null clears an optional one. Rescheduling is a change of startsOn / endsOn.',
})
export class UpdateConferenceInput {
  @Field(() => String, { nullable: true })
  title?: string | null;

  @Field(() => ConferenceKind, { nullable: true })
  kind?: keyof typeof ConferenceKind | null;

  @Field(() => String, { nullable: true })
  startsOn?: string | null;

  @Field(() => String, { nullable: true })
  endsOn?: string | null;

  @Field(() => String, { nullable: true })
  city?: string | null;

  @Field(() => String, { nullable: true })
  venue?: string | null;

  @Field(() => [ID], { nullable: true })
  organizerIds?: string[] | null;

  @LongText()
  @Field(() => String, { nullable: true })
  description?: string | null;

  @Field(() => Boolean, { nullable: true })
  published?: boolean | null;
}

@InputType({ description: 'Narrows the conferences; all given conditions must hold.' })
export class ConferenceFilterInput {
  @Field(() => ConferenceStatus, { nullable: true })
  status?: keyof typeof ConferenceStatus | null;

  @Field(() => String, {
    nullable: true,
    description: 'Conferences that end on or after this day (YYYY-MM-DD).',
  })
  from?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Conferences that start on or before this day (YYYY-MM-DD).',
  })
  to?: string | null;

  @Field(() => String, { nullable: true, description: 'The city (case- and ё-insensitive).' })
  city?: string | null;

  @Field(() => ID, { nullable: true, description: 'An organising organisation.' })
  organizerId?: string | null;

  @SearchText()
  @Field(() => String, {
    nullable: true,
    description:
      'Words that must each start a word of the title, city, venue or description (case- and ё-insensitive).',
  })
  text?: string | null;
}
