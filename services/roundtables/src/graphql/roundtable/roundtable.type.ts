import type { PartyRef } from '@kollegia/events';
import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';

import type { AgendaItem, Participant, Resolution } from '../../domain/roundtable';
import { RoundtableFormat, RoundtableStatus } from '../shared/enums';

@ObjectType('MeetingSource', { description: 'Where a meeting’s record was published.' })
export class MeetingSourceType {
  @Field({ description: 'The published report (http or https).' })
  url: string;

  @Field(() => String, { nullable: true })
  title?: string;

  @Field(() => String, { nullable: true })
  publisher?: string;
}

@Directive('@key(fields: "id")')
@ObjectType('Roundtable', {
  description:
    'A sitting — round table, panel discussion or working meeting — inside a conference or on its own.',
})
export class RoundtableType {
  @Field(() => ID)
  id: string;

  @Field(() => Int, { description: 'Pass as expectedVersion when changing it.' })
  version: number;

  conferenceId?: string;

  @Field()
  title: string;

  @Field(() => RoundtableFormat)
  format: keyof typeof RoundtableFormat;

  @Field()
  startsAt: Date;

  @Field(() => Date, { nullable: true })
  endsAt?: Date;

  @Field(() => String, {
    nullable: true,
    description: 'The hall or the address; absent when online.',
  })
  venue?: string;

  moderator: PartyRef;

  @Field(() => String, { nullable: true })
  description?: string;

  @Field({ description: 'Visible to partners once concluded; internal otherwise.' })
  published: boolean;

  @Field(() => MeetingSourceType, {
    nullable: true,
    description: 'Where its record was published (a report on an organiser’s site).',
  })
  source?: MeetingSourceType;

  workingGroupId?: string;

  @Field(() => RoundtableStatus)
  status: keyof typeof RoundtableStatus;

  participants: Participant[];
  agenda: AgendaItem[];
  resolutions: Resolution[];

  @Field(() => Int, { description: 'How many lines the minutes have.' })
  statementCount: number;

  @Field(() => Date, { nullable: true, description: 'When it began to sit (when it happened).' })
  startedAt?: Date;

  @Field(() => Date, { nullable: true, description: 'When it concluded (when it happened).' })
  concludedAt?: Date;

  @Field(() => Date, {
    nullable: true,
    description:
      'When its minutes were approved; until then a CONCLUDED round table takes corrections to its minutes.',
  })
  minutesApprovedAt?: Date;

  @Field(() => Date, { nullable: true })
  cancelledAt?: Date;

  @Field(() => String, { nullable: true })
  cancelReason?: string;

  @Field()
  createdAt: Date;

  @Field()
  updatedAt: Date;
}
