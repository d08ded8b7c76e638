import { LongText, SearchText } from '@kollegia/service-kit';
import { Field, ID, InputType, Int } from 'type-graphql';

import { PartyInput } from '../shared/party';
import { RoundtableFormat, RoundtableStatus } from '../shared/enums';

@InputType({ description: 'Where a meeting’s record was published.' })
export class MeetingSourceInput {
  @Field({ description: 'The published report: an http(s) address.' })
  url: string;

  @Field(() => String, { nullable: true, description: 'Its title as published.' })
  title?: string | null;

  @Field(() => String, { nullable: true, description: 'Who published it.' })
  publisher?: string | null;
}

@InputType({ description: 'A new round table, inside a conference or on its own.' })
export class ScheduleRoundtableInput {
  @Field(() => ID, { nullable: true, description: 'The conference it sits in.' })
  conferenceId?: string | null;

  @Field()
  title: string;

  @Field(() => RoundtableFormat)
  format: keyof typeof RoundtableFormat;

  @Field()
  startsAt: Date;

  @Field(() => Date, { nullable: true })
  endsAt?: Date | null;

  @Field(() => String, { nullable: true })
  venue?: string | null;

  @Field(() => PartyInput)
  moderator: PartyInput;

  @LongText()
  @Field(() => String, { nullable: true })
  description?: string | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'Visible to partners once concluded (default false).',
  })
  published?: boolean | null;

  @Field(() => MeetingSourceInput, {
    nullable: true,
    description: 'Where its record was published.',
  })
  source?: MeetingSourceInput | null;

  @Field(() => ID, {
    nullable: true,
    description: 'The community (a working group, from members) that held it.',
  })
  workingGroupId?: string | null;
}

@InputType({
  description:
    'Changes to a round table but its time and place: absent fields stay, null clears an optional one.',
})
export class UpdateRoundtableInput {
  @Field(() => String, { nullable: true })
  title?: string | null;

  @Field(() => RoundtableFormat, { nullable: true })
  format?: keyof typeof RoundtableFormat | null;

  @Field(() => PartyInput, { nullable: true })
  moderator?: PartyInput | null;

  @LongText()
  @Field(() => String, { nullable: true })
  description?: string | null;

  @Field(() => Boolean, { nullable: true })
  published?: boolean | null;

  @Field(() => MeetingSourceInput, {
    nullable: true,
    description: 'Where its record was published; null clears it.',
  })
  source?: MeetingSourceInput | null;

  @Field(() => ID, {
    nullable: true,
    description: 'The community (a working group, from members) that held it.',
  })
  workingGroupId?: string | null;
}

@InputType({ description: 'A new time or place: absent fields stay, null clears endsAt or venue.' })
export class RescheduleRoundtableInput {
  @Field(() => Date, { nullable: true })
  startsAt?: Date | null;

  @Field(() => Date, { nullable: true })
  endsAt?: Date | null;

  @Field(() => String, { nullable: true })
  venue?: string | null;
}

@InputType({
  description:
    'When a CONCLUDED sitting really sat, its minutes not yet approved: questions and statements move with it, in proportion.',
})
export class RedateSittingInput {
  @Field(() => ID)
  id: string;

  @Field(() => Int)
  expectedVersion: number;

  @Field({ description: 'When it began to sit (not in the future).' })
  startedAt: Date;

  @Field({ description: 'When it concluded: after startedAt, not in the future.' })
  concludedAt: Date;
}

@InputType({ description: 'Narrows the round tables; all given conditions must hold.' })
export class RoundtableFilterInput {
  @Field(() => RoundtableStatus, { nullable: true })
  status?: keyof typeof RoundtableStatus | null;

  @Field(() => ID, { nullable: true })
  conferenceId?: string | null;

  @Field(() => Date, { nullable: true, description: 'Starting at or after this instant.' })
  startsFrom?: Date | null;

  @Field(() => Date, { nullable: true, description: 'Starting before this instant.' })
  startsBefore?: Date | null;

  @Field(() => String, { nullable: true, description: 'The city of its conference.' })
  city?: string | null;

  @Field(() => ID, {
    nullable: true,
    description: 'An organisation organising it (as ORGANIZER, or through its conference).',
  })
  organizerId?: string | null;

  @Field(() => ID, {
    nullable: true,
    description: 'A person or organisation at the table (moderator or participant).',
  })
  participantId?: string | null;

  @Field(() => ID, { nullable: true, description: 'The working group that held it.' })
  workingGroupId?: string | null;

  @SearchText()
  @Field(() => String, {
    nullable: true,
    description:
      'Words that must each start a word of the title, venue, description or agenda (case- and ё-insensitive).',
  })
  text?: string | null;
}
