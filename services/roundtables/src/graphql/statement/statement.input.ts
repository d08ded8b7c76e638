import { LongText } from '@kollegia/service-kit';
import { Field, ID, InputType } from 'type-graphql';

import { PartyInput } from '../shared/party';

@InputType({
  description:
    'A line for the minutes: of a LIVE round table, or typed up once CONCLUDED until the minutes are approved.',
})
export class RecordStatementInput {
  @Field(() => PartyInput, { description: 'The moderator or a registered participant.' })
  speaker: PartyInput;

  @Field(() => ID, {
    nullable: true,
    description:
      'The question spoken to: while LIVE the one IN_DISCUSSION; once CONCLUDED any question of the agenda.',
  })
  agendaItemId?: string | null;

  @Field(() => Date, {
    nullable: true,
    description:
      'When it was said: while LIVE default now; once CONCLUDED required. Within the sitting (not before it began, not after it concluded).',
  })
  occurredAt?: Date | null;

  @LongText()
  @Field()
  text: string;
}

@InputType({
  description:
    'A correction of a line of the minutes: absent fields stay; agendaItemId null takes it off its question.',
})
export class CorrectStatementInput {
  @Field(() => PartyInput, { nullable: true, description: 'The moderator or a participant.' })
  speaker?: PartyInput | null;

  @Field(() => ID, { nullable: true, description: 'Any question of the agenda.' })
  agendaItemId?: string | null;

  @LongText()
  @Field(() => String, { nullable: true })
  text?: string | null;

  @Field(() => Date, { nullable: true, description: 'When it was said: within the sitting.' })
  occurredAt?: Date | null;
}
