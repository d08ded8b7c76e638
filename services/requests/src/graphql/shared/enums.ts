import {
  answerOutcomeSchema,
  memberKindSchema,
  organizationKindSchema,
  requestDeadlineStageSchema,
  requestKindSchema,
  requestStatusSchema,
} from '@kollegia/events';
import { registerEnumType } from 'type-graphql';

/** The GraphQL enums, from the same zod enums the event contracts use. */
export const RequestStatus = requestStatusSchema.enum;
export const RequestKind = requestKindSchema.enum;
export const AnswerOutcome = answerOutcomeSchema.enum;
export const RequestDeadlineStage = requestDeadlineStageSchema.enum;
/** Members' enum, with the same values (one zod source), so the supergraph sees one type. */
export const OrganizationKind = organizationKindSchema.enum;
/** Same values as members' MemberKind; its own name, since here it says who signs a letter. */
export const RequestSignatoryKind = memberKindSchema.enum;
export const RequestDeadlineDayCount = { CALENDAR: 'CALENDAR', WORKING: 'WORKING' } as const;
export const RequestTimelineKind = {
  DRAFTED: 'DRAFTED',
  EDITED: 'EDITED',
  SUBMITTED: 'SUBMITTED',
  REGISTERED: 'REGISTERED',
  DEADLINE_EXTENDED: 'DEADLINE_EXTENDED',
  ANSWERED: 'ANSWERED',
  CLOSED: 'CLOSED',
  WITHDRAWN: 'WITHDRAWN',
  DUE_SOON: 'DUE_SOON',
  OVERDUE: 'OVERDUE',
} as const;

registerEnumType(RequestStatus, {
  name: 'RequestStatus',
  description: 'DRAFT → SUBMITTED → REGISTERED → ANSWERED → CLOSED, or WITHDRAWN.',
});
registerEnumType(RequestKind, { name: 'RequestKind', description: 'What a request is.' });
registerEnumType(AnswerOutcome, {
  name: 'AnswerOutcome',
  description: 'What the addressee answered.',
});
registerEnumType(RequestDeadlineStage, {
  name: 'RequestDeadlineStage',
  description: 'Which deadline runs: REGISTRATION while SUBMITTED, ANSWER while REGISTERED.',
});
registerEnumType(OrganizationKind, {
  name: 'OrganizationKind',
  description: 'What kind of body an organisation is.',
});
registerEnumType(RequestSignatoryKind, {
  name: 'RequestSignatoryKind',
  description: 'Whether a letter is signed by a person or an organisation.',
});
registerEnumType(RequestDeadlineDayCount, {
  name: 'RequestDeadlineDayCount',
  description: 'Whether terms count calendar days or working days.',
});
registerEnumType(RequestTimelineKind, {
  name: 'RequestTimelineKind',
  description: 'What happened to a request.',
});
