import { z } from 'zod';
import { decodeEvent, encodeEvent } from './codec';
import {
  addresseePositionStatusSchema,
  controlItemEvents,
  decisionMakerSchema,
  recommendationActionTypeSchema,
  recommendationAdoptedV1,
  recommendationInProgressV1,
  recommendationPrioritySchema,
  recommendationProgressReportedV1,
  recommendationRejectedV1,
  recommendationRequestRecordedV1,
  recommendationRevisedV1,
  recommendationsEvents,
  recommendationStatusSchema,
  requestFactKindSchema,
} from './recommendations';
import { eventDefinitions } from './registry';
import { partyRefSchema } from './roundtables';
import {
  recommendationAdopted,
  recommendationInProgress,
  recommendationRequestRecorded,
} from './testing';

function requiredOf(schema: z.ZodType): string[] {
  const json = z.toJSONSchema(schema, { io: 'input' }) as { required?: string[] };
  return json.required ?? [];
}

describe('recommendations contracts', () => {
  it('should register every recommendations event in the registry when loaded', () => {
    const recommendations = eventDefinitions.filter(
      (definition) =>
        definition.service === 'recommendations' && definition.aggregate === 'recommendation',
    );

    expect(recommendations.map((definition) => definition.type)).toEqual([
      'kollegia.recommendations.recommendation.drafted.v1',
      'kollegia.recommendations.recommendation.proposed.v1',
      'kollegia.recommendations.recommendation.revised.v1',
      'kollegia.recommendations.recommendation.adopted.v1',
      'kollegia.recommendations.recommendation.rejected.v1',
      'kollegia.recommendations.recommendation.withdrawn.v1',
      'kollegia.recommendations.recommendation.superseded.v1',
      'kollegia.recommendations.recommendation.renumbered.v1',
      'kollegia.recommendations.recommendation.endorsed.v1',
      'kollegia.recommendations.recommendation.endorsement-withdrawn.v1',
      'kollegia.recommendations.recommendation.progress-reported.v1',
      'kollegia.recommendations.recommendation.in-progress.v1',
      'kollegia.recommendations.recommendation.implemented.v1',
      'kollegia.recommendations.recommendation.partly-implemented.v1',
      'kollegia.recommendations.recommendation.due-soon.v1',
      'kollegia.recommendations.recommendation.overdue.v1',
      'kollegia.recommendations.recommendation.review-due.v1',
      'kollegia.recommendations.recommendation.request-recorded.v1',
    ]);
    expect(recommendationsEvents).toHaveLength(18);
  });

  it('should register every item-under-control event on its own topic when loaded', () => {
    const controlItems = eventDefinitions.filter(
      (definition) => definition.aggregate === 'control-item',
    );

    expect(controlItems.map((definition) => [definition.type, definition.topic])).toEqual(
      ['taken', 'progress-reported', 'extended', 'done', 'removed', 'due-soon', 'overdue'].map(
        (name) => [
          `kollegia.recommendations.control-item.${name}.v1`,
          'kollegia.recommendations.control-item',
        ],
      ),
    );
    expect(controlItems).toEqual([...controlItemEvents]);
  });

  it('should say where every item-under-control event leaves the item and who controls it', () => {
    const header = ['id', 'status', 'published'];

    const missing = controlItemEvents.filter(
      (definition) => !header.every((key) => requiredOf(definition.data).includes(key)),
    );

    expect(missing.map((definition) => definition.type)).toEqual([]);
  });

  it('should name the recommendation, its addressees and its visibility in every event when published', () => {
    const header = ['id', 'code', 'title', 'status', 'addresseeIds', 'published'];

    const missing = recommendationsEvents.filter(
      (definition) => !header.every((key) => requiredOf(definition.data).includes(key)),
    );

    expect(missing.map((definition) => definition.type)).toEqual([]);
  });

  it('should carry what the requests service drafts requests from when a recommendation is adopted', () => {
    expect(requiredOf(recommendationAdoptedV1.data)).toEqual(
      expect.arrayContaining([
        'id',
        'code',
        'title',
        'recommendedText',
        'decidedText',
        'actionType',
        'addresseeIds',
        'source',
        'decidedBy',
        'decidedAt',
      ]),
    );
    expect(recommendationAdoptedV1.example).toMatchObject({
      code: 'R-2016-04',
      actionType: 'APPEAL',
      addresseeIds: ['6650a1f0c2b9e4a1d3f00002', '6650a1f0c2b9e4a1d3f00003'],
      responsible: { kind: 'ORGANIZATION', id: '6650a1f0c2b9e4a1d3f00001' },
      legalBasis: expect.stringContaining('№ 779'),
      source: {
        conferenceId: '6650a1f0c2b9e4a1d3f00501',
        roundtableId: '6650a1f0c2b9e4a1d3f00601',
        resolutionId: '6650a1f0c2b9e4a1d3f00641',
      },
      dueDate: '2017-06-30',
      reviewDate: '2017-03-01',
    });
  });

  it('should keep what was decided apart from what was recommended when adopted with changes', () => {
    const { recommendedText, decidedText } = recommendationAdoptedV1.example;

    expect(decidedText).not.toBe(recommendedText);
    expect(recommendedText).toMatch(/^Обратиться в Минпромторг России и Проектный офис НТИ/);
  });

  it('should accept a recommendation when it comes from no round table and addresses nobody', () => {
    const { responsible: _responsible, ...ownWork } = recommendationAdoptedV1.example;

    const result = recommendationAdoptedV1.data.safeParse({
      ...ownWork,
      actionType: 'CONTINUE_WORK',
      addresseeIds: [],
      source: {},
    });

    expect(result.success).toBe(true);
  });

  it.each([
    ['dueDate', '30.06.2017'],
    ['actionType', 'WISH'],
    ['priority', 'URGENT'],
    ['status', 'DONE'],
    ['code', ''],
    ['addresseeIds', ['']],
  ])('should reject an adopted recommendation at %s when it is %j', (field, value) => {
    const result = recommendationAdoptedV1.data.safeParse({
      ...recommendationAdoptedV1.example,
      [field]: value,
    });

    expect(result.error?.issues.map((issue) => issue.path.slice(0, 1))).toEqual([[field]]);
  });

  it.each([-1, 101, 12.5])('should reject a progress report when its percent is %j', (percent) => {
    const { report } = recommendationProgressReportedV1.example;

    const result = recommendationProgressReportedV1.data.safeParse({
      ...recommendationProgressReportedV1.example,
      report: { ...report, percent },
    });

    expect(result.error?.issues.map((issue) => issue.path)).toEqual([['report', 'percent']]);
  });

  it.each([0, 100])('should accept a progress report when its percent is %j', (percent) => {
    const { report } = recommendationProgressReportedV1.example;

    const result = recommendationProgressReportedV1.data.safeParse({
      ...recommendationProgressReportedV1.example,
      report: { ...report, percent },
    });

    expect(result.success).toBe(true);
  });

  it('should name the addressees as the decision maker when every addressee declined', () => {
    expect(recommendationRejectedV1.example.decidedBy).toEqual({
      kind: 'ADDRESSEES',
      organizationIds: ['6650a1f0c2b9e4a1d3f00002', '6650a1f0c2b9e4a1d3f00003'],
    });
    expect(decisionMakerSchema.safeParse({ kind: 'PERSON', id: 'p-1' }).success).toBe(true);
    expect(decisionMakerSchema.safeParse({ kind: 'ADDRESSEES', organizationIds: [] }).success).toBe(
      false,
    );
  });

  it('should reject an in-progress cause when it is of an unknown kind', () => {
    const result = recommendationInProgressV1.data.safeParse({
      ...recommendationInProgressV1.example,
      cause: { kind: 'MANUAL' },
    });

    expect(result.success).toBe(false);
  });

  it('should accept an in-progress cause when the first progress report started the work', () => {
    const result = recommendationInProgressV1.data.safeParse({
      ...recommendationInProgressV1.example,
      cause: {
        kind: 'PROGRESS_REPORTED',
        reportId: 'report-1',
        author: { kind: 'ORGANIZATION', id: 'org-1' },
      },
    });

    expect(result.success).toBe(true);
  });

  it('should reject a recorded request fact when its outcome is not an answer outcome', () => {
    const result = recommendationRequestRecordedV1.data.safeParse({
      ...recommendationRequestRecordedV1.example,
      request: { ...recommendationRequestRecordedV1.example.request, outcome: 'MAYBE' },
    });

    expect(result.error?.issues.map((issue) => issue.path)).toEqual([['request', 'outcome']]);
  });

  it('should reject a revision when it names no changed field', () => {
    const result = recommendationRevisedV1.data.safeParse({
      ...recommendationRevisedV1.example,
      changedFields: [],
    });

    expect(result.success).toBe(false);
  });

  it('should reject a revision when it reports a change of status, which its own events announce', () => {
    const result = recommendationRevisedV1.data.safeParse({
      ...recommendationRevisedV1.example,
      changedFields: ['status'],
    });

    expect(result.success).toBe(false);
  });

  it('should build events that decode when the factories are given an aggregate id', () => {
    const events = [
      recommendationAdopted({ data: { id: 'rec-4' } }),
      recommendationInProgress({ data: { id: 'rec-4' } }),
      recommendationRequestRecorded({ data: { id: 'rec-4' } }),
    ];

    expect(events.map((event) => event.subject)).toEqual(['rec-4', 'rec-4', 'rec-4']);
    for (const event of events) {
      expect(decodeEvent(encodeEvent(event).value)).toEqual({ ok: true, event });
    }
  });

  it('should refer to parties as members are referred to when a consumer resolves them', () => {
    const responsible = recommendationAdoptedV1.data.shape.responsible;

    expect(responsible.unwrap()).toBe(partyRefSchema);
  });

  it('should expose the enumerations with their values when reused by the recommendations service', () => {
    expect(recommendationStatusSchema.options).toEqual([
      'DRAFT',
      'PROPOSED',
      'ADOPTED',
      'IN_PROGRESS',
      'IMPLEMENTED',
      'PARTIALLY_IMPLEMENTED',
      'REJECTED',
      'WITHDRAWN',
      'SUPERSEDED',
    ]);
    expect(recommendationActionTypeSchema.options).toEqual([
      'APPEAL',
      'PROPOSAL',
      'QUESTION',
      'CONTINUE_WORK',
      'DEVELOP_MATERIALS',
      'CREATE_BODY',
      'LEGISLATIVE_INITIATIVE',
      'OTHER',
    ]);
    expect(recommendationPrioritySchema.options).toEqual(['LOW', 'NORMAL', 'HIGH']);
    expect(addresseePositionStatusSchema.options).toEqual([
      'PENDING',
      'ACCEPTED',
      'PARTIALLY_ACCEPTED',
      'DECLINED',
      'INFORMATION_ONLY',
    ]);
    expect(requestFactKindSchema.options).toEqual([
      'SUBMITTED',
      'REGISTERED',
      'DUE_SOON',
      'ANSWERED',
      'OVERDUE',
    ]);
  });
});
