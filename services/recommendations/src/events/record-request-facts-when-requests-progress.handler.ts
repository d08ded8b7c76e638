import type { EventHandlers } from '@kollegia/service-kit';

import type { RequestFactUseCases } from '../application/request-facts';
import type { RecordRequestEvent } from '../domain/request-facts';
import { refusingBadInput } from './non-retriable';

interface RequestEvent {
  id: string;
  tenantid: string;
  correlationid: string;
  data: { id: string; recommendationId?: string; addresseeId: string };
}

/**
 * request.submitted / registered / due-soon / answered / overdue → a fact on the recommendation the request was made
 * from (requests made by hand, without a recommendation, are none of this service's business).
 */
export function recordRequestFactsWhenRequestsProgress(
  requestFacts: RequestFactUseCases,
): EventHandlers {
  async function record(
    event: RequestEvent,
    fact: Omit<RecordRequestEvent, 'requestId' | 'addresseeId'>,
  ) {
    const recommendationId = event.data.recommendationId;
    if (!recommendationId) return 'unrelated';
    return refusingBadInput(() =>
      requestFacts.record(
        { tenantId: event.tenantid, eventId: event.id, correlationId: event.correlationid },
        recommendationId,
        { requestId: event.data.id, addresseeId: event.data.addresseeId, ...fact },
      ),
    );
  }
  return {
    'kollegia.requests.request.submitted.v1': async (event, meta) => {
      const outcome = await record(event, {
        kind: 'SUBMITTED',
        occurredAt: new Date(event.data.submittedAt),
      });
      meta.logger.debug({ outcome }, 'request submission noted');
    },
    'kollegia.requests.request.due-soon.v1': async (event, meta) => {
      const outcome = await record(event, {
        kind: 'DUE_SOON',
        dueOn: event.data.dueOn,
        occurredAt: new Date(event.time),
      });
      meta.logger.debug({ outcome }, 'request deadline approach noted');
    },
    'kollegia.requests.request.registered.v1': async (event, meta) => {
      const outcome = await record(event, { kind: 'REGISTERED', occurredAt: new Date(event.time) });
      meta.logger.debug({ outcome }, 'request registration noted');
    },
    'kollegia.requests.request.answered.v1': async (event, meta) => {
      const outcome = await record(event, {
        kind: 'ANSWERED',
        outcome: event.data.answer.outcome,
        occurredAt: new Date(event.data.answer.answeredAt),
      });
      meta.logger.debug({ outcome }, 'request answer noted');
    },
    'kollegia.requests.request.overdue.v1': async (event, meta) => {
      const outcome = await record(event, {
        kind: 'OVERDUE',
        dueOn: event.data.dueOn,
        occurredAt: new Date(event.data.dueAt),
      });
      meta.logger.debug({ outcome }, 'request deadline noted');
    },
  };
}
