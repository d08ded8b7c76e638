import { z } from 'zod';
import { decodeEvent, encodeEvent } from './codec';
import { memberRefSchema } from './members';
import { eventDefinitions } from './registry';
import {
  agendaItemStatusSchema,
  conferenceKindSchema,
  conferenceScheduledV1,
  participantRoleSchema,
  partyRefSchema,
  resolutionKindSchema,
  resolutionStatusSchema,
  roundtableConcludedV1,
  roundtableFormatSchema,
  roundtableParticipantRegisteredV1,
  roundtableResolutionAmendedV1,
  roundtableScheduledV1,
  roundtablesEvents,
  roundtableStatementRecordedV1,
  roundtableStatusSchema,
  roundtableUpdatedV1,
} from './roundtables';
import { roundtableConcluded, roundtableStatementRecorded } from './testing';

function requiredOf(schema: z.ZodType): string[] {
  const json = z.toJSONSchema(schema, { io: 'input' }) as { required?: string[] };
  return json.required ?? [];
}

describe('roundtables contracts', () => {
  it('should register every roundtables event in the registry when loaded', () => {
    const roundtables = eventDefinitions.filter(
      (definition) => definition.service === 'roundtables',
    );

    expect(roundtables.map((definition) => definition.type)).toEqual(
      roundtablesEvents.map((definition) => definition.type),
    );
    expect(roundtables).toHaveLength(25);
  });

  it('should name the round table and its visibility in every roundtable event when published', () => {
    const roundtableEvents = roundtablesEvents.filter(
      (definition) => definition.aggregate === 'roundtable',
    );

    const missing = roundtableEvents.filter(
      (definition) =>
        !['id', 'published'].every((key) => requiredOf(definition.data).includes(key)),
    );

    expect(missing.map((definition) => definition.type)).toEqual([]);
  });

  it('should accept a round table when it sits on its own, without a conference', () => {
    const { conferenceId: _conferenceId, ...standalone } = roundtableScheduledV1.example;

    expect(roundtableScheduledV1.data.safeParse(standalone).success).toBe(true);
  });

  it('should reject a participant when it names neither a person nor an organisation', () => {
    const { participant } = roundtableParticipantRegisteredV1.example;
    const { personId: _personId, organizationId: _organizationId, ...nobody } = participant;

    const result = roundtableParticipantRegisteredV1.data.safeParse({
      ...roundtableParticipantRegisteredV1.example,
      participant: nobody,
    });

    expect(result.error?.issues.map((issue) => issue.path)).toEqual([['participant', 'personId']]);
  });

  it('should accept a participant when it names only an organisation', () => {
    const { personId: _personId, ...organizationOnly } =
      roundtableParticipantRegisteredV1.example.participant;

    const result = roundtableParticipantRegisteredV1.data.safeParse({
      ...roundtableParticipantRegisteredV1.example,
      participant: organizationOnly,
    });

    expect(result.success).toBe(true);
  });

  it.each([
    ['sequence', 0],
    ['recordedAt', '2016-11-10 12:14'],
    ['text', ''],
    ['speaker', { kind: 'COMMUNITY', id: 'c-1' }],
  ])('should reject a statement at %s when it is %j', (field, value) => {
    const { statement } = roundtableStatementRecordedV1.example;

    const result = roundtableStatementRecordedV1.data.safeParse({
      ...roundtableStatementRecordedV1.example,
      statement: { ...statement, [field]: value },
    });

    expect(result.error?.issues.map((issue) => issue.path.slice(0, 2))).toEqual([
      ['statement', field],
    ]);
  });

  it.each([
    ['dueDate', '30.06.2017'],
    ['kind', 'WISH'],
    ['status', 'IMPLEMENTED'],
    ['addresseeIds', ['']],
  ])('should reject a concluded resolution at %s when it is %j', (field, value) => {
    const [resolution] = roundtableConcludedV1.example.resolutions;

    const result = roundtableConcludedV1.data.safeParse({
      ...roundtableConcludedV1.example,
      resolutions: [{ ...resolution, [field]: value }],
    });

    expect(result.error?.issues.map((issue) => issue.path.slice(0, 3))).toEqual([
      ['resolutions', 0, field],
    ]);
  });

  it('should carry what recommendations need in every concluded resolution when published', () => {
    const [resolution] = roundtableConcludedV1.example.resolutions;

    expect(requiredOf(roundtableConcludedV1.data)).toEqual(
      expect.arrayContaining(['id', 'title', 'resolutions']),
    );
    expect(resolution).toEqual({
      id: '6650a1f0c2b9e4a1d3f00641',
      kind: 'RECOMMENDATION',
      text: expect.stringContaining('№ 779'),
      addresseeIds: ['6650a1f0c2b9e4a1d3f00002', '6650a1f0c2b9e4a1d3f00003'],
      responsible: { kind: 'ORGANIZATION', id: '6650a1f0c2b9e4a1d3f00001' },
      dueDate: '2017-06-30',
      agendaItemId: '6650a1f0c2b9e4a1d3f00622',
      status: 'ADOPTED',
    });
    expect(roundtableConcludedV1.example.conferenceId).toBe('6650a1f0c2b9e4a1d3f00501');
  });

  it('should reject a conference when a date is not YYYY-MM-DD', () => {
    const result = conferenceScheduledV1.data.safeParse({
      ...conferenceScheduledV1.example,
      startsOn: '10.11.2016',
    });

    expect(result.error?.issues.map((issue) => issue.path)).toEqual([['startsOn']]);
  });

  it('should reject a round table update when it reports a change of time, which rescheduled announces', () => {
    const result = roundtableUpdatedV1.data.safeParse({
      ...roundtableUpdatedV1.example,
      changedFields: ['startsAt'],
    });

    expect(result.success).toBe(false);
  });

  it('should reject an amendment when it names no changed field', () => {
    const result = roundtableResolutionAmendedV1.data.safeParse({
      ...roundtableResolutionAmendedV1.example,
      changedFields: [],
    });

    expect(result.success).toBe(false);
  });

  it('should refer to speakers as members are referred to when a consumer resolves them', () => {
    expect(partyRefSchema).toBe(memberRefSchema);
  });

  it('should build a statement event keyed by the round table when the factory is given its id', () => {
    const event = roundtableStatementRecorded({ data: { id: 'rt-7' } });

    expect(event.subject).toBe('rt-7');
    expect(event.data.statement.sequence).toBe(17);
    expect(decodeEvent(encodeEvent(event).value)).toEqual({ ok: true, event });
  });

  it('should build a concluded event with adopted resolutions when given no overrides', () => {
    const event = roundtableConcluded();

    expect(event.type).toBe('kollegia.roundtables.roundtable.concluded.v1');
    expect(event.data.resolutions.map((resolution) => resolution.status)).toEqual([
      'ADOPTED',
      'ADOPTED',
      'ADOPTED',
    ]);
    expect(event.data.agenda.map((item) => item.status)).toEqual([
      'DISCUSSED',
      'DISCUSSED',
      'PENDING',
    ]);
  });

  it('should expose the enumerations with their values when reused by the roundtables service', () => {
    expect(conferenceKindSchema.options).toEqual([
      'CONFERENCE',
      'FORUM',
      'WORKING_MEETING',
      'STRATEGIC_SESSION',
      'SEMINAR',
    ]);
    expect(roundtableFormatSchema.options).toEqual([
      'ROUND_TABLE',
      'PANEL_DISCUSSION',
      'WORKING_MEETING',
    ]);
    expect(roundtableStatusSchema.options).toEqual(['SCHEDULED', 'LIVE', 'CONCLUDED', 'CANCELLED']);
    expect(participantRoleSchema.options).toEqual([
      'MODERATOR',
      'SPEAKER',
      'PARTICIPANT',
      'ORGANIZER',
      'EXPERT',
      'OBSERVER',
    ]);
    expect(agendaItemStatusSchema.options).toEqual([
      'PENDING',
      'IN_DISCUSSION',
      'DISCUSSED',
      'DEFERRED',
    ]);
    expect(resolutionKindSchema.options).toEqual([
      'RECOMMENDATION',
      'DECISION',
      'CONTROL_ITEM',
      'QUESTION_TO_REGULATOR',
    ]);
    expect(resolutionStatusSchema.options).toEqual(['PROPOSED', 'WITHDRAWN', 'ADOPTED']);
  });
});
