import {
  ADOPTED_AT,
  anAdoptedRecommendation,
  aRecommendation,
  ASSOCIATION,
  CHAIR,
  contextAt,
  CREATED_AT,
  MINPROMTORG,
  NTI_OFFICE,
  refusal,
  TENANT,
} from './recommendation.fixture';
import {
  adoptRecommendation,
  createFromResolution,
  type CreateFromResolution,
  defaultActionType,
  type DraftRecommendation,
  draftRecommendation,
  hasCutTitle,
  proposeRecommendation,
  rejectRecommendation,
  restoreWholeTitle,
  reviseRecommendation,
  shortTitle,
  supersedeRecommendation,
  titleFromText,
  withdrawRecommendation,
} from './recommendation-lifecycle';
import type { Recommendation } from './recommendation';

const resolutionText =
  'Предложить Минпромторгу России и Проектному офису НТИ провести отбор совместных проектов ' +
  'участников промышленных кластеров. Финансировать отобранные проекты из средств дорожных карт НТИ.';

const fromResolution: CreateFromResolution = {
  code: 'R-2016-04',
  conferenceId: 'conf-1',
  roundtableId: 'rt-1',
  meetingDate: '2016-11-10',
  published: true,
  resolution: {
    id: 'res-4',
    kind: 'RECOMMENDATION',
    text: resolutionText,
    addresseeIds: [MINPROMTORG, NTI_OFFICE],
    responsible: { kind: 'ORGANIZATION', id: ASSOCIATION },
    dueDate: '2017-06-30',
  },
};

describe('draftRecommendation', () => {
  const command: DraftRecommendation = {
    code: ' R-2016-01 ',
    title: ' Информационная и консультационная работа в регионах ',
    recommendedText:
      'Активизировать информационную и консультационную работу о лучших практиках создания ' +
      'промышленных кластеров и технопарков в регионах.',
    actionType: 'CONTINUE_WORK',
    responsible: { kind: 'ORGANIZATION', id: ` ${ASSOCIATION} ` },
  };

  it('should draft a recommendation of the association when it addresses nobody', () => {
    const context = contextAt('2016-11-11T09:00:00.000Z', 'rec-1', 'tl-1');

    const { state, changes, timeline } = draftRecommendation(command, context);

    expect(state).toEqual({
      id: 'rec-1',
      tenantId: TENANT,
      version: 1,
      code: 'R-2016-01',
      title: 'Информационная и консультационная работа в регионах',
      recommendedText: command.recommendedText,
      actionType: 'CONTINUE_WORK',
      addresseeIds: [],
      responsible: { kind: 'ORGANIZATION', id: ASSOCIATION },
      priority: 'NORMAL',
      source: {},
      published: false,
      status: 'DRAFT',
      addresseePositions: [],
      endorsements: [],
      progressReportCount: 0,
      requestFacts: [],
      announced: {},
      createdAt: context.now,
      updatedAt: context.now,
    });
    expect(changes).toEqual([{ kind: 'drafted' }]);
    expect(timeline).toEqual([
      {
        id: 'tl-1',
        tenantId: TENANT,
        recommendationId: 'rec-1',
        at: context.now,
        change: { kind: 'drafted' },
      },
    ]);
  });

  it('should give every addressee a pending position when it names addressees', () => {
    const { state } = draftRecommendation(
      { ...command, addresseeIds: [MINPROMTORG, ` ${NTI_OFFICE}`, MINPROMTORG] },
      contextAt('2016-11-11T09:00:00.000Z', 'rec-2'),
    );

    expect(state.addresseeIds).toEqual([MINPROMTORG, NTI_OFFICE]);
    expect(state.addresseePositions).toEqual([
      { organizationId: MINPROMTORG, position: 'PENDING', requestIds: [] },
      { organizationId: NTI_OFFICE, position: 'PENDING', requestIds: [] },
    ]);
  });

  it.each([
    ['an empty code', { code: ' ' }, 'code', 'code: must not be empty'],
    ['an empty title', { title: '' }, 'title', 'title: must not be empty'],
    [
      'a due date that does not exist',
      { dueDate: '2017-02-30' },
      'dueDate',
      'dueDate: must be a date YYYY-MM-DD',
    ],
    [
      'an empty addressee id',
      { addresseeIds: [MINPROMTORG, ' '] },
      'addresseeIds',
      'addresseeIds: must not contain empty ids',
    ],
    [
      'a responsible party without an id',
      { responsible: { kind: 'PERSON', id: '' } },
      'responsible',
      'responsible: must name an organisation or a person',
    ],
    [
      'more than 30 addressees',
      { addresseeIds: Array.from({ length: 31 }, (_, index) => `org-${index}`) },
      'addresseeIds',
      'addresseeIds: must have at most 30 ids',
    ],
  ] as const)('should refuse the draft when it has %s', (_case, patch, field, message) => {
    const error = refusal(() =>
      draftRecommendation({ ...command, ...patch }, contextAt('2016-11-11T09:00:00.000Z')),
    );

    expect(error).toMatchObject({ code: 'BAD_USER_INPUT', message, details: { field } });
  });
});

describe('createFromResolution', () => {
  it('should propose a recommendation linked to its resolution when a round table concluded', () => {
    const context = contextAt('2016-11-10T10:10:00.000Z', 'rec-4', 'tl-1');

    const { state, changes, timeline } = createFromResolution(fromResolution, context);

    const {
      legalBasis: _legalBasis,
      reviewDate: _reviewDate,
      ...expected
    } = aRecommendation({
      // The whole first sentence, longer than a short title.
      title:
        'Предложить Минпромторгу России и Проектному офису НТИ провести отбор совместных ' +
        'проектов участников промышленных кластеров',
      recommendedText: resolutionText,
      actionType: 'PROPOSAL',
      priority: 'NORMAL',
    });
    expect(state).toEqual({
      ...expected,
      source: { ...expected.source, meetingDate: '2016-11-10' },
    });
    expect(state).not.toHaveProperty('legalBasis');
    expect(state.proposedAt).toEqual(CREATED_AT);
    expect(changes).toEqual([{ kind: 'proposed' }]);
    expect(timeline.map((entry) => entry.id)).toEqual(['tl-1']);
  });

  it('should take the title and the action type when the caller gives them', () => {
    const { state } = createFromResolution(
      { ...fromResolution, title: 'Отбор проектов кластеров', actionType: 'APPEAL' },
      contextAt('2016-11-10T10:10:00.000Z', 'rec-4'),
    );

    expect(state).toMatchObject({ title: 'Отбор проектов кластеров', actionType: 'APPEAL' });
  });

  it('should leave out the conference when the round table sat on its own', () => {
    const { state } = createFromResolution(
      { ...fromResolution, conferenceId: null },
      contextAt('2016-11-10T10:10:00.000Z', 'rec-4'),
    );

    expect(state.source).toEqual({
      roundtableId: 'rt-1',
      resolutionId: 'res-4',
      meetingDate: '2016-11-10',
    });
  });

  it('should refuse when the resolution is a decision, which stays with the round table', () => {
    const error = refusal(() =>
      createFromResolution(
        { ...fromResolution, resolution: { ...fromResolution.resolution, kind: 'DECISION' } },
        contextAt('2016-11-10T10:10:00.000Z', 'rec-4'),
      ),
    );

    expect(error).toMatchObject({
      code: 'BAD_USER_INPUT',
      message: 'resolution.kind: a DECISION stays with the round table',
    });
  });

  it('should refuse when the resolution is a control item, which is taken under control instead', () => {
    const error = refusal(() =>
      createFromResolution(
        { ...fromResolution, resolution: { ...fromResolution.resolution, kind: 'CONTROL_ITEM' } },
        contextAt('2016-11-10T10:10:00.000Z', 'rec-4'),
      ),
    );

    expect(error).toMatchObject({
      code: 'BAD_USER_INPUT',
      message: 'resolution.kind: a CONTROL_ITEM becomes an item under control',
    });
  });
});

describe('defaultActionType', () => {
  it.each([
    ['QUESTION_TO_REGULATOR', [MINPROMTORG], 'QUESTION'],
    ['RECOMMENDATION', [MINPROMTORG], 'PROPOSAL'],
    ['RECOMMENDATION', [], 'CONTINUE_WORK'],
  ] as const)('should read a %s to %j as %s', (kind, addresseeIds, expected) => {
    expect(
      defaultActionType({
        ...fromResolution.resolution,
        kind,
        addresseeIds: [...addresseeIds],
      }),
    ).toBe(expected);
  });
});

const LONG_SENTENCE =
  'Рекомендовать Министерству промышленности и торговли Российской Федерации совместно с Проектным офисом Национальной технологической инициативы и органами исполнительной власти субъектов провести отбор совместных проектов';

describe('titleFromText', () => {
  it('should take the first sentence when it is short', () => {
    expect(titleFromText(' Создать экспертный совет.  Второе предложение. ')).toBe(
      'Создать экспертный совет',
    );
  });

  it('should keep dots inside a date when the sentence goes on after them', () => {
    expect(titleFromText('По постановлению № 779 от 31.07.2015 вести реестр. Далее.')).toBe(
      'По постановлению № 779 от 31.07.2015 вести реестр',
    );
  });

  it('should keep a long first sentence whole', () => {
    const sentence = `${LONG_SENTENCE}, ${'слово '.repeat(5)}конец`;

    expect(sentence.length).toBeGreaterThan(200);
    expect(titleFromText(`${sentence}. Второе предложение.`)).toBe(sentence);
  });

  it('should cut a first sentence longer than a title may be at a word, with an ellipsis', () => {
    const title = titleFromText(`${'слово '.repeat(60)}конец.`);

    expect(title).toBe(`${'слово '.repeat(49)}слово…`);
    expect(title.length).toBeLessThanOrEqual(300);
  });
});

describe('shortTitle', () => {
  it('should cut a long title at a word and end it with an ellipsis', () => {
    const short = shortTitle(LONG_SENTENCE);

    expect(short).toBe(
      'Рекомендовать Министерству промышленности и торговли Российской Федерации совместно с Проектным офисом Национальной…',
    );
    expect(short.length).toBeLessThanOrEqual(120);
  });

  it('should leave a title that fits unchanged', () => {
    const fits = `${'слово '.repeat(19)}конец`;

    expect(fits).toHaveLength(119);
    expect(shortTitle(fits)).toBe(fits);
    expect(shortTitle('Создать экспертный совет')).toBe('Создать экспертный совет');
  });
});

describe('hasCutTitle and restoreWholeTitle', () => {
  const text = `${LONG_SENTENCE}. Финансировать отобранные проекты.`;
  // What the rule before whole titles stored: the first sentence cut at 120 characters.
  const cut =
    'Рекомендовать Министерству промышленности и торговли Российской Федерации совместно с Проектным офисом Национальной…';
  const context = contextAt('2026-12-07T09:00:00.000Z', 'tl-1');

  it('should give the whole first sentence back to a title the old rule cut, in any status, as a revised title', () => {
    const state = anAdoptedRecommendation({ title: cut, recommendedText: text });

    const decision = restoreWholeTitle(state, context);

    expect(hasCutTitle(state)).toBe(true);
    expect(decision.state).toEqual({
      ...state,
      title: LONG_SENTENCE,
      updatedAt: new Date('2026-12-07T09:00:00.000Z'),
    });
    expect(decision.changes).toEqual([{ kind: 'revised', changedFields: ['title'] }]);
    expect(decision.timeline).toHaveLength(1);
  });

  it.each([
    ['retitled by hand', { title: 'Отбор совместных проектов кластеров', recommendedText: text }],
    ['whose text was revised', { title: cut, recommendedText: 'Создать экспертный совет.' }],
    [
      'whose whole first sentence fits',
      { title: 'Создать экспертный совет', recommendedText: 'Создать экспертный совет. Далее.' },
    ],
    ['drafted by hand', { title: cut, recommendedText: text, source: {} }],
  ])('should leave one %s as it is', (_case, overrides) => {
    const state = aRecommendation(overrides);

    expect(hasCutTitle(state)).toBe(false);
    expect(restoreWholeTitle(state, context)).toEqual({ state, changes: [], timeline: [] });
  });
});

describe('reviseRecommendation', () => {
  const context = contextAt('2016-11-15T09:00:00.000Z', 'tl-1');

  it('should report the changed fields when a proposal is revised', () => {
    const { state, changes, timeline } = reviseRecommendation(
      aRecommendation(),
      {
        priority: 'NORMAL',
        dueDate: '2017-09-30',
        title: 'Отбор совместных проектов участников промышленных кластеров',
      },
      context,
    );

    expect(state).toEqual(
      aRecommendation({ priority: 'NORMAL', dueDate: '2017-09-30', updatedAt: context.now }),
    );
    expect(changes).toEqual([{ kind: 'revised', changedFields: ['priority', 'dueDate'] }]);
    expect(timeline).toHaveLength(1);
  });

  it('should clear an optional field when it is given null', () => {
    const { state, changes } = reviseRecommendation(
      aRecommendation(),
      { legalBasis: null, reviewDate: null },
      contextAt('2016-11-15T09:00:00.000Z'),
    );

    expect(state).not.toHaveProperty('legalBasis');
    expect(state).not.toHaveProperty('reviewDate');
    expect(changes).toEqual([{ kind: 'revised', changedFields: ['legalBasis', 'reviewDate'] }]);
  });

  it('should keep known positions and add pending ones when the addressees change', () => {
    const known = {
      organizationId: MINPROMTORG,
      position: 'ACCEPTED' as const,
      requestIds: ['req-1'],
      answeredRequestId: 'req-1',
      answeredAt: new Date('2016-11-14T09:00:00.000Z'),
    };

    const { state } = reviseRecommendation(
      aRecommendation({
        addresseePositions: [
          known,
          { organizationId: NTI_OFFICE, position: 'PENDING', requestIds: [] },
        ],
      }),
      { addresseeIds: ['org-minek', MINPROMTORG] },
      contextAt('2016-11-15T09:00:00.000Z'),
    );

    expect(state.addresseePositions).toEqual([
      { organizationId: 'org-minek', position: 'PENDING', requestIds: [] },
      known,
    ]);
  });

  it('should change nothing when the revision repeats what is there', () => {
    const recommendation = aRecommendation();

    const decision = reviseRecommendation(
      recommendation,
      { priority: 'HIGH', addresseeIds: [MINPROMTORG, NTI_OFFICE] },
      contextAt('2016-11-15T09:00:00.000Z'),
    );

    expect(decision).toEqual({ state: recommendation, changes: [], timeline: [] });
  });

  it('should refuse when the recommendation was adopted, since what was recommended is frozen', () => {
    const error = refusal(() =>
      reviseRecommendation(anAdoptedRecommendation(), { title: 'Другое' }, context),
    );

    expect(error).toMatchObject({
      code: 'CONFLICT',
      message: 'an ADOPTED recommendation cannot be revised (status ADOPTED)',
      details: { currentState: 'ADOPTED' },
    });
  });
});

describe('proposeRecommendation', () => {
  it('should propose a draft when it is ready', () => {
    const context = contextAt('2016-11-12T09:00:00.000Z', 'tl-1');
    const draft = aRecommendation({ status: 'DRAFT', proposedAt: undefined });

    const { state, changes } = proposeRecommendation(draft, context);

    expect(state).toEqual({
      ...draft,
      status: 'PROPOSED',
      proposedAt: context.now,
      updatedAt: context.now,
    });
    expect(changes).toEqual([{ kind: 'proposed', previousStatus: 'DRAFT' }]);
  });

  it('should refuse when it is proposed already', () => {
    const error = refusal(() =>
      proposeRecommendation(aRecommendation(), contextAt('2016-11-12T09:00:00.000Z')),
    );

    expect(error.message).toBe('a PROPOSED recommendation cannot be proposed (status PROPOSED)');
  });
});

describe('adoptRecommendation', () => {
  const at = '2016-11-24T13:00:00.000Z';
  const chair = { kind: 'PERSON' as const, id: CHAIR };

  it('should record who decided and when, the decided text equal to the recommended one, when adopted as recommended', () => {
    const { state, changes, timeline } = adoptRecommendation(
      aRecommendation(),
      { decidedBy: chair },
      contextAt(at, 'tl-1', 'tl-2'),
    );

    expect(state).toEqual(anAdoptedRecommendation());
    expect(state.decidedAt).toEqual(ADOPTED_AT);
    expect(changes).toEqual([{ kind: 'adopted' }]);
    expect(timeline.map((entry) => entry.change.kind)).toEqual(['adopted']);
  });

  it('should keep the decided text apart from the recommended one when the decision differs', () => {
    const decidedText =
      ' Направить обращение в Минпромторг России и Проектный офис НТИ в 2017 году. ';

    const { state } = adoptRecommendation(
      aRecommendation(),
      { decidedBy: chair, decidedText },
      contextAt(at, 'tl-1', 'tl-2'),
    );

    expect(state.decidedText).toBe(decidedText.trim());
    expect(state.recommendedText).toBe(aRecommendation().recommendedText);
  });

  it('should move straight on to IN_PROGRESS when an addressee accepted before the adoption', () => {
    const accepted = {
      organizationId: NTI_OFFICE,
      position: 'ACCEPTED' as const,
      requestIds: ['req-2'],
      answeredRequestId: 'req-2',
      answeredAt: new Date('2016-11-20T09:00:00.000Z'),
    };

    const { state, changes, timeline } = adoptRecommendation(
      aRecommendation({
        addresseePositions: [
          { organizationId: MINPROMTORG, position: 'PENDING', requestIds: [] },
          accepted,
        ],
      }),
      { decidedBy: chair },
      contextAt(at, 'tl-1', 'tl-2'),
    );

    expect(state).toMatchObject({
      status: 'IN_PROGRESS',
      startedAt: ADOPTED_AT,
      decidedAt: ADOPTED_AT,
    });
    expect(changes).toEqual([
      { kind: 'adopted' },
      {
        kind: 'in-progress',
        previousStatus: 'ADOPTED',
        cause: { kind: 'ANSWER_ACCEPTED', requestId: 'req-2', addresseeId: NTI_OFFICE },
      },
    ]);
    expect(timeline.map((entry) => entry.id)).toEqual(['tl-1', 'tl-2']);
  });

  it('should be rejected by the addressees at once when every one declined before the adoption', () => {
    const declined = (organizationId: string, requestId: string) => ({
      organizationId,
      position: 'DECLINED' as const,
      requestIds: [requestId],
      answeredRequestId: requestId,
      answeredAt: new Date('2016-11-20T09:00:00.000Z'),
    });

    const { state, changes } = adoptRecommendation(
      aRecommendation({
        addresseePositions: [declined(MINPROMTORG, 'req-1'), declined(NTI_OFFICE, 'req-2')],
      }),
      { decidedBy: chair },
      contextAt('2016-11-24T13:00:00.000Z'),
    );

    const decidedBy = { kind: 'ADDRESSEES', organizationIds: [MINPROMTORG, NTI_OFFICE] };
    expect(state).toMatchObject({
      status: 'REJECTED',
      decidedBy: chair,
      rejection: { reason: 'declined by the addressees', decidedBy, decidedAt: ADOPTED_AT },
    });
    expect(changes).toEqual([
      { kind: 'adopted' },
      {
        kind: 'rejected',
        previousStatus: 'ADOPTED',
        reason: 'declined by the addressees',
        decidedBy,
      },
    ]);
  });

  it('should refuse an appeal when it has no addressee to send it to', () => {
    const error = refusal(() =>
      adoptRecommendation(
        aRecommendation({ addresseeIds: [], addresseePositions: [] }),
        { decidedBy: chair },
        contextAt(at, 'tl-1', 'tl-2'),
      ),
    );

    expect(error).toMatchObject({
      code: 'BAD_USER_INPUT',
      message: 'addresseeIds: an APPEAL needs at least one addressee',
    });
  });

  it('should refuse a question when it has no regulator to ask', () => {
    const error = refusal(() =>
      adoptRecommendation(
        aRecommendation({ actionType: 'QUESTION', addresseeIds: [], addresseePositions: [] }),
        { decidedBy: chair },
        contextAt(at, 'tl-1', 'tl-2'),
      ),
    );

    expect(error).toMatchObject({
      code: 'BAD_USER_INPUT',
      message: 'addresseeIds: a QUESTION needs at least one addressee',
    });
  });

  it('should adopt the association’s own work when it has no addressee', () => {
    const { state } = adoptRecommendation(
      aRecommendation({ actionType: 'CONTINUE_WORK', addresseeIds: [], addresseePositions: [] }),
      { decidedBy: { kind: 'ORGANIZATION', id: ASSOCIATION } },
      contextAt(at, 'tl-1', 'tl-2'),
    );

    expect(state.status).toBe('ADOPTED');
  });

  it.each(['DRAFT', 'ADOPTED', 'REJECTED'] as const)(
    'should refuse when the recommendation is %s',
    (status) => {
      const error = refusal(() =>
        adoptRecommendation(aRecommendation({ status }), { decidedBy: chair }, contextAt(at)),
      );

      expect(error.code).toBe('CONFLICT');
      expect(error.details).toEqual({ currentState: status });
    },
  );
});

describe('rejectRecommendation', () => {
  it('should record the association’s decision and reason when a proposal is rejected', () => {
    const context = contextAt('2016-11-24T13:00:00.000Z', 'tl-1');
    const decidedBy = { kind: 'ORGANIZATION' as const, id: ASSOCIATION };

    const { state, changes } = rejectRecommendation(
      aRecommendation(),
      { reason: ' Вопрос уже решается Минэкономразвития России ', decidedBy },
      context,
    );

    const reason = 'Вопрос уже решается Минэкономразвития России';
    expect(state).toEqual(
      aRecommendation({
        status: 'REJECTED',
        decidedBy,
        decidedAt: context.now,
        rejection: { reason, decidedBy, decidedAt: context.now },
        updatedAt: context.now,
      }),
    );
    expect(changes).toEqual([{ kind: 'rejected', previousStatus: 'PROPOSED', reason, decidedBy }]);
  });

  it('should refuse when no reason is given', () => {
    const error = refusal(() =>
      rejectRecommendation(
        aRecommendation(),
        { reason: '', decidedBy: { kind: 'PERSON', id: CHAIR } },
        contextAt('2016-11-24T13:00:00.000Z'),
      ),
    );

    expect(error.message).toBe('reason: must not be empty');
  });
});

describe('withdrawRecommendation', () => {
  const context = contextAt('2017-02-15T07:00:00.000Z', 'tl-1');

  it('should withdraw a draft when no reason is given', () => {
    const draft = aRecommendation({ status: 'DRAFT' });

    const { state, changes } = withdrawRecommendation(draft, { reason: null }, context);

    expect(state).toEqual({
      ...draft,
      status: 'WITHDRAWN',
      withdrawnAt: context.now,
      updatedAt: context.now,
    });
    expect(changes).toEqual([{ kind: 'withdrawn', previousStatus: 'DRAFT' }]);
  });

  it('should record the reason when an adopted recommendation is withdrawn', () => {
    const { state, changes } = withdrawRecommendation(
      anAdoptedRecommendation(),
      { reason: 'Отбор проведён без обращения ассоциации' },
      context,
    );

    expect(state).toMatchObject({
      status: 'WITHDRAWN',
      withdrawalReason: 'Отбор проведён без обращения ассоциации',
      withdrawnAt: context.now,
    });
    expect(changes).toEqual([
      {
        kind: 'withdrawn',
        previousStatus: 'ADOPTED',
        reason: 'Отбор проведён без обращения ассоциации',
      },
    ]);
  });

  it('should refuse an adopted recommendation when no reason is given', () => {
    const error = refusal(() =>
      withdrawRecommendation(anAdoptedRecommendation({ status: 'IN_PROGRESS' }), {}, context),
    );

    expect(error).toMatchObject({ code: 'BAD_USER_INPUT', message: 'reason: must not be empty' });
  });

  it.each(['IMPLEMENTED', 'WITHDRAWN', 'SUPERSEDED'] as const)(
    'should refuse when the recommendation is finished as %s',
    (status) => {
      const error = refusal(() =>
        withdrawRecommendation(aRecommendation({ status }), { reason: 'Поздно' }, context),
      );

      expect(error.code).toBe('CONFLICT');
    },
  );
});

describe('supersedeRecommendation', () => {
  const context = contextAt('2017-04-03T09:00:00.000Z', 'tl-1');

  it('should name the successor when an adopted recommendation is replaced', () => {
    const { state, changes } = supersedeRecommendation(
      anAdoptedRecommendation(),
      { supersededBy: 'rec-6', reason: 'Объединена с рекомендацией 6' },
      context,
    );

    expect(state).toEqual(
      anAdoptedRecommendation({
        status: 'SUPERSEDED',
        supersededBy: 'rec-6',
        supersededAt: context.now,
        supersessionReason: 'Объединена с рекомендацией 6',
        updatedAt: context.now,
      }),
    );
    expect(changes).toEqual([
      {
        kind: 'superseded',
        previousStatus: 'ADOPTED',
        supersededBy: 'rec-6',
        reason: 'Объединена с рекомендацией 6',
      },
    ]);
  });

  it('should refuse when the recommendation would supersede itself', () => {
    const error = refusal(() =>
      supersedeRecommendation(aRecommendation(), { supersededBy: 'rec-4' }, context),
    );

    expect(error.message).toBe('supersededBy: a recommendation cannot supersede itself');
  });

  it('should refuse a draft, which is withdrawn rather than superseded', () => {
    const draft: Recommendation = aRecommendation({ status: 'DRAFT' });

    const error = refusal(() => supersedeRecommendation(draft, { supersededBy: 'rec-6' }, context));

    expect(error.message).toBe('a DRAFT recommendation cannot be superseded (status DRAFT)');
  });
});
