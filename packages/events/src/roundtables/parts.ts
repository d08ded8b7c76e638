import { z } from 'zod';
import { memberRefSchema } from '../members/membership-events';
import { aggregateIdSchema, calendarDateSchema, textSchema } from '../shared-schemas';
import {
  agendaItemStatusSchema,
  attendanceSchema,
  participantRoleSchema,
  resolutionKindSchema,
  resolutionStatusSchema,
} from './enums';

/** An instant with its UTC offset (ISO 8601), e.g. `2016-11-10T11:00:00+03:00`. */
export const instantSchema = z.iso.datetime({ offset: true });

/**
 * An organisation or a person (who moderates, speaks or answers for a resolution): the same
 * `{ kind, id }` reference as a community member, so consumers resolve both alike.
 */
export const partyRefSchema = memberRefSchema;
/** An organisation or a person. */
export type PartyRef = z.infer<typeof partyRefSchema>;

/**
 * What every round table event says about the round table itself: which one (also the subject),
 * the conference it sits in, and whether partners may see it, so subscriptions can be filtered
 * by visibility without a query.
 */
export const roundtableHeaderSchema = z.object({
  id: aggregateIdSchema.describe('The round table.'),
  conferenceId: aggregateIdSchema.optional().describe('The conference it sits in, if any.'),
  published: z
    .boolean()
    .describe('Visible to partners (read-only API clients); internal otherwise.'),
});
/** What every round table event says about the round table itself. */
export type RoundtableHeader = z.infer<typeof roundtableHeaderSchema>;

/**
 * An organisation's people at the table without their names, as minutes often record them
 * («руководство и специалисты министерства»): on a participant that names an organisation only.
 */
export const delegationSchema = z.object({
  description: textSchema.describe('Who came, in the words of the minutes.'),
  headCount: z.number().int().min(1).optional().describe('How many came, when the minutes say.'),
});
/** An organisation's people at the table without their names. */
export type Delegation = z.infer<typeof delegationSchema>;

/** Where a meeting's record was published: the report on an organiser's or a ministry's site. */
export const meetingSourceSchema = z.object({
  url: z.url({ protocol: /^https?$/ }).describe('The published report (http or https).'),
  title: textSchema.optional().describe('Its title as published.'),
  publisher: textSchema.optional().describe('Who published it.'),
});
/** Where a meeting's record was published. */
export type MeetingSource = z.infer<typeof meetingSourceSchema>;

/** A person, an organisation, or a person speaking for an organisation, at one round table. */
export const participantSnapshotSchema = z
  .object({
    id: aggregateIdSchema.describe('The participant within the round table.'),
    personId: aggregateIdSchema.optional(),
    organizationId: aggregateIdSchema
      .optional()
      .describe('The organisation taking part, or the one the person speaks for.'),
    role: participantRoleSchema,
    attendance: attendanceSchema,
    delegation: delegationSchema.optional(),
  })
  .refine(
    (participant) => participant.personId !== undefined || participant.organizationId !== undefined,
    {
      message: 'A participant is a person, an organisation or both',
      path: ['personId'],
    },
  )
  .describe('A participant names a person, an organisation or both.');
/** A participant of a round table. */
export type ParticipantSnapshot = z.infer<typeof participantSnapshotSchema>;

/** One question of a round table's agenda. */
export const agendaItemSnapshotSchema = z.object({
  id: aggregateIdSchema.describe('The agenda item within the round table.'),
  position: z.number().int().min(1).describe('1-based place in the agenda.'),
  title: textSchema.describe('The question to discuss.'),
  status: agendaItemStatusSchema,
  result: textSchema
    .optional()
    .describe('What the discussion of the question came to, if recorded.'),
});
/** One question of a round table's agenda. */
export type AgendaItemSnapshot = z.infer<typeof agendaItemSnapshotSchema>;

/** What a round table resolved or is about to resolve. */
export const resolutionSnapshotSchema = z.object({
  id: aggregateIdSchema.describe('The resolution within the round table.'),
  kind: resolutionKindSchema,
  text: textSchema,
  addresseeIds: z
    .array(aggregateIdSchema)
    .describe('The organisations the resolution is addressed to (ministries, committees, ...).'),
  responsible: partyRefSchema.optional().describe('Who answers for carrying it out.'),
  dueDate: calendarDateSchema.optional(),
  agendaItemId: aggregateIdSchema
    .optional()
    .describe(
      'The question it resolves, if one; the first of `agendaItemIds` when it has several.',
    ),
  agendaItemIds: z
    .array(aggregateIdSchema)
    .optional()
    .describe('Every question it resolves, in agenda order; absent when it resolves none.'),
  status: resolutionStatusSchema,
});
/** What a round table resolved or is about to resolve. */
export type ResolutionSnapshot = z.infer<typeof resolutionSnapshotSchema>;

/** One line of the minutes. */
export const statementSnapshotSchema = z.object({
  id: aggregateIdSchema.describe(
    'The statement; statements are stored apart from the round table.',
  ),
  sequence: z
    .number()
    .int()
    .min(1)
    .describe('Order within the round table: 1, 2, 3, ... with no reuse.'),
  speaker: partyRefSchema,
  agendaItemId: aggregateIdSchema.optional().describe('The question in discussion, if any.'),
  text: textSchema,
  recordedAt: instantSchema.describe('When it was entered (the server clock).'),
  occurredAt: instantSchema
    .optional()
    .describe(
      'When it was said, as the secretary gives it (the same as `recordedAt` when typed live); ' +
        'absent from statements recorded before it was added, which were said when recorded.',
    ),
});
/** One line of the minutes. */
export type StatementSnapshot = z.infer<typeof statementSnapshotSchema>;
