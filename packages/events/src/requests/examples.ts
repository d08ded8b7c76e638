import { exampleIds as recommendationIds } from '../recommendations/examples';
import type { RequestHeader, RequestSnapshot } from './parts';

// Examples follow the appeal the association sent to Минпромторг России on recommendation 4 of the
// conference «Промышленная Россия 4.0» (R-2016-04). Ids match the recommendations examples.

/** Ids of the organisations, people and aggregates the examples mention. */
export const exampleIds = {
  ...recommendationIds,
  president: '6650a1f0c2b9e4a1d3f00104',
} as const;

export const exampleRequestHeader = {
  id: exampleIds.requestToMinistry,
  recommendationId: exampleIds.recommendation,
  addresseeId: exampleIds.ministryOfIndustry,
  kind: 'APPEAL',
  status: 'DRAFT',
} satisfies RequestHeader;

export const exampleRequest = {
  ...exampleRequestHeader,
  subject: 'О конкурсном отборе совместных проектов участников промышленных кластеров',
  body:
    'Ассоциация кластеров и технопарков по итогам конференции «Промышленная Россия 4.0» просит ' +
    'рассмотреть возможность провести в 2017 году конкурсный отбор совместных проектов ' +
    'участников промышленных кластеров, включённых в реестр по постановлению Правительства ' +
    'Российской Федерации № 779, с финансированием из средств дорожных карт НТИ. Перечень ' +
    'проектов-кандидатов прилагается.',
  signatory: { kind: 'PERSON', id: exampleIds.president },
} satisfies RequestSnapshot;

export const exampleOutgoingNumber = 'АКИТ-2016/014';

/** Registered on 7 December 2016: thirty days end on 6 January, a holiday, so 9 January. */
export const exampleAnswerDue = {
  dueOn: '2017-01-09',
  dueAt: '2017-01-09T23:59:59.999+03:00',
} as const;

/** The answer deadline after a thirty-day extension. */
export const exampleExtendedDue = {
  dueOn: '2017-02-08',
  dueAt: '2017-02-08T23:59:59.999+03:00',
} as const;
