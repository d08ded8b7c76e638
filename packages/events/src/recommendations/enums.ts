import { z } from 'zod';

/**
 * Where a recommendation is: `DRAFT → PROPOSED → ADOPTED → IN_PROGRESS → IMPLEMENTED |
 * PARTIALLY_IMPLEMENTED`, or `REJECTED`, `WITHDRAWN`, `SUPERSEDED`.
 */
export const recommendationStatusSchema = z.enum([
  'DRAFT',
  'PROPOSED',
  'ADOPTED',
  'IN_PROGRESS',
  'IMPLEMENTED',
  'PARTIALLY_IMPLEMENTED',
  'REJECTED',
  'WITHDRAWN',
  'SUPERSEDED',
]);
/** Where a recommendation is. */
export type RecommendationStatus = z.infer<typeof recommendationStatusSchema>;

/**
 * What a recommendation asks for. `APPEAL`, `PROPOSAL`, `QUESTION` (a question to a regulator) and
 * `LEGISLATIVE_INITIATIVE` are sent to the addressees as requests once adopted (DESIGN.md section
 * 4); the others are carried out by the responsible party. `QUESTION` was added within v1.
 */
export const recommendationActionTypeSchema = z.enum([
  'APPEAL',
  'PROPOSAL',
  'QUESTION',
  'CONTINUE_WORK',
  'DEVELOP_MATERIALS',
  'CREATE_BODY',
  'LEGISLATIVE_INITIATIVE',
  'OTHER',
]);
/** What a recommendation asks for. */
export type RecommendationActionType = z.infer<typeof recommendationActionTypeSchema>;

/** How urgent a recommendation is. */
export const recommendationPrioritySchema = z.enum(['LOW', 'NORMAL', 'HIGH']);
/** How urgent a recommendation is. */
export type RecommendationPriority = z.infer<typeof recommendationPrioritySchema>;

/**
 * Where one addressee stands on a recommendation: `PENDING` until it answers a request made from
 * it, then the outcome of its latest answer.
 */
export const addresseePositionStatusSchema = z.enum([
  'PENDING',
  'ACCEPTED',
  'PARTIALLY_ACCEPTED',
  'DECLINED',
  'INFORMATION_ONLY',
]);
/** Where one addressee stands on a recommendation. */
export type AddresseePositionStatus = z.infer<typeof addresseePositionStatusSchema>;

/** What happened to a request made from a recommendation, as the recommendation records it. */
export const requestFactKindSchema = z.enum([
  'SUBMITTED',
  'REGISTERED',
  'DUE_SOON',
  'ANSWERED',
  'OVERDUE',
]);
/** What happened to a request made from a recommendation. */
export type RequestFactKind = z.infer<typeof requestFactKindSchema>;
