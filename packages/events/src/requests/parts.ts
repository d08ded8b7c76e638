import { z } from 'zod';
import { instantSchema, partyRefSchema } from '../roundtables/parts';
import { aggregateIdSchema, calendarDateSchema, textSchema } from '../shared-schemas';
import { answerOutcomeSchema, requestKindSchema, requestStatusSchema } from './enums';

/**
 * What every request event says about the request itself: which one (also the subject), the
 * recommendation it carries out, whom it asks, what kind it is and where it stands, so live
 * watchers (the addressee sees its own requests) need no query.
 */
export const requestHeaderSchema = z.object({
  id: aggregateIdSchema.describe('The request.'),
  recommendationId: aggregateIdSchema
    .optional()
    .describe('The recommendation it was made from, if any.'),
  addresseeId: aggregateIdSchema.describe('The organisation asked.'),
  kind: requestKindSchema,
  status: requestStatusSchema.describe('The status after the event.'),
  outgoingNumber: textSchema
    .optional()
    .describe('Given at submission; unique per tenant and year, e.g. АКИТ-2016/014.'),
});
/** What every request event says about the request itself. */
export type RequestHeader = z.infer<typeof requestHeaderSchema>;

/** A request's letter as every consumer may know it. */
export const requestSnapshotSchema = requestHeaderSchema.extend({
  subject: textSchema.describe('What the letter is about («О …»).'),
  body: textSchema,
  signatory: partyRefSchema.optional().describe('Who signs the letter, usually a person.'),
});
/** A request's letter as every consumer may know it. */
export type RequestSnapshot = z.infer<typeof requestSnapshotSchema>;

/**
 * The deadline that runs, local to the addressee: `dueOn` is the last day on time, `dueAt` the
 * last instant of that day in the addressee's time zone; after it the request is overdue.
 */
export const requestDueSchema = z.object({
  dueOn: calendarDateSchema.describe('The last day on time, in the addressee’s calendar.'),
  dueAt: instantSchema.describe('The last instant of dueOn in the addressee’s time zone.'),
});
/** The deadline that runs. */
export type RequestDue = z.infer<typeof requestDueSchema>;

/** The addressee's letter that carries an answer. */
export const answerDocumentSchema = z.object({
  number: textSchema.describe('The outgoing number the addressee gave its letter.'),
  date: calendarDateSchema,
  url: z.url({ protocol: /^https?$/ }).optional(),
});
/** The addressee's letter that carries an answer. */
export type AnswerDocument = z.infer<typeof answerDocumentSchema>;

/** What the addressee answered. */
export const requestAnswerSchema = z.object({
  text: textSchema.describe('The answer, or its summary.'),
  outcome: answerOutcomeSchema,
  document: answerDocumentSchema.optional(),
  answeredAt: instantSchema.describe('When the answer arrived.'),
});
/** What the addressee answered. */
export type RequestAnswer = z.infer<typeof requestAnswerSchema>;
