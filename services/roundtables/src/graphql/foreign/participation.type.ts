import { Connection } from '@kollegia/service-kit';
import { Field, ObjectType } from 'type-graphql';

import type { Participation } from '../../application/roundtables';
import type { Roundtable } from '../../domain/roundtable';
import { RoundtableType } from '../roundtable/roundtable.type';
import { Attendance, ParticipantRole } from '../shared/enums';

@ObjectType('Participation', { description: 'A place at one round table.' })
export class ParticipationType {
  @Field(() => RoundtableType)
  roundtable: Roundtable;

  @Field(() => ParticipantRole, { description: 'MODERATOR when only moderating.' })
  role: keyof typeof ParticipantRole;

  @Field(() => Attendance, { nullable: true, description: 'Absent when only moderating.' })
  attendance?: keyof typeof Attendance;

  organizationId?: string;
}

export function toParticipationType(participation: Participation): ParticipationType {
  const { participant } = participation;
  return {
    roundtable: participation.roundtable,
    role: participant?.role ?? 'MODERATOR',
    ...(participant ? { attendance: participant.attendance } : {}),
    ...(participant?.organizationId ? { organizationId: participant.organizationId } : {}),
  };
}

@ObjectType()
export class ParticipationConnection extends Connection(ParticipationType, 'Participation') {}
