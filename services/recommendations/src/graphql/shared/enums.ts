import {
  addresseePositionStatusSchema,
  memberKindSchema,
  recommendationActionTypeSchema,
  recommendationPrioritySchema,
  recommendationStatusSchema,
} from '@kollegia/events';
import { registerEnumType } from 'type-graphql';

/** The GraphQL enums, from the same zod enums the event contracts use. */
export const RecommendationStatus = recommendationStatusSchema.enum;
export const RecommendationActionType = recommendationActionTypeSchema.enum;
export const RecommendationPriority = recommendationPrioritySchema.enum;
export const AddresseePositionStatus = addresseePositionStatusSchema.enum;
/** Same values as members' MemberKind; named for this subgraph so no enum is shared by accident. */
export const RecommendationPartyKind = memberKindSchema.enum;

/** What a timeline entry records: the event that announced it, by name. */
export const TimelineEntryTypes = {
  DRAFTED: 'DRAFTED',
  PROPOSED: 'PROPOSED',
  REVISED: 'REVISED',
  ADOPTED: 'ADOPTED',
  REJECTED: 'REJECTED',
  WITHDRAWN: 'WITHDRAWN',
  SUPERSEDED: 'SUPERSEDED',
  RENUMBERED: 'RENUMBERED',
  ENDORSED: 'ENDORSED',
  ENDORSEMENT_WITHDRAWN: 'ENDORSEMENT_WITHDRAWN',
  PROGRESS_REPORTED: 'PROGRESS_REPORTED',
  IN_PROGRESS: 'IN_PROGRESS',
  IMPLEMENTED: 'IMPLEMENTED',
  PARTLY_IMPLEMENTED: 'PARTLY_IMPLEMENTED',
  DUE_SOON: 'DUE_SOON',
  OVERDUE: 'OVERDUE',
  REVIEW_DUE: 'REVIEW_DUE',
  REQUEST_RECORDED: 'REQUEST_RECORDED',
} as const;

registerEnumType(RecommendationStatus, {
  name: 'RecommendationStatus',
  description:
    'DRAFT → PROPOSED → ADOPTED → IN_PROGRESS → IMPLEMENTED | PARTIALLY_IMPLEMENTED, or REJECTED, WITHDRAWN, SUPERSEDED.',
});
registerEnumType(RecommendationActionType, {
  name: 'RecommendationActionType',
  description:
    'What a recommendation asks for; APPEAL, PROPOSAL, QUESTION (a question to a regulator) and LEGISLATIVE_INITIATIVE become requests to the addressees once adopted.',
});
registerEnumType(RecommendationPriority, { name: 'RecommendationPriority' });
registerEnumType(AddresseePositionStatus, {
  name: 'AddresseePositionStatus',
  description: 'PENDING until the addressee answers a request made from it, then its answer.',
});
registerEnumType(RecommendationPartyKind, {
  name: 'RecommendationPartyKind',
  description: 'Whether a party is an organisation or a person.',
});
registerEnumType(TimelineEntryTypes, {
  name: 'RecommendationTimelineEntryType',
  description: 'The event a timeline entry records (recommendation.<name>.v1).',
});

/** `request-recorded` → `REQUEST_RECORDED`. */
export function timelineEntryType(eventName: string): keyof typeof TimelineEntryTypes {
  return eventName.toUpperCase().replace(/-/g, '_') as keyof typeof TimelineEntryTypes;
}
