import { z } from 'zod';
import { decodeEvent, encodeEvent } from './codec';
import { eventDefinitions } from './registry';
import {
  answerOutcomeSchema,
  requestAnsweredV1,
  requestDeadlineStageSchema,
  requestEditedV1,
  requestKindSchema,
  requestOverdueV1,
  requestRegisteredV1,
  requestsEvents,
  requestStatusSchema,
  requestSubmittedV1,
} from './requests';
import { requestAnswered, requestDrafted, requestSubmitted } from './testing';

function requiredOf(schema: z.ZodType): string[] {
  const json = z.toJSONSchema(schema, { io: 'input' }) as { required?: string[] };
  return json.required ?? [];
}

describe('requests contracts', () => {
  it('should register every requests event in the registry when loaded', () => {
    const requests = eventDefinitions.filter((definition) => definition.service === 'requests');

    expect(requests.map((definition) => definition.type)).toEqual([
      'kollegia.requests.request.drafted.v1',
      'kollegia.requests.request.edited.v1',
      'kollegia.requests.request.submitted.v1',
      'kollegia.requests.request.registered.v1',
      'kollegia.requests.request.deadline-extended.v1',
      'kollegia.requests.request.answered.v1',
      'kollegia.requests.request.closed.v1',
      'kollegia.requests.request.withdrawn.v1',
      'kollegia.requests.request.due-soon.v1',
      'kollegia.requests.request.overdue.v1',
    ]);
    expect(requestsEvents).toHaveLength(10);
  });

  it('should name the request, its addressee, kind and status in every event when published', () => {
    const header = ['id', 'addresseeId', 'kind', 'status'];

    const missing = requestsEvents.filter(
      (definition) => !header.every((key) => requiredOf(definition.data).includes(key)),
    );

    expect(missing.map((definition) => definition.type)).toEqual([]);
  });

  it('should carry the deadline that runs in every event after submission when published', () => {
    const withDeadline = requestsEvents
      .filter((definition) => requiredOf(definition.data).includes('dueAt'))
      .map((definition) => definition.name);

    expect(withDeadline).toEqual([
      'submitted',
      'registered',
      'deadline-extended',
      'answered',
      'due-soon',
      'overdue',
    ]);
  });

  it('should carry the outgoing number when a request is submitted', () => {
    const { outgoingNumber: _outgoingNumber, ...withoutNumber } = requestSubmittedV1.example;

    expect(requestSubmittedV1.example.outgoingNumber).toBe('АКИТ-2016/014');
    expect(requestSubmittedV1.data.safeParse(withoutNumber).success).toBe(false);
  });

  it('should accept a request when it was made by hand, without a recommendation', () => {
    const { recommendationId: _recommendationId, ...byHand } = requestSubmittedV1.example;

    expect(requestSubmittedV1.data.safeParse(byHand).success).toBe(true);
  });

  it('should count the answer deadline across the New Year holidays when registered on 7 December', () => {
    expect(requestRegisteredV1.example).toMatchObject({
      incomingNumber: 'ВХ-53117/16',
      registeredOn: '2016-12-07',
      dueOn: '2017-01-09',
      dueAt: '2017-01-09T23:59:59.999+03:00',
    });
  });

  it.each([
    ['outcome', 'MAYBE', ['answer', 'outcome']],
    ['answeredAt', '2017-01-16', ['answer', 'answeredAt']],
    ['text', '', ['answer', 'text']],
    ['document', { number: '12-4821/01', date: '13.01.2017' }, ['answer', 'document', 'date']],
  ])('should reject an answer at %s when it is %j', (field, value, path) => {
    const result = requestAnsweredV1.data.safeParse({
      ...requestAnsweredV1.example,
      answer: { ...requestAnsweredV1.example.answer, [field]: value },
    });

    expect(result.error?.issues.map((issue) => issue.path)).toEqual([path]);
  });

  it('should accept an answer when it has no document', () => {
    const { document: _document, ...noDocument } = requestAnsweredV1.example.answer;

    const result = requestAnsweredV1.data.safeParse({
      ...requestAnsweredV1.example,
      answer: noDocument,
    });

    expect(result.success).toBe(true);
  });

  it('should reject an overdue notice when it is not overdue by a day at least', () => {
    const result = requestOverdueV1.data.safeParse({ ...requestOverdueV1.example, daysOverdue: 0 });

    expect(result.error?.issues.map((issue) => issue.path)).toEqual([['daysOverdue']]);
  });

  it('should reject an edit when it reports a change of addressee, which a new request needs', () => {
    const result = requestEditedV1.data.safeParse({
      ...requestEditedV1.example,
      changedFields: ['addresseeId'],
    });

    expect(result.success).toBe(false);
  });

  it('should build events that decode when the factories are given an aggregate id', () => {
    const events = [
      requestDrafted({ data: { id: 'req-1' } }),
      requestSubmitted({ data: { id: 'req-1' } }),
      requestAnswered({ data: { id: 'req-1' } }),
    ];

    expect(events.map((event) => event.subject)).toEqual(['req-1', 'req-1', 'req-1']);
    for (const event of events) {
      expect(decodeEvent(encodeEvent(event).value)).toEqual({ ok: true, event });
    }
  });

  it('should expose the enumerations with their values when reused by the requests service', () => {
    expect(requestStatusSchema.options).toEqual([
      'DRAFT',
      'SUBMITTED',
      'REGISTERED',
      'ANSWERED',
      'CLOSED',
      'WITHDRAWN',
    ]);
    expect(requestKindSchema.options).toEqual([
      'APPEAL',
      'PROPOSAL',
      'QUESTION',
      'INFORMATION_REQUEST',
    ]);
    expect(answerOutcomeSchema.options).toEqual([
      'ACCEPTED',
      'PARTIALLY_ACCEPTED',
      'DECLINED',
      'INFORMATION_ONLY',
    ]);
    expect(requestDeadlineStageSchema.options).toEqual(['REGISTRATION', 'ANSWER']);
  });
});
