import { z } from 'zod';
import { instantSchema, partyRefSchema } from '../roundtables/parts';
import { answerOutcomeSchema } from '../requests/enums';
import { aggregateIdSchema, calendarDateSchema, textSchema } from '../shared-schemas';
import {
  addresseePositionStatusSchema,
  recommendationActionTypeSchema,
  recommendationPrioritySchema,
  recommendationStatusSchema,
  requestFactKindSchema,
} from './enums';

/** Where a recommendation came from; all absent when it was drafted by hand. */
export const recommendationSourceSchema = z.object({
  conferenceId: aggregateIdSchema.optional(),
  roundtableId: aggregateIdSchema.optional(),
  resolutionId: aggregateIdSchema
    .optional()
    .describe('The round table resolution it was created from.'),
  meetingDate: calendarDateSchema
    .optional()
    .describe(
      "The day the meeting it came from was held, in the workspace's time zone; the year of its " +
        'code. Absent on recommendations recorded before it was kept, and on ones drafted by ' +
        'hand without it (their code takes the year they were recorded in).',
    ),
});
/** Where a recommendation came from. */
export type RecommendationSource = z.infer<typeof recommendationSourceSchema>;

/**
 * What every recommendation event says about the recommendation itself: which one (also the
 * subject), how it is shown, where it stands, whom it addresses and whether partners may see it,
 * so live watchers can show and filter it (an addressee sees what is addressed to it) without a
 * query.
 */
export const recommendationHeaderSchema = z.object({
  id: aggregateIdSchema.describe('The recommendation.'),
  code: textSchema.describe('Unique per tenant, e.g. R-2016-04 (the fourth of 2016).'),
  title: textSchema,
  status: recommendationStatusSchema.describe('The status after the event.'),
  addresseeIds: z.array(aggregateIdSchema).describe('The organisations it is addressed to.'),
  published: z
    .boolean()
    .describe('Visible to partners (read-only API clients); internal otherwise.'),
  conferenceId: aggregateIdSchema
    .optional()
    .describe(
      'The conference it came from, when it came from one: live watchers of a conference ' +
        'follow its recommendations by it.',
    ),
});
/** What every recommendation event says about the recommendation itself. */
export type RecommendationHeader = z.infer<typeof recommendationHeaderSchema>;

/** A recommendation's card as every consumer may know it, as it was recommended. */
export const recommendationSnapshotSchema = recommendationHeaderSchema.extend({
  recommendedText: textSchema.describe(
    'What was recommended, kept as it was; what was finally decided is decidedText.',
  ),
  actionType: recommendationActionTypeSchema,
  responsible: partyRefSchema.optional().describe('Who answers for carrying it out.'),
  legalBasis: textSchema.optional().describe('The act it rests on, e.g. a government decree.'),
  priority: recommendationPrioritySchema,
  source: recommendationSourceSchema,
  dueDate: calendarDateSchema.optional().describe('When it should be carried out by.'),
  reviewDate: calendarDateSchema.optional().describe('When its progress is to be reviewed.'),
});
/** A recommendation's card as every consumer may know it. */
export type RecommendationSnapshot = z.infer<typeof recommendationSnapshotSchema>;

/** The addressees as a whole, when together they decided a recommendation's fate. */
export const addresseesDecisionMakerSchema = z.object({
  kind: z.literal('ADDRESSEES'),
  organizationIds: z.array(aggregateIdSchema).min(1),
});

/**
 * Who decided a recommendation's fate: an organisation or a person (the association's board, its
 * chair), or the addressees when every one of them declined.
 */
export const decisionMakerSchema = z.union([partyRefSchema, addresseesDecisionMakerSchema]);
/** Who decided a recommendation's fate. */
export type DecisionMaker = z.infer<typeof decisionMakerSchema>;

/** Where one addressee stands, with the requests made to it from the recommendation. */
export const addresseePositionSchema = z.object({
  organizationId: aggregateIdSchema,
  position: addresseePositionStatusSchema,
  requestIds: z.array(aggregateIdSchema),
});
/** Where one addressee stands. */
export type AddresseePosition = z.infer<typeof addresseePositionSchema>;

/** A progress report on a recommendation. */
export const progressReportSchema = z.object({
  id: aggregateIdSchema.describe('The report; reports are stored apart from the recommendation.'),
  author: partyRefSchema,
  text: textSchema,
  percent: z.number().int().min(0).max(100).describe('How much is done, as the author sees it.'),
  reportedAt: instantSchema,
});
/** A progress report on a recommendation. */
export type ProgressReport = z.infer<typeof progressReportSchema>;

/** An organisation or a person standing behind a recommendation. */
export const endorsementSchema = z.object({
  party: partyRefSchema,
  comment: textSchema.optional(),
  endorsedAt: instantSchema,
});
/** An organisation or a person standing behind a recommendation. */
export type Endorsement = z.infer<typeof endorsementSchema>;

/** What happened to one request made from a recommendation, as the recommendation noted it. */
export const requestFactSchema = z.object({
  requestId: aggregateIdSchema,
  addresseeId: aggregateIdSchema,
  kind: requestFactKindSchema,
  outcome: answerOutcomeSchema.optional().describe('What the addressee answered, for ANSWERED.'),
  dueOn: calendarDateSchema
    .optional()
    .describe(
      'For DUE_SOON and OVERDUE: the deadline that is near or passed, local to the addressee.',
    ),
  occurredAt: instantSchema.describe('When it happened to the request, not when it was noted.'),
});
/** What happened to one request made from a recommendation. */
export type RequestFact = z.infer<typeof requestFactSchema>;
