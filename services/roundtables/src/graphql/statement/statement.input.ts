import { LongText } from '@kollegia/service-kit';
import { Field, ID, InputType } from 'type-graphql';

import { PartyInput } from '../shared/party';

@InputType({ description: 'A line for the minutes of a LIVE round table.' })
export class RecordStatementInput {
  @Field(() => PartyInput, { description: 'The moderator or a registered participant.' })
  speaker: PartyInput;

  @Field(() => ID, {
    nullable: true,
    description: 'The question spoken to; it must be the one IN_DISCUSSION.',
  })
  agendaItemId?: string | null;

  @LongText()
  @Field()
  text: string;
}
