import type { Participant } from './roundtable';
import { markAttendance, registerParticipant, removeParticipant } from './participants';
import { aLiveRoundtable, aRoundtable, contextAt, refusal } from './roundtable.fixture';

describe('registerParticipant', () => {
  const context = contextAt('2016-11-01T09:00:00.000Z', 'part-9');

  it('should seat a person speaking for an organisation when the round table is scheduled', () => {
    const { state, changes } = registerParticipant(
      aRoundtable(),
      { personId: ' person-speaker ', organizationId: 'org-akit', role: 'SPEAKER' },
      context,
    );

    const participant: Participant = {
      id: 'part-9',
      personId: 'person-speaker',
      organizationId: 'org-akit',
      role: 'SPEAKER',
      attendance: 'REGISTERED',
    };
    expect(state).toEqual(aRoundtable({ participants: [participant], updatedAt: context.now }));
    expect(changes).toEqual([{ kind: 'participant-registered', participant }]);
  });

  it('should seat an organisation on its own with the given attendance when the round table is live', () => {
    const live = aLiveRoundtable();

    const { state, changes } = registerParticipant(
      live,
      { organizationId: 'org-nti', personId: null, role: 'EXPERT', attendance: 'ATTENDED' },
      contextAt('2016-11-10T08:30:00.000Z', 'part-3'),
    );

    const participant: Participant = {
      id: 'part-3',
      organizationId: 'org-nti',
      role: 'EXPERT',
      attendance: 'ATTENDED',
    };
    expect(state.participants).toEqual([...live.participants, participant]);
    expect(changes).toEqual([{ kind: 'participant-registered', participant }]);
  });

  it('should seat a person of an organisation when the organisation sits on its own too', () => {
    const { state } = registerParticipant(
      aLiveRoundtable(),
      { personId: 'person-official', organizationId: 'org-minprom', role: 'SPEAKER' },
      contextAt('2016-11-10T08:30:00.000Z', 'part-4'),
    );

    expect(state.participants.map((participant) => participant.id)).toEqual([
      'part-1',
      'part-2',
      'part-4',
    ]);
  });

  it('should refuse when neither a person nor an organisation is named', () => {
    const error = refusal(() =>
      registerParticipant(aRoundtable(), { personId: ' ', role: 'OBSERVER' }, context),
    );

    expect(error).toMatchObject({
      code: 'BAD_USER_INPUT',
      message: 'personId: a participant needs a personId, an organizationId or both',
      details: { field: 'personId' },
    });
  });

  it('should refuse when the person is already seated, for whichever organisation', () => {
    const error = refusal(() =>
      registerParticipant(
        aLiveRoundtable(),
        { personId: 'person-speaker', role: 'EXPERT' },
        contextAt('2016-11-10T08:30:00Z', 'part-5'),
      ),
    );

    expect(error).toMatchObject({
      code: 'CONFLICT',
      message: 'person person-speaker is already a participant (participant part-1)',
    });
  });

  it('should refuse when the organisation is already seated on its own', () => {
    const error = refusal(() =>
      registerParticipant(
        aLiveRoundtable(),
        { organizationId: 'org-minprom', role: 'PARTICIPANT' },
        contextAt('2016-11-10T08:30:00Z', 'part-5'),
      ),
    );

    expect(error).toMatchObject({
      code: 'CONFLICT',
      message: 'organization org-minprom is already a participant (participant part-2)',
    });
  });

  it('should refuse when the round table already has 500 participants', () => {
    const participants = Array.from({ length: 500 }, (_, index) => ({
      id: `part-${index}`,
      personId: `person-${index}`,
      role: 'PARTICIPANT' as const,
      attendance: 'REGISTERED' as const,
    }));

    const error = refusal(() =>
      registerParticipant(
        aRoundtable({ participants }),
        { personId: 'person-x', role: 'OBSERVER' },
        context,
      ),
    );

    expect(error).toMatchObject({
      code: 'CONFLICT',
      message: 'a round table has at most 500 participants',
    });
  });

  it.each(['CANCELLED'] as const)('should refuse when the round table is %s', (status) => {
    const error = refusal(() =>
      registerParticipant(
        aRoundtable({ status }),
        { personId: 'person-x', role: 'OBSERVER' },
        context,
      ),
    );

    expect(error).toMatchObject({
      code: 'CONFLICT',
      message: `a ${status} round table cannot register participants (status ${status})`,
      details: { currentState: status },
    });
  });
});

describe('markAttendance', () => {
  const context = contextAt('2016-11-10T11:00:00.000Z');

  it.each(['SCHEDULED', 'LIVE', 'CONCLUDED'] as const)(
    'should record that a participant came when the round table is %s',
    (status) => {
      const roundtable = aLiveRoundtable({ status });

      const { state, changes } = markAttendance(
        roundtable,
        { participantId: 'part-2', attendance: 'ATTENDED' },
        context,
      );

      const participant: Participant = {
        id: 'part-2',
        organizationId: 'org-minprom',
        role: 'OBSERVER',
        attendance: 'ATTENDED',
      };
      expect(state).toEqual({
        ...roundtable,
        participants: [roundtable.participants[0], participant],
        updatedAt: context.now,
      });
      expect(changes).toEqual([
        { kind: 'participant-attendance-marked', participant, previous: 'REGISTERED' },
      ]);
    },
  );

  it('should change nothing when the attendance is already recorded', () => {
    const roundtable = aLiveRoundtable();

    const { state, changes } = markAttendance(
      roundtable,
      { participantId: 'part-1', attendance: 'ATTENDED' },
      context,
    );

    expect(state).toBe(roundtable);
    expect(changes).toEqual([]);
  });

  it('should refuse when the participant is unknown', () => {
    const error = refusal(() =>
      markAttendance(
        aLiveRoundtable(),
        { participantId: 'part-404', attendance: 'ABSENT' },
        context,
      ),
    );

    expect(error).toMatchObject({
      code: 'NOT_FOUND',
      message: 'participant part-404 was not found',
    });
  });

  it('should refuse when the round table is cancelled', () => {
    const error = refusal(() =>
      markAttendance(
        aLiveRoundtable({ status: 'CANCELLED' }),
        { participantId: 'part-1', attendance: 'ABSENT' },
        context,
      ),
    );

    expect(error).toMatchObject({
      code: 'CONFLICT',
      message: 'a CANCELLED round table cannot mark attendance (status CANCELLED)',
      details: { currentState: 'CANCELLED' },
    });
  });
});

describe('removeParticipant', () => {
  const context = contextAt('2016-11-10T08:40:00.000Z');

  it('should take the participant off and keep the reason when the round table is live', () => {
    const roundtable = aLiveRoundtable();

    const { state, changes } = removeParticipant(
      roundtable,
      { participantId: 'part-1', reason: ' Организация направила другого представителя ' },
      context,
    );

    expect(state).toEqual({
      ...roundtable,
      participants: [roundtable.participants[1]],
      updatedAt: context.now,
    });
    expect(changes).toEqual([
      {
        kind: 'participant-removed',
        participant: roundtable.participants[0],
        reason: 'Организация направила другого представителя',
      },
    ]);
  });

  it('should take the participant off without a reason when none is given', () => {
    const roundtable = aLiveRoundtable({ status: 'SCHEDULED' });

    const { changes } = removeParticipant(roundtable, { participantId: 'part-2' }, context);

    expect(changes).toEqual([
      { kind: 'participant-removed', participant: roundtable.participants[1] },
    ]);
  });

  it('should refuse when the participant is unknown', () => {
    const error = refusal(() =>
      removeParticipant(aLiveRoundtable(), { participantId: 'part-404' }, context),
    );

    expect(error).toMatchObject({
      code: 'NOT_FOUND',
      message: 'participant part-404 was not found',
    });
  });

  it.each(['CANCELLED'] as const)('should refuse when the round table is %s', (status) => {
    const error = refusal(() =>
      removeParticipant(aLiveRoundtable({ status }), { participantId: 'part-1' }, context),
    );

    expect(error).toMatchObject({
      code: 'CONFLICT',
      message: `a ${status} round table cannot remove participants (status ${status})`,
      details: { currentState: status },
    });
  });
});

describe('delegations and corrections after the sitting', () => {
  const concluded = aLiveRoundtable({
    status: 'CONCLUDED',
    concludedAt: new Date('2016-11-10T10:10:00.000Z'),
  });
  const approved = { ...concluded, minutesApprovedAt: new Date('2016-11-14T10:00:00.000Z') };
  const delegation = {
    description: ' руководство и специалисты министерства ',
    headCount: 5,
  };

  it('should seat an unnamed delegation of an organisation when the minutes are typed up', () => {
    const context = contextAt('2016-11-14T09:00:00.000Z', 'part-9');

    const { state, changes } = registerParticipant(
      concluded,
      { organizationId: 'org-nti', role: 'PARTICIPANT', attendance: 'ATTENDED', delegation },
      context,
    );

    const participant: Participant = {
      id: 'part-9',
      organizationId: 'org-nti',
      role: 'PARTICIPANT',
      attendance: 'ATTENDED',
      delegation: { description: 'руководство и специалисты министерства', headCount: 5 },
    };
    expect(state.participants).toEqual([...concluded.participants, participant]);
    expect(changes).toEqual([{ kind: 'participant-registered', participant }]);
  });

  it('should seat a delegation without a head count', () => {
    const { state } = registerParticipant(
      concluded,
      {
        organizationId: 'org-nti',
        role: 'PARTICIPANT',
        delegation: { description: 'специалисты' },
      },
      contextAt('2016-11-14T09:00:00.000Z', 'part-9'),
    );

    expect(state.participants.at(-1)?.delegation).toEqual({ description: 'специалисты' });
  });

  it.each([
    [{ personId: 'person-x', organizationId: 'org-nti' }, 'delegation'],
    [{ personId: 'person-x' }, 'delegation'],
  ])('should refuse a delegation that names a person (%o)', (seat, field) => {
    const error = refusal(() =>
      registerParticipant(
        concluded,
        { ...seat, role: 'PARTICIPANT', delegation },
        contextAt('2016-11-14T09:00:00.000Z', 'part-9'),
      ),
    );

    expect(error).toMatchObject({ code: 'BAD_USER_INPUT', details: { field } });
  });

  it.each([
    [{ description: '  ' }, 'delegation.description'],
    [{ description: 'специалисты', headCount: 0 }, 'delegation.headCount'],
    [{ description: 'специалисты', headCount: 2.5 }, 'delegation.headCount'],
  ])('should refuse the delegation %o', (bad, field) => {
    const error = refusal(() =>
      registerParticipant(
        concluded,
        { organizationId: 'org-nti', role: 'PARTICIPANT', delegation: bad },
        contextAt('2016-11-14T09:00:00.000Z', 'part-9'),
      ),
    );

    expect(error).toMatchObject({ code: 'BAD_USER_INPUT', details: { field } });
  });

  it('should take a participant off the minutes of a concluded round table', () => {
    const { state } = removeParticipant(
      concluded,
      { participantId: 'part-2' },
      contextAt('2016-11-14T09:00:00.000Z'),
    );

    expect(state.participants.map((p) => p.id)).toEqual(['part-1']);
  });

  it.each([
    [
      'register participants',
      () =>
        registerParticipant(
          approved,
          { organizationId: 'org-nti', role: 'PARTICIPANT' },
          contextAt('2016-11-15T09:00:00.000Z', 'part-9'),
        ),
    ],
    [
      'remove participants',
      () =>
        removeParticipant(approved, { participantId: 'part-2' }, contextAt('2016-11-15T09:00:00Z')),
    ],
    [
      'mark attendance',
      () =>
        markAttendance(
          approved,
          { participantId: 'part-2', attendance: 'ABSENT' },
          contextAt('2016-11-15T09:00:00Z'),
        ),
    ],
  ])('should refuse to %s once the minutes are approved, naming the state', (action, decide) => {
    const error = refusal(decide);

    expect(error).toMatchObject({
      code: 'CONFLICT',
      message: `the minutes of round table rt-1 are APPROVED and cannot ${action} (status APPROVED)`,
      details: { currentState: 'APPROVED' },
    });
  });
});
