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
  agendaItemId: aggregateIdSchema.optional().describe('The question it resolves, if one.'),
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
  recordedAt: instantSchema,
});
/** One line of the minutes. */
export type StatementSnapshot = z.infer<typeof statementSnapshotSchema>;
