import { exampleIds as roundtableIds, exampleResolution } from '../roundtables/examples';
import type { PartyRef } from '../roundtables/parts';
import type { RecommendationHeader, RecommendationSnapshot } from './parts';

// Examples follow recommendation 4 of the conference «Промышленная Россия 4.0» (Moscow,
// 10 November 2016): an appeal to Минпромторг России and the НТИ project office. Ids match the
// roundtables examples.

/** Ids of the organisations, people and aggregates the examples mention. */
export const exampleIds = {
  ...roundtableIds,
  chair: '6650a1f0c2b9e4a1d3f00103',
  recommendation: '6650a1f0c2b9e4a1d3f00701',
  successor: '6650a1f0c2b9e4a1d3f00707',
  requestToMinistry: '6650a1f0c2b9e4a1d3f00801',
  requestToProjectOffice: '6650a1f0c2b9e4a1d3f00802',
} as const;

export const exampleAssociation = {
  kind: 'ORGANIZATION',
  id: exampleIds.association,
} satisfies PartyRef;

export const exampleRecommendationHeader = {
  id: exampleIds.recommendation,
  code: 'R-2016-04',
  title: 'Отбор совместных проектов участников промышленных кластеров для финансирования по НТИ',
  status: 'PROPOSED',
  addresseeIds: [exampleIds.ministryOfIndustry, exampleIds.ntiProjectOffice],
  published: true,
} satisfies RecommendationHeader;

/** Recommendation 4 as the round table recommended it. */
export const exampleRecommendation = {
  ...exampleRecommendationHeader,
  recommendedText:
    'Обратиться в Минпромторг России и Проектный офис НТИ с предложением провести отбор ' +
    'совместных проектов участников промышленных кластеров, включённых в реестр промышленных ' +
    'кластеров, и финансировать отобранные проекты из средств дорожных карт НТИ.',
  actionType: 'APPEAL',
  responsible: exampleAssociation,
  legalBasis: 'Постановление Правительства Российской Федерации от 31.07.2015 № 779',
  priority: 'HIGH',
  source: {
    conferenceId: exampleIds.conference,
    roundtableId: exampleIds.roundtable,
    resolutionId: exampleResolution.id,
    meetingDate: '2016-11-10',
  },
  dueDate: '2017-06-30',
  reviewDate: '2017-03-01',
} satisfies RecommendationSnapshot;

/** What the association's council finally decided: the recommendation, made more precise. */
export const exampleDecidedText =
  'Направить в Минпромторг России и Проектный офис НТИ обращение о проведении в 2017 году ' +
  'конкурсного отбора совместных проектов участников промышленных кластеров из реестра ' +
  'промышленных кластеров с финансированием из средств дорожных карт НТИ; приложить перечень ' +
  'проектов, подготовленный ассоциацией.';
