import type { PartyRef } from '@kollegia/events';
import { Field, ID, Int, ObjectType } from 'type-graphql';

import {
  AgendaItemStatus,
  Attendance,
  ParticipantRole,
  ResolutionKind,
  ResolutionStatus,
} from '../shared/enums';

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

  @Field(() => ID, { nullable: true, description: 'The question it resolves.' })
  agendaItemId?: string;

  @Field(() => ResolutionStatus)
  status: keyof typeof ResolutionStatus;

  @Field(() => String, { nullable: true })
  withdrawReason?: string;
}
