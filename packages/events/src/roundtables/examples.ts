import type {
  AgendaItemSnapshot,
  ParticipantSnapshot,
  PartyRef,
  ResolutionSnapshot,
  RoundtableHeader,
} from './parts';

// Examples follow the practical conference «Промышленная Россия 4.0» (Moscow, 10 November 2016) and
// one of its round tables. Organisation and person ids match the members examples where they exist.

/** Ids of the organisations and people the examples mention. */
export const exampleIds = {
  association: '6650a1f0c2b9e4a1d3f00001',
  ministryOfIndustry: '6650a1f0c2b9e4a1d3f00002',
  ntiProjectOffice: '6650a1f0c2b9e4a1d3f00003',
  moderator: '6650a1f0c2b9e4a1d3f00101',
  speaker: '6650a1f0c2b9e4a1d3f00102',
  conference: '6650a1f0c2b9e4a1d3f00501',
  roundtable: '6650a1f0c2b9e4a1d3f00601',
  workingGroup: '6650a1f0c2b9e4a1d3f00701',
} as const;

export const exampleConference = {
  id: exampleIds.conference,
  title: 'Промышленная Россия 4.0: механизмы опережающего развития',
  kind: 'CONFERENCE',
} as const;

export const exampleHeader = {
  id: exampleIds.roundtable,
  conferenceId: exampleIds.conference,
  published: true,
} satisfies RoundtableHeader;

export const exampleRoundtableTitle = 'Индустрия 4.0 в ТЭК и ОПК: кластеры как точки роста';

export const exampleModerator = { kind: 'PERSON', id: exampleIds.moderator } satisfies PartyRef;

export const exampleParticipant = {
  id: '6650a1f0c2b9e4a1d3f00611',
  personId: exampleIds.speaker,
  organizationId: exampleIds.association,
  role: 'SPEAKER',
  attendance: 'REGISTERED',
} satisfies ParticipantSnapshot;

/** The question in discussion in the examples. */
export const exampleAgendaItem = {
  id: '6650a1f0c2b9e4a1d3f00622',
  position: 2,
  title: 'Как не попасть в «мягкую ловушку» зарубежных технологий Индустрии 4.0',
  status: 'IN_DISCUSSION',
} satisfies AgendaItemSnapshot;

export const exampleAgenda = [
  {
    id: '6650a1f0c2b9e4a1d3f00621',
    position: 1,
    title: 'Industrie 4.0 и «Made in China 2025»: чему учит опыт Германии и Китая',
    status: 'DISCUSSED',
  },
  exampleAgendaItem,
  {
    id: '6650a1f0c2b9e4a1d3f00623',
    position: 3,
    title: 'Кластеры как инструмент диверсификации предприятий ОПК',
    status: 'PENDING',
  },
] satisfies AgendaItemSnapshot[];

/** Recommendation 4 of the conference: two addressees, financing from НТИ roadmap funds. */
export const exampleResolution = {
  id: '6650a1f0c2b9e4a1d3f00641',
  kind: 'RECOMMENDATION',
  text:
    'Предложить Минпромторгу России и Проектному офису НТИ провести отбор совместных проектов ' +
    'участников промышленных кластеров, внесённых в реестр по постановлению Правительства ' +
    '№ 779 от 31.07.2015, с финансированием из средств дорожных карт НТИ.',
  addresseeIds: [exampleIds.ministryOfIndustry, exampleIds.ntiProjectOffice],
  responsible: { kind: 'ORGANIZATION', id: exampleIds.association },
  dueDate: '2017-06-30',
  agendaItemId: exampleAgendaItem.id,
  status: 'PROPOSED',
} satisfies ResolutionSnapshot;

/** Recommendation 1 of the conference: the association carries on, no outside addressee. */
export const exampleOwnWorkResolution = {
  id: '6650a1f0c2b9e4a1d3f00642',
  kind: 'RECOMMENDATION',
  text:
    'Продолжить в регионах информационную и консультационную работу о лучших практиках ' +
    'создания промышленных кластеров и технопарков: стратегические сессии, методические семинары.',
  addresseeIds: [],
  responsible: { kind: 'ORGANIZATION', id: exampleIds.association },
  status: 'PROPOSED',
} satisfies ResolutionSnapshot;

/**
 * Recommendation 7 of the conference, asked as a question to the regulator over two questions of
 * the agenda: `agendaItemId` is the first of `agendaItemIds`.
 */
export const exampleQuestionToRegulator = {
  id: '6650a1f0c2b9e4a1d3f00643',
  kind: 'QUESTION_TO_REGULATOR',
  text:
    'Просить Минпромторг России рассмотреть создание временной рабочей группы по оценке ' +
    'промышленных кластеров как инструмента диверсификации предприятий ОПК.',
  addresseeIds: [exampleIds.ministryOfIndustry],
  agendaItemId: exampleAgendaItem.id,
  agendaItemIds: [exampleAgendaItem.id, '6650a1f0c2b9e4a1d3f00623'],
  status: 'PROPOSED',
} satisfies ResolutionSnapshot;
