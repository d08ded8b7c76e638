import {
  agendaItemStatusSchema,
  attendanceSchema,
  conferenceKindSchema,
  conferenceStatusSchema,
  memberKindSchema,
  participantRoleSchema,
  resolutionKindSchema,
  resolutionStatusSchema,
  roundtableFormatSchema,
  roundtableStatusSchema,
} from '@kollegia/events';
import { registerEnumType } from 'type-graphql';

/** The GraphQL enums, from the same zod enums the event contracts use. */
export const ConferenceKind = conferenceKindSchema.enum;
export const ConferenceStatus = conferenceStatusSchema.enum;
export const RoundtableFormat = roundtableFormatSchema.enum;
export const RoundtableStatus = roundtableStatusSchema.enum;
export const ParticipantRole = participantRoleSchema.enum;
export const Attendance = attendanceSchema.enum;
export const AgendaItemStatus = agendaItemStatusSchema.enum;
export const ResolutionKind = resolutionKindSchema.enum;
export const ResolutionStatus = resolutionStatusSchema.enum;
/** Same values as members' MemberKind; its own name, since here it is not about membership. */
export const PartyKind = memberKindSchema.enum;

registerEnumType(ConferenceKind, { name: 'ConferenceKind' });
registerEnumType(ConferenceStatus, {
  name: 'ConferenceStatus',
  description: 'PLANNED → OPEN → CLOSED.',
});
registerEnumType(RoundtableFormat, { name: 'RoundtableFormat' });
registerEnumType(RoundtableStatus, {
  name: 'RoundtableStatus',
  description: 'SCHEDULED → LIVE → CONCLUDED, or CANCELLED.',
});
registerEnumType(ParticipantRole, { name: 'ParticipantRole' });
registerEnumType(Attendance, { name: 'Attendance' });
registerEnumType(AgendaItemStatus, {
  name: 'AgendaItemStatus',
  description: 'PENDING → IN_DISCUSSION → DISCUSSED | DEFERRED.',
});
registerEnumType(ResolutionKind, {
  name: 'ResolutionKind',
  description:
    'RECOMMENDATION, CONTROL_ITEM and QUESTION_TO_REGULATOR become recommendations once the round table concludes.',
});
registerEnumType(ResolutionStatus, {
  name: 'ResolutionStatus',
  description:
    'PROPOSED while the round table sits; ADOPTED (frozen) when it concludes, unless WITHDRAWN.',
});
registerEnumType(PartyKind, {
  name: 'PartyKind',
  description: 'Whether a party is an organisation or a person.',
});
