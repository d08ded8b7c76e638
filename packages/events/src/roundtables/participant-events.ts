import { defineEvent, type EventOf } from '../define-event';
import { textSchema } from '../shared-schemas';
import { attendanceSchema } from './enums';
import { exampleHeader, exampleParticipant } from './examples';
import { participantSnapshotSchema, roundtableHeaderSchema } from './parts';

/** A person or an organisation was registered for a round table. */
export const roundtableParticipantRegisteredV1 = defineEvent({
  type: 'participant-registered',
  version: 1,
  aggregate: 'roundtable',
  description: 'A person, an organisation, or a person for an organisation joined a round table.',
  data: roundtableHeaderSchema.extend({ participant: participantSnapshotSchema }),
  example: { ...exampleHeader, participant: exampleParticipant },
});
/** A person or an organisation was registered for a round table. */
export type RoundtableParticipantRegisteredV1 = EventOf<typeof roundtableParticipantRegisteredV1>;

/** Whether a participant came was recorded. */
export const roundtableParticipantAttendanceMarkedV1 = defineEvent({
  type: 'participant-attendance-marked',
  version: 1,
  aggregate: 'roundtable',
  description: 'Whether a participant came was recorded. Carries the participant after the change.',
  data: roundtableHeaderSchema.extend({
    participant: participantSnapshotSchema,
    previousAttendance: attendanceSchema,
  }),
  example: {
    ...exampleHeader,
    participant: { ...exampleParticipant, attendance: 'ATTENDED' },
    previousAttendance: 'REGISTERED',
  },
});
/** Whether a participant came was recorded. */
export type RoundtableParticipantAttendanceMarkedV1 = EventOf<
  typeof roundtableParticipantAttendanceMarkedV1
>;

/** A participant was taken off a round table. */
export const roundtableParticipantRemovedV1 = defineEvent({
  type: 'participant-removed',
  version: 1,
  aggregate: 'roundtable',
  description:
    'A participant was taken off a round table. Carries the participant as it was; statements ' +
    'already recorded stay in the minutes.',
  data: roundtableHeaderSchema.extend({
    participant: participantSnapshotSchema,
    reason: textSchema.optional(),
  }),
  example: {
    ...exampleHeader,
    participant: exampleParticipant,
    reason: 'Организация направила другого представителя',
  },
});
/** A participant was taken off a round table. */
export type RoundtableParticipantRemovedV1 = EventOf<typeof roundtableParticipantRemovedV1>;

/** Every participant event, newest versions included. */
export const roundtableParticipantEvents = [
  roundtableParticipantRegisteredV1,
  roundtableParticipantAttendanceMarkedV1,
  roundtableParticipantRemovedV1,
] as const;
