import type { Actor } from './permissions';
import { markImplemented, markPartlyImplemented, reportProgress } from './progress';
import {
  anAdoptedRecommendation,
  contextAt,
  MINPROMTORG,
  NTI_OFFICE,
  refusal,
  TENANT,
} from './recommendation.fixture';

const ntiRepresentative: Actor = {
  subject: 'user-nti',
  roles: ['addressee'],
  organizationId: NTI_OFFICE,
};
const secretary: Actor = { subject: 'user-secretary', roles: ['secretary'] };
const author = { kind: 'ORGANIZATION' as const, id: NTI_OFFICE };
const text =
  'Отбор проектов участников промышленных кластеров включён в план проектного офиса на 2017 год.';

describe('reportProgress', () => {
  it('should store the report apart and move an adopted recommendation to IN_PROGRESS when the first report comes', () => {
    const context = contextAt('2017-03-01T12:00:00.000Z', 'report-1', 'tl-1', 'tl-2');

    const { state, changes, timeline, report } = reportProgress(
      anAdoptedRecommendation(),
      { author, text: ` ${text} `, percent: 30 },
      ntiRepresentative,
      context,
    );

    const expected = {
      id: 'report-1',
      tenantId: TENANT,
      recommendationId: 'rec-4',
      author,
      text,
      percent: 30,
      reportedAt: context.now,
    };
    expect(report).toEqual(expected);
    expect(state).toEqual(
      anAdoptedRecommendation({
        status: 'IN_PROGRESS',
        startedAt: context.now,
        progressReportCount: 1,
        lastProgressPercent: 30,
        lastProgressAt: context.now,
        updatedAt: context.now,
      }),
    );
    expect(changes).toEqual([
      { kind: 'progress-reported', report: expected },
      {
        kind: 'in-progress',
        previousStatus: 'ADOPTED',
        cause: { kind: 'PROGRESS_REPORTED', reportId: 'report-1', author },
      },
    ]);
    expect(timeline.map((entry) => entry.id)).toEqual(['tl-1', 'tl-2']);
  });

  it('should keep the start and accept a lower percent when a later report reports a setback', () => {
    const startedAt = new Date('2017-01-16T09:00:00.000Z');
    const inProgress = anAdoptedRecommendation({
      status: 'IN_PROGRESS',
      startedAt,
      progressReportCount: 1,
      lastProgressPercent: 60,
      lastProgressAt: startedAt,
    });

    const { state, changes } = reportProgress(
      inProgress,
      {
        author: { kind: 'ORGANIZATION', id: MINPROMTORG },
        text: 'Финансирование сокращено.',
        percent: 40,
      },
      secretary,
      contextAt('2017-04-01T12:00:00.000Z', 'report-2'),
    );

    expect(state).toMatchObject({
      status: 'IN_PROGRESS',
      startedAt,
      progressReportCount: 2,
      lastProgressPercent: 40,
    });
    expect(changes.map((change) => change.kind)).toEqual(['progress-reported']);
  });

  it.each([0, 100])('should accept %j percent when it is at a bound', (percent) => {
    const { report } = reportProgress(
      anAdoptedRecommendation(),
      { author, text, percent },
      secretary,
      contextAt('2017-03-01T12:00:00.000Z', 'report-1'),
    );

    expect(report.percent).toBe(percent);
  });

  it.each([-1, 101, 33.3, Number.NaN])('should refuse %j percent', (percent) => {
    const error = refusal(() =>
      reportProgress(
        anAdoptedRecommendation(),
        { author, text, percent },
        secretary,
        contextAt('2017-03-01T12:00:00.000Z', 'report-1'),
      ),
    );

    expect(error).toMatchObject({
      code: 'BAD_USER_INPUT',
      message: 'percent: must be a whole number from 0 to 100',
      details: { field: 'percent' },
    });
  });

  it('should refuse an actor who is neither responsible, addressed nor a secretary', () => {
    const error = refusal(() =>
      reportProgress(
        anAdoptedRecommendation(),
        { author, text, percent: 10 },
        { subject: 'user-x', roles: ['member'], organizationId: 'org-other' },
        contextAt('2017-03-01T12:00:00.000Z'),
      ),
    );

    expect(error).toMatchObject({
      code: 'FORBIDDEN',
      message: 'progress is reported by the responsible party, an addressee or the secretary',
    });
  });

  it.each(['PROPOSED', 'IMPLEMENTED', 'REJECTED'] as const)(
    'should refuse a report when the recommendation is %s',
    (status) => {
      const error = refusal(() =>
        reportProgress(
          anAdoptedRecommendation({ status }),
          { author, text, percent: 10 },
          secretary,
          contextAt('2017-03-01T12:00:00.000Z'),
        ),
      );

      expect(error.message).toMatch(/recommendation cannot take progress reports \(status/);
    },
  );

  it('should refuse an empty text', () => {
    const error = refusal(() =>
      reportProgress(
        anAdoptedRecommendation(),
        { author, text: ' ', percent: 10 },
        secretary,
        contextAt('2017-03-01T12:00:00.000Z'),
      ),
    );

    expect(error.message).toBe('text: must not be empty');
  });
});

describe('markImplemented', () => {
  it('should finish an IN_PROGRESS recommendation with a note when it was carried out', () => {
    const context = contextAt('2017-06-20T09:00:00.000Z', 'tl-1');

    const { state, changes } = markImplemented(
      anAdoptedRecommendation({ status: 'IN_PROGRESS' }),
      { note: 'Три проекта кластеров получили финансирование' },
      context,
    );

    expect(state).toMatchObject({
      status: 'IMPLEMENTED',
      finishedAt: context.now,
      implementationNote: 'Три проекта кластеров получили финансирование',
    });
    expect(changes).toEqual([
      {
        kind: 'implemented',
        previousStatus: 'IN_PROGRESS',
        note: 'Три проекта кластеров получили финансирование',
      },
    ]);
  });

  it('should finish a partly implemented recommendation when the rest was done later', () => {
    const { state, changes } = markImplemented(
      anAdoptedRecommendation({ status: 'PARTIALLY_IMPLEMENTED', implementationNote: 'Без НТИ' }),
      {},
      contextAt('2017-09-01T09:00:00.000Z'),
    );

    expect(state.status).toBe('IMPLEMENTED');
    expect(state).not.toHaveProperty('implementationNote');
    expect(changes).toEqual([{ kind: 'implemented', previousStatus: 'PARTIALLY_IMPLEMENTED' }]);
  });

  it('should refuse a proposal, which has to be adopted first', () => {
    const error = refusal(() =>
      markImplemented(
        anAdoptedRecommendation({ status: 'PROPOSED' }),
        {},
        contextAt('2017-06-20T09:00:00.000Z'),
      ),
    );

    expect(error.message).toBe('a PROPOSED recommendation cannot be implemented (status PROPOSED)');
  });
});

describe('markPartlyImplemented', () => {
  it('should record what was not done when the recommendation was carried out in part', () => {
    const context = contextAt('2017-07-10T09:00:00.000Z', 'tl-1');

    const { state, changes } = markPartlyImplemented(
      anAdoptedRecommendation(),
      { note: 'Проектный офис НТИ финансирование не выделил' },
      context,
    );

    expect(state).toMatchObject({
      status: 'PARTIALLY_IMPLEMENTED',
      finishedAt: context.now,
      implementationNote: 'Проектный офис НТИ финансирование не выделил',
    });
    expect(changes).toEqual([
      {
        kind: 'partly-implemented',
        previousStatus: 'ADOPTED',
        note: 'Проектный офис НТИ финансирование не выделил',
      },
    ]);
  });

  it('should refuse when no note says what was not done', () => {
    const error = refusal(() =>
      markPartlyImplemented(
        anAdoptedRecommendation(),
        { note: '' },
        contextAt('2017-07-10T09:00:00.000Z'),
      ),
    );

    expect(error.message).toBe('note: must not be empty');
  });

  it('should refuse when it is partly implemented already', () => {
    const error = refusal(() =>
      markPartlyImplemented(
        anAdoptedRecommendation({ status: 'PARTIALLY_IMPLEMENTED' }),
        { note: 'Ещё раз' },
        contextAt('2017-07-10T09:00:00.000Z'),
      ),
    );

    expect(error.code).toBe('CONFLICT');
  });
});
