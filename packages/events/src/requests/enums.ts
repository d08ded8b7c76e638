import { z } from 'zod';

/** Where a request is: `DRAFT → SUBMITTED → REGISTERED → ANSWERED → CLOSED`, or `WITHDRAWN`. */
export const requestStatusSchema = z.enum([
  'DRAFT',
  'SUBMITTED',
  'REGISTERED',
  'ANSWERED',
  'CLOSED',
  'WITHDRAWN',
]);
/** Where a request is. */
export type RequestStatus = z.infer<typeof requestStatusSchema>;

/** What a request (обращение) is. */
export const requestKindSchema = z.enum(['APPEAL', 'PROPOSAL', 'QUESTION', 'INFORMATION_REQUEST']);
/** What a request is. */
export type RequestKind = z.infer<typeof requestKindSchema>;

/** What the addressee answered. */
export const answerOutcomeSchema = z.enum([
  'ACCEPTED',
  'PARTIALLY_ACCEPTED',
  'DECLINED',
  'INFORMATION_ONLY',
]);
/** What the addressee answered. */
export type AnswerOutcome = z.infer<typeof answerOutcomeSchema>;

/**
 * Which deadline of a request runs: registration at the addressee (while `SUBMITTED`) or the
 * answer (while `REGISTERED`).
 */
export const requestDeadlineStageSchema = z.enum(['REGISTRATION', 'ANSWER']);
/** Which deadline of a request runs. */
export type RequestDeadlineStage = z.infer<typeof requestDeadlineStageSchema>;
