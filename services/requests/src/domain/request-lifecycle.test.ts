import type { Actor } from './permissions';
import {
  aRegisteredRequest,
  aRequest,
  aSubmittedRequest,
  contextAt,
  CREATED_AT,
  MINISTRY_CLERK,
  MINPROMTORG,
  POLICY,
  refusal,
  SECRETARY,
  SUBMITTED_AT,
  TENANT,
} from './request.fixture';
import {
  answerRequest,
  closeRequest,
  type DraftRequest,
  draftRequest,
  editDraft,
  extendDeadline,
  registerRequest,
  submitRequest,
  withdrawRequest,
} from './request-lifecycle';

const answerText =
  'Минпромторг России поддерживает предложение и включит отбор проектов в план на 2017 год.';

describe('draftRequest', () => {
  const command: DraftRequest = {
    recommendationId: 'rec-4',
    addresseeId: ` ${MINPROMTORG} `,
    kind: 'APPEAL',
    subject: ' О конкурсном отборе совместных проектов участников промышленных кластеров ',
    body: aRequest().body,
    signatory: { kind: 'PERSON', id: 'person-president' },
  };

  it('should draft a request to the addressee when made from a recommendation', () => {
    const { state, changes } = draftRequest(command, contextAt(CREATED_AT.toISOString(), 'req-1'));

    expect(state).toEqual(aRequest());
    expect(changes).toEqual([{ kind: 'drafted' }]);
  });

  it('should draft a request without recommendation or signatory when made by hand', () => {
    const { state } = draftRequest(
      { ...command, recommendationId: null, signatory: null, kind: 'QUESTION' },
      contextAt(CREATED_AT.toISOString(), 'req-2'),
    );

    expect(state).not.toHaveProperty('recommendationId');
    expect(state).not.toHaveProperty('signatory');
    expect(state).toMatchObject({ id: 'req-2', tenantId: TENANT, kind: 'QUESTION' });
  });

  it.each([
    ['an empty subject', { subject: '' }, 'subject: must not be empty'],
    ['an empty body', { body: '  ' }, 'body: must not be empty'],
    ['no addressee', { addresseeId: '' }, 'addresseeId: must not be empty'],
    [
      'a signatory without an id',
      { signatory: { kind: 'PERSON' as const, id: ' ' } },
      'signatory: must name an organisation or a person',
    ],
  ])('should refuse %s', (_case, patch, message) => {
    const error = refusal(() =>
      draftRequest({ ...command, ...patch }, contextAt(CREATED_AT.toISOString(), 'req-3')),
    );

    expect(error).toMatchObject({ code: 'BAD_USER_INPUT', message });
  });
});

describe('editDraft', () => {
  it('should report the changed fields when the draft is edited', () => {
    const context = contextAt('2016-11-28T09:00:00.000Z');

    const { state, changes } = editDraft(
      aRequest(),
      { subject: 'О финансировании проектов кластеров', signatory: null, body: aRequest().body },
      context,
    );

    expect(state).toEqual({
      ...aRequest({ subject: 'О финансировании проектов кластеров', updatedAt: context.now }),
      signatory: undefined,
    });
    expect(state).not.toHaveProperty('signatory');
    expect(changes).toEqual([{ kind: 'edited', changedFields: ['subject', 'signatory'] }]);
  });

  it('should change nothing when the edit repeats the letter', () => {
    const draft = aRequest();

    expect(editDraft(draft, { kind: 'APPEAL' }, contextAt('2016-11-28T09:00:00.000Z'))).toEqual({
      state: draft,
      changes: [],
    });
  });

  it('should refuse when the request was sent', () => {
    const error = refusal(() =>
      editDraft(aSubmittedRequest(), { body: 'Другой текст' }, contextAt('2016-12-06T09:00:00Z')),
    );

    expect(error).toMatchObject({
      code: 'CONFLICT',
      message: 'a SUBMITTED request cannot be edited (status SUBMITTED)',
      details: { currentState: 'SUBMITTED' },
    });
  });
});

describe('submitRequest', () => {
  it('should start the registration deadline in Moscow when sent under its outgoing number', () => {
    const { state, changes } = submitRequest(
      aRequest(),
      { outgoingNumber: ' АКИТ-2016/014 ' },
      POLICY,
      contextAt(SUBMITTED_AT.toISOString()),
    );

    expect(state).toEqual(aSubmittedRequest());
    expect(changes).toEqual([{ kind: 'submitted' }]);
  });

  it('should count from the next day when sent at 23:30 UTC, already the morning in Moscow', () => {
    const { state } = submitRequest(
      aRequest(),
      { outgoingNumber: 'АКИТ-2016/014' },
      POLICY,
      contextAt('2016-12-04T23:30:00.000Z'),
    );

    expect(state.deadline).toEqual({
      stage: 'REGISTRATION',
      dueOn: '2016-12-08',
      dueAt: new Date('2016-12-08T20:59:59.999Z'),
    });
  });

  it('should run the deadline from when it was sent when a request is entered as it happened', () => {
    const sentAt = new Date('2016-11-14T09:00:00.000Z');
    const now = '2026-12-07T10:00:00.000Z';

    const { state } = submitRequest(
      aRequest(),
      { outgoingNumber: 'АКИТ-2016/011', sentAt },
      POLICY,
      contextAt(now),
    );

    expect(state).toMatchObject({
      submittedAt: sentAt,
      registrationDueOn: '2016-11-17',
      deadline: { stage: 'REGISTRATION', dueOn: '2016-11-17' },
      deadlineRecordedAt: new Date(now),
      updatedAt: new Date(now),
    });
  });

  it('should refuse a sending time in the future', () => {
    const error = refusal(() =>
      submitRequest(
        aRequest(),
        { outgoingNumber: 'АКИТ-2016/014', sentAt: new Date('2016-12-06T07:00:00.000Z') },
        POLICY,
        contextAt('2016-12-05T07:00:00.000Z'),
      ),
    );

    expect(error).toMatchObject({ code: 'BAD_USER_INPUT', details: { field: 'sentAt' } });
    expect(error.message).toMatch(/^sentAt: must not be in the future/);
  });

  it('should refuse when no outgoing number is given', () => {
    const error = refusal(() =>
      submitRequest(aRequest(), { outgoingNumber: '' }, POLICY, contextAt('2016-12-05T07:00:00Z')),
    );

    expect(error.message).toBe('outgoingNumber: must not be empty');
  });

  it('should refuse when it was sent already', () => {
    const error = refusal(() =>
      submitRequest(
        aSubmittedRequest(),
        { outgoingNumber: 'АКИТ-2016/015' },
        POLICY,
        contextAt('2016-12-05T08:00:00Z'),
      ),
    );

    expect(error.code).toBe('CONFLICT');
  });
});

describe('registerRequest', () => {
  const command = { incomingNumber: ' ВХ-53117/16 ', registeredOn: '2016-12-07' };

  it('should register on a past date after a past sending when both are entered years later', () => {
    const now = '2026-12-07T10:00:00.000Z';
    const { state: sent } = submitRequest(
      aRequest(),
      { outgoingNumber: 'АКИТ-2016/012', sentAt: new Date('2016-11-20T09:00:00.000Z') },
      POLICY,
      contextAt(now),
    );

    const { state } = registerRequest(
      sent,
      { incomingNumber: 'ВХ-50120/16', registeredOn: '2016-11-22' },
      SECRETARY,
      POLICY,
      contextAt(now),
    );

    expect(state).toMatchObject({
      status: 'REGISTERED',
      registeredOn: '2016-11-22',
      registeredOnTime: true,
      deadline: { stage: 'ANSWER', dueOn: '2016-12-22' },
      deadlineRecordedAt: new Date(now),
    });
  });

  it('should count the answer deadline from the registration date when the addressee registers it', () => {
    const context = contextAt('2016-12-07T12:00:00.000Z');

    const { state, changes } = registerRequest(
      aSubmittedRequest(),
      command,
      MINISTRY_CLERK,
      POLICY,
      context,
    );

    expect(state).toEqual(aRegisteredRequest({ updatedAt: context.now }));
    expect(changes).toEqual([{ kind: 'registered' }]);
  });

  it('should note a late registration when it came after the third day', () => {
    const { state } = registerRequest(
      aSubmittedRequest(),
      { incomingNumber: 'ВХ-53200/16', registeredOn: '2016-12-09' },
      SECRETARY,
      POLICY,
      contextAt('2016-12-12T08:00:00.000Z'),
    );

    expect(state).toMatchObject({
      registeredOnTime: false,
      deadline: { stage: 'ANSWER', dueOn: '2017-01-09' },
    });
  });

  it('should keep the request’s time zone when the policy has moved to another since it was sent', () => {
    const { state } = registerRequest(
      aSubmittedRequest(),
      command,
      SECRETARY,
      { ...POLICY, timeZone: 'Asia/Vladivostok' },
      contextAt('2016-12-07T12:00:00.000Z'),
    );

    expect(state.deadline?.dueAt).toEqual(new Date('2017-01-09T20:59:59.999Z'));
  });

  it('should keep the due-soon lead of the policy the answer deadline is counted by', () => {
    const { state } = registerRequest(
      aSubmittedRequest(),
      command,
      SECRETARY,
      { ...POLICY, dueSoonDays: 10 },
      contextAt('2016-12-07T12:00:00.000Z'),
    );

    expect(state.dueSoonDays).toBe(10);
  });

  it.each([
    [
      'before it was sent',
      '2016-12-04',
      'registeredOn: must not be before the request was sent (2016-12-05)',
    ],
    ['in the future', '2016-12-08', 'registeredOn: must not be in the future'],
    ['not a date', '07.12.2016', 'registeredOn: must be a date YYYY-MM-DD'],
  ])('should refuse a registration date %s', (_case, registeredOn, message) => {
    const error = refusal(() =>
      registerRequest(
        aSubmittedRequest(),
        { ...command, registeredOn },
        SECRETARY,
        POLICY,
        contextAt('2016-12-07T12:00:00.000Z'),
      ),
    );

    expect(error).toMatchObject({ code: 'BAD_USER_INPUT', message });
  });

  it.each<[string, Actor]>([
    ['another addressee’s representative', { ...MINISTRY_CLERK, organizationId: 'org-nti-office' }],
    [
      'a member of the association',
      { subject: 'user-m', roles: ['member'], organizationId: MINPROMTORG },
    ],
  ])('should refuse %s', (_case, actor) => {
    const error = refusal(() =>
      registerRequest(
        aSubmittedRequest(),
        command,
        actor,
        POLICY,
        contextAt('2016-12-07T12:00:00Z'),
      ),
    );

    expect(error).toMatchObject({
      code: 'FORBIDDEN',
      message: 'only the addressee’s representative or a secretary acts for the addressee',
    });
  });

  it('should refuse when it is a draft that was never sent', () => {
    const error = refusal(() =>
      registerRequest(aRequest(), command, SECRETARY, POLICY, contextAt('2016-12-07T12:00:00Z')),
    );

    expect(error.message).toBe('a DRAFT request cannot be registered (status DRAFT)');
  });
});

describe('extendDeadline', () => {
  const reason = 'Нужна позиция Минэкономразвития России и Проектного офиса НТИ';

  it('should move the answer deadline on from the current one when extended once', () => {
    const context = contextAt('2016-12-28T09:00:00.000Z');
    const registered = aRegisteredRequest();

    const { state, changes } = extendDeadline(
      registered,
      { days: 30, reason: ` ${reason} ` },
      MINISTRY_CLERK,
      POLICY,
      context,
    );

    const extended = {
      stage: 'ANSWER',
      dueOn: '2017-02-08',
      dueAt: new Date('2017-02-08T20:59:59.999Z'),
    };
    expect(state).toEqual({
      ...registered,
      deadline: extended,
      deadlineRecordedAt: context.now,
      extension: { days: 30, reason, previous: registered.deadline, extendedAt: context.now },
      updatedAt: context.now,
    });
    expect(changes).toEqual([
      { kind: 'deadline-extended', previous: registered.deadline, days: 30, reason },
    ]);
  });

  it('should keep the due-soon lead of the policy the new deadline is counted by', () => {
    const { state } = extendDeadline(
      aRegisteredRequest(),
      { days: 10, reason },
      SECRETARY,
      { ...POLICY, dueSoonDays: 3 },
      contextAt('2016-12-28T09:00:00.000Z'),
    );

    expect(state.dueSoonDays).toBe(3);
  });

  it('should refuse a second extension', () => {
    const once = extendDeadline(
      aRegisteredRequest(),
      { days: 10, reason },
      SECRETARY,
      POLICY,
      contextAt('2016-12-28T09:00:00.000Z'),
    );

    const error = refusal(() =>
      extendDeadline(
        once.state,
        { days: 10, reason },
        SECRETARY,
        POLICY,
        contextAt('2017-01-10T09:00:00Z'),
      ),
    );

    expect(error).toMatchObject({
      code: 'CONFLICT',
      message: 'the deadline of request req-1 was extended already; one extension is allowed',
    });
  });

  it.each([0, 31, 1.5])('should refuse an extension of %j days under a limit of 30', (days) => {
    const error = refusal(() =>
      extendDeadline(
        aRegisteredRequest(),
        { days, reason },
        SECRETARY,
        POLICY,
        contextAt('2016-12-28T09:00:00Z'),
      ),
    );

    expect(error).toMatchObject({
      code: 'BAD_USER_INPUT',
      message: 'days: must be a whole number from 1 to 30',
    });
  });

  it('should refuse any extension when the policy allows none', () => {
    const error = refusal(() =>
      extendDeadline(
        aRegisteredRequest(),
        { days: 5, reason },
        SECRETARY,
        { ...POLICY, maxExtensionDays: 0 },
        contextAt('2016-12-28T09:00:00Z'),
      ),
    );

    expect(error.message).toBe('days: the deadline policy allows no extension');
  });

  it('should refuse an extension without a reason', () => {
    const error = refusal(() =>
      extendDeadline(
        aRegisteredRequest(),
        { days: 5, reason: '' },
        SECRETARY,
        POLICY,
        contextAt('2016-12-28T09:00:00Z'),
      ),
    );

    expect(error.message).toBe('reason: must not be empty');
  });

  it('should refuse while the request waits for registration', () => {
    const error = refusal(() =>
      extendDeadline(
        aSubmittedRequest(),
        { days: 5, reason },
        SECRETARY,
        POLICY,
        contextAt('2016-12-06T09:00:00Z'),
      ),
    );

    expect(error.message).toBe(
      'a SUBMITTED request cannot have its deadline extended (status SUBMITTED)',
    );
  });
});

describe('answerRequest', () => {
  it('should record an answer on time with its document when the addressee answers by the deadline', () => {
    const context = contextAt('2017-01-09T12:00:00.000Z');

    const { state, changes } = answerRequest(
      aRegisteredRequest(),
      {
        text: ` ${answerText} `,
        outcome: 'ACCEPTED',
        document: {
          number: ' 12-4821/01 ',
          date: '2017-01-09',
          url: 'https://minpromtorg.example.ru/a/1',
        },
      },
      MINISTRY_CLERK,
      POLICY,
      context,
    );

    expect(state).toEqual(
      aRegisteredRequest({
        status: 'ANSWERED',
        answer: {
          text: answerText,
          outcome: 'ACCEPTED',
          document: {
            number: '12-4821/01',
            date: '2017-01-09',
            url: 'https://minpromtorg.example.ru/a/1',
          },
          answeredAt: context.now,
          onTime: true,
        },
        updatedAt: context.now,
      }),
    );
    expect(changes).toEqual([{ kind: 'answered' }]);
  });

  it('should be late when the answer arrives after the last day in Moscow', () => {
    const { state } = answerRequest(
      aRegisteredRequest(),
      { text: answerText, outcome: 'DECLINED' },
      SECRETARY,
      POLICY,
      contextAt('2017-01-09T21:00:00.000Z'),
    );

    expect(state.answer).toEqual({
      text: answerText,
      outcome: 'DECLINED',
      answeredAt: new Date('2017-01-09T21:00:00.000Z'),
      onTime: false,
    });
  });

  it('should take the time the answer arrived when a secretary records it later', () => {
    const { state } = answerRequest(
      aRegisteredRequest(),
      { text: answerText, outcome: 'ACCEPTED', answeredAt: new Date('2017-01-09T15:00:00.000Z') },
      SECRETARY,
      POLICY,
      contextAt('2017-01-11T09:00:00.000Z'),
    );

    expect(state.answer).toMatchObject({
      answeredAt: new Date('2017-01-09T15:00:00.000Z'),
      onTime: true,
    });
    expect(state.updatedAt).toEqual(new Date('2017-01-11T09:00:00.000Z'));
  });

  it('should be on time against the extended deadline when the deadline was extended', () => {
    const { state } = answerRequest(
      aRegisteredRequest({
        deadline: {
          stage: 'ANSWER',
          dueOn: '2017-02-08',
          dueAt: new Date('2017-02-08T20:59:59.999Z'),
        },
      }),
      { text: answerText, outcome: 'PARTIALLY_ACCEPTED' },
      SECRETARY,
      POLICY,
      contextAt('2017-01-16T09:00:00.000Z'),
    );

    expect(state.answer?.onTime).toBe(true);
  });

  it('should measure an answer to an unregistered request as if registered on the last day allowed', () => {
    // Registration was due on 8 December; thirty days from it end on 7 January, a holiday: the 9th.
    const { state } = answerRequest(
      aSubmittedRequest(),
      { text: answerText, outcome: 'INFORMATION_ONLY' },
      MINISTRY_CLERK,
      POLICY,
      contextAt('2017-01-09T09:00:00.000Z'),
    );

    expect(state).toMatchObject({
      status: 'ANSWERED',
      deadline: {
        stage: 'ANSWER',
        dueOn: '2017-01-09',
        dueAt: new Date('2017-01-09T20:59:59.999Z'),
      },
      answer: { onTime: true },
    });
    expect(state).not.toHaveProperty('registeredOn');
  });

  it.each([
    [
      'an answer from the future',
      { answeredAt: new Date('2017-01-12T09:00:00.000Z') },
      'answeredAt: must not be in the future (now is 2017-01-11T09:00:00.000Z)',
    ],
    [
      'an answer before the request was sent',
      { answeredAt: new Date('2016-12-01T09:00:00.000Z') },
      'answeredAt: must not be before the request was sent (2016-12-05T07:00:00.000Z)',
    ],
    ['an empty text', { text: '' }, 'text: must not be empty'],
    [
      'a document without a number',
      { document: { number: ' ', date: '2017-01-09' } },
      'document.number: must not be empty',
    ],
    [
      'a document link that is not http',
      { document: { number: '1', date: '2017-01-09', url: 'ftp://x.ru/a' } },
      'document.url: must be an http(s) address',
    ],
  ])('should refuse %s', (_case, patch, message) => {
    const error = refusal(() =>
      answerRequest(
        aRegisteredRequest(),
        { text: answerText, outcome: 'ACCEPTED', ...patch },
        SECRETARY,
        POLICY,
        contextAt('2017-01-11T09:00:00.000Z'),
      ),
    );

    expect(error).toMatchObject({ code: 'BAD_USER_INPUT', message });
  });

  it('should refuse a representative of another organisation', () => {
    const error = refusal(() =>
      answerRequest(
        aRegisteredRequest(),
        { text: answerText, outcome: 'ACCEPTED' },
        { ...MINISTRY_CLERK, organizationId: 'org-minek' },
        POLICY,
        contextAt('2017-01-11T09:00:00.000Z'),
      ),
    );

    expect(error.code).toBe('FORBIDDEN');
  });

  it('should refuse a second answer', () => {
    const error = refusal(() =>
      answerRequest(
        aRegisteredRequest({ status: 'ANSWERED' }),
        { text: answerText, outcome: 'ACCEPTED' },
        SECRETARY,
        POLICY,
        contextAt('2017-01-11T09:00:00.000Z'),
      ),
    );

    expect(error.message).toBe('an ANSWERED request cannot be answered (status ANSWERED)');
  });
});

describe('closeRequest', () => {
  it('should close an answered request with a note', () => {
    const context = contextAt('2017-01-20T07:00:00.000Z');
    const answered = aRegisteredRequest({ status: 'ANSWERED' });

    const { state, changes } = closeRequest(
      answered,
      { note: 'Перечень проектов направлен' },
      context,
    );

    expect(state).toEqual({
      ...answered,
      status: 'CLOSED',
      closedAt: context.now,
      closingNote: 'Перечень проектов направлен',
      updatedAt: context.now,
    });
    expect(changes).toEqual([{ kind: 'closed', note: 'Перечень проектов направлен' }]);
  });

  it('should close without a note when none is given', () => {
    const { changes } = closeRequest(
      aRegisteredRequest({ status: 'ANSWERED' }),
      {},
      contextAt('2017-01-20T07:00:00.000Z'),
    );

    expect(changes).toEqual([{ kind: 'closed' }]);
  });

  it('should refuse a request that was not answered', () => {
    const error = refusal(() =>
      closeRequest(aRegisteredRequest(), {}, contextAt('2017-01-20T07:00:00Z')),
    );

    expect(error.message).toBe('a REGISTERED request cannot be closed (status REGISTERED)');
  });
});

describe('withdrawRequest', () => {
  it.each([
    ['a draft', aRequest(), 'DRAFT'],
    ['a sent request', aSubmittedRequest(), 'SUBMITTED'],
    ['a registered request', aRegisteredRequest(), 'REGISTERED'],
  ] as const)('should withdraw %s with the reason', (_case, request, previousStatus) => {
    const context = contextAt('2016-12-13T06:00:00.000Z');

    const { state, changes } = withdrawRequest(
      request,
      { reason: 'Вопрос решён на совещании' },
      context,
    );

    expect(state).toEqual({
      ...request,
      status: 'WITHDRAWN',
      withdrawnAt: context.now,
      withdrawalReason: 'Вопрос решён на совещании',
      updatedAt: context.now,
    });
    expect(changes).toEqual([
      { kind: 'withdrawn', previousStatus, reason: 'Вопрос решён на совещании' },
    ]);
  });

  it('should refuse an answered request, whose answer stays on record', () => {
    const error = refusal(() =>
      withdrawRequest(
        aRegisteredRequest({ status: 'ANSWERED' }),
        { reason: 'Поздно' },
        contextAt('2017-01-20T07:00:00Z'),
      ),
    );

    expect(error.code).toBe('CONFLICT');
  });

  it('should refuse without a reason', () => {
    const error = refusal(() =>
      withdrawRequest(aRequest(), { reason: ' ' }, contextAt('2016-12-13T06:00:00Z')),
    );

    expect(error.message).toBe('reason: must not be empty');
  });
});
