import type { PartyRef } from '@kollegia/events';
import { Field, ID, Int, ObjectType } from 'type-graphql';

@ObjectType('Statement', { description: 'One line of the minutes.' })
export class StatementType {
  @Field(() => ID)
  id: string;

  roundtableId: string;

  @Field(() => Int, { description: 'Order within the round table: 1, 2, 3, … never reused.' })
  sequence: number;

  speaker: PartyRef;

  @Field(() => ID, { nullable: true, description: 'The question spoken to, if any.' })
  agendaItemId?: string;

  @Field()
  text: string;

  @Field({ description: 'When it was entered (the server clock).' })
  recordedAt: Date;

  @Field({ description: 'When it was said (recordedAt when typed live).' })
  occurredAt: Date;
}
