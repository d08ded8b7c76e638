import type { PartyRef } from '@kollegia/events';
import { Field, ID, Int, ObjectType } from 'type-graphql';

import {
  AgendaItemStatus,
  Attendance,
  ParticipantRole,
  ResolutionKind,
  ResolutionStatus,
} from '../shared/enums';

@ObjectType('Delegation', {
  description:
    "An organisation's people at the table without their names, as the minutes record them.",
})
export class DelegationType {
  @Field({ description: 'Who came, e.g. «руководство и специалисты министерства».' })
  description: string;

  @Field(() => Int, { nullable: true, description: 'How many came, when known.' })
  headCount?: number;
}

@ObjectType('Participant', {
  description:
    'A person, an organisation, or a person speaking for an organisation, at a round table.',
})
export class ParticipantType {
  @Field(() => ID)
  id: string;

  personId?: string;
  organizationId?: string;

  @Field(() => ParticipantRole)
  role: keyof typeof ParticipantRole;

  @Field(() => Attendance)
  attendance: keyof typeof Attendance;

  @Field(() => DelegationType, {
    nullable: true,
    description: "An organisation's people at the table, unnamed.",
  })
  delegation?: DelegationType;
}

@ObjectType('AgendaItem', { description: 'A question of the agenda.' })
export class AgendaItemType {
  @Field(() => ID)
  id: string;

  @Field(() => Int, { description: '1-based place in the agenda.' })
  position: number;

  @Field()
  title: string;

  @Field(() => AgendaItemStatus)
  status: keyof typeof AgendaItemStatus;

  @Field(() => String, { nullable: true, description: 'What its discussion came to.' })
  result?: string;

  @Field(() => Date, { nullable: true, description: 'When it was last taken up.' })
  openedAt?: Date;

  @Field(() => Date, { nullable: true, description: 'When its discussion last ended.' })
  closedAt?: Date;
}

@ObjectType('Resolution', {
  description: 'What a round table resolves: proposed while it sits, adopted when it concludes.',
})
export class ResolutionType {
  @Field(() => ID)
  id: string;

  @Field(() => ResolutionKind)
  kind: keyof typeof ResolutionKind;

  @Field()
  text: string;

  addresseeIds: string[];
  responsible?: PartyRef;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD.' })
  dueDate?: string;

  @Field(() => ID, {
    nullable: true,
    description: 'The question it resolves; the first of agendaItemIds when it resolves several.',
  })
  agendaItemId?: string;

  agendaItemIds?: string[];

  @Field(() => ResolutionStatus)
  status: keyof typeof ResolutionStatus;

  @Field(() => String, { nullable: true })
  withdrawReason?: string;
}
