import { z } from 'zod';

/** What kind of gathering a conference is. */
export const conferenceKindSchema = z.enum([
  'CONFERENCE',
  'FORUM',
  'WORKING_MEETING',
  'STRATEGIC_SESSION',
  'SEMINAR',
]);
/** What kind of gathering a conference is. */
export type ConferenceKind = z.infer<typeof conferenceKindSchema>;

/** Where a conference is in its life: `PLANNED → OPEN → CLOSED`. */
export const conferenceStatusSchema = z.enum(['PLANNED', 'OPEN', 'CLOSED']);
/** Where a conference is in its life. */
export type ConferenceStatus = z.infer<typeof conferenceStatusSchema>;

/** How a round table sits. */
export const roundtableFormatSchema = z.enum([
  'ROUND_TABLE',
  'PANEL_DISCUSSION',
  'WORKING_MEETING',
]);
/** How a round table sits. */
export type RoundtableFormat = z.infer<typeof roundtableFormatSchema>;

/** Where a round table is in its life: `SCHEDULED → LIVE → CONCLUDED`, or `CANCELLED`. */
export const roundtableStatusSchema = z.enum(['SCHEDULED', 'LIVE', 'CONCLUDED', 'CANCELLED']);
/** Where a round table is in its life. */
export type RoundtableStatus = z.infer<typeof roundtableStatusSchema>;

/** What a participant does at a round table. */
export const participantRoleSchema = z.enum([
  'MODERATOR',
  'SPEAKER',
  'PARTICIPANT',
  'ORGANIZER',
  'EXPERT',
  'OBSERVER',
]);
/** What a participant does at a round table. */
export type ParticipantRole = z.infer<typeof participantRoleSchema>;

/** Whether a registered participant came. */
export const attendanceSchema = z.enum(['REGISTERED', 'ATTENDED', 'ABSENT']);
/** Whether a registered participant came. */
export type Attendance = z.infer<typeof attendanceSchema>;

/** Where a question of the agenda is: `PENDING → IN_DISCUSSION → DISCUSSED | DEFERRED`. */
export const agendaItemStatusSchema = z.enum(['PENDING', 'IN_DISCUSSION', 'DISCUSSED', 'DEFERRED']);
/** Where a question of the agenda is. */
export type AgendaItemStatus = z.infer<typeof agendaItemStatusSchema>;

/**
 * What a resolution is. Recommendations, control items and questions to a regulator become
 * recommendations once the round table concludes; decisions stay with the round table.
 */
export const resolutionKindSchema = z.enum([
  'RECOMMENDATION',
  'DECISION',
  'CONTROL_ITEM',
  'QUESTION_TO_REGULATOR',
]);
/** What a resolution is. */
export type ResolutionKind = z.infer<typeof resolutionKindSchema>;

/** Where a resolution is: proposed while the round table sits, adopted (frozen) when it concludes. */
export const resolutionStatusSchema = z.enum(['PROPOSED', 'WITHDRAWN', 'ADOPTED']);
/** Where a resolution is. */
export type ResolutionStatus = z.infer<typeof resolutionStatusSchema>;
