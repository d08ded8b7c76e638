import { LongText } from '@kollegia/service-kit';
import { Field, ID, InputType, Int } from 'type-graphql';

import { ResolutionKind, RoundtableFormat } from '../shared/enums';
import { PartyInput } from '../shared/party';
import { RegisterParticipantInput } from './parts.input';
import { MeetingSourceInput } from './roundtable.input';

@InputType({ description: 'A question of a recorded sitting, with what its discussion came to.' })
export class RecordedQuestionInput {
  @Field()
  title: string;

  @LongText()
  @Field(() => String, { nullable: true, description: 'What the discussion came to.' })
  result?: string | null;

  @Field(() => Boolean, {
    nullable: true,
    description:
      'Put off to a later sitting (отложен): deferred after its last statement, or at the end of ' +
      'what is on record when nothing was said on it. A deferred question has no result.',
  })
  deferred?: boolean | null;

  @LongText()
  @Field(() => String, { nullable: true, description: 'Why it was put off.' })
  deferReason?: string | null;
}

@InputType({ description: 'A line of the minutes of a recorded sitting.' })
export class RecordedStatementInput {
  @Field(() => PartyInput, { description: 'The moderator or one of the participants.' })
  speaker: PartyInput;

  @Field(() => Int, {
    nullable: true,
    description: 'The question spoken to: its 1-based place in the agenda.',
  })
  question?: number | null;

  @LongText()
  @Field()
  text: string;

  @Field({
    description:
      'When it was said: within the sitting, and not before the statement above it (statements go in the order said).',
  })
  occurredAt: Date;
}

@InputType({ description: 'A resolution of a recorded sitting; adopted as the sitting concludes.' })
export class RecordedResolutionInput {
  @Field(() => ResolutionKind)
  kind: keyof typeof ResolutionKind;

  @LongText()
  @Field()
  text: string;

  @Field(() => [ID], { nullable: true, description: 'The organisations it is addressed to.' })
  addresseeIds?: string[] | null;

  @Field(() => PartyInput, { nullable: true, description: 'Who answers for carrying it out.' })
  responsible?: PartyInput | null;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD.' })
  dueDate?: string | null;

  @Field(() => [Int], {
    nullable: true,
    description: 'The questions it resolves (one or more): their 1-based places in the agenda.',
  })
  questions?: number[] | null;
}

@InputType({
  description:
    'A concluded sitting as its minutes record it: recorded in one go with the events a live sitting would have announced.',
})
export class RecordSittingInput {
  @Field(() => ID, {
    nullable: true,
    description: 'The conference it sat in (a CLOSED one too).',
  })
  conferenceId?: string | null;

  @Field()
  title: string;

  @Field(() => RoundtableFormat)
  format: keyof typeof RoundtableFormat;

  @Field(() => PartyInput)
  moderator: PartyInput;

  @Field(() => String, { nullable: true })
  venue?: string | null;

  @LongText()
  @Field(() => String, { nullable: true })
  description?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Visible to partners (default false).' })
  published?: boolean | null;

  @Field(() => MeetingSourceInput, {
    nullable: true,
    description: 'Where its record was published (the report typed up from).',
  })
  source?: MeetingSourceInput | null;

  @Field(() => ID, {
    nullable: true,
    description: 'The community (a working group, from members) that held it.',
  })
  workingGroupId?: string | null;

  @Field({ description: 'When it began to sit (not in the future).' })
  startedAt: Date;

  @Field({ description: 'When it concluded: after startedAt, not in the future.' })
  concludedAt: Date;

  @Field(() => [RegisterParticipantInput], {
    nullable: true,
    description: 'People, organisations, people for organisations, or unnamed delegations.',
  })
  participants?: RegisterParticipantInput[] | null;

  @Field(() => [RecordedQuestionInput], { nullable: true, description: 'The agenda, in order.' })
  agenda?: RecordedQuestionInput[] | null;

  @Field(() => [RecordedStatementInput], {
    nullable: true,
    description: 'The minutes, line by line, in the order said (at most 1000).',
  })
  statements?: RecordedStatementInput[] | null;

  @Field(() => [RecordedResolutionInput], { nullable: true })
  resolutions?: RecordedResolutionInput[] | null;
}
