/**
 * The demo workspace: an association of clusters and technoparks, the bodies it talks to, the 2016
 * conference «Промышленная Россия 4.0» with the seven recommendations of its round tables, and the
 * 2022 Volgograd forum ПромЭнергоVolga2022 with its panel discussion.
 *
 * Built from the shared FACTS.md: names, dates, who addressed whom and who said what are facts; the
 * texts are our own words. Everything is told on its real dates: the meetings are recorded from their
 * minutes as they happened, the requests as sent and answered then. What FACTS.md does not say is
 * illustrative: the association's staff (invented names), the communities' member lists, the hours
 * of the sittings and of each statement, the unnamed delegations, the results of the questions, the
 * days the minutes were approved, the requests' dates, incoming numbers and answers, and the working
 * group's next meeting.
 *
 * Plain data: `load.ts` turns it into GraphQL mutations. Parties are referred to by the keys below.
 */

export type OrganizationKind =
  | 'AGENCY'
  | 'ASSOCIATION'
  | 'BANK'
  | 'CLUSTER'
  | 'COMPETENCE_CENTER'
  | 'ENTERPRISE'
  | 'EXPERT_CLUB'
  | 'IT_VENDOR'
  | 'MEDIA'
  | 'MINISTRY'
  | 'OTHER'
  | 'PARLIAMENTARY_COMMITTEE'
  | 'PROJECT_OFFICE'
  | 'REGIONAL_AUTHORITY'
  | 'RESEARCH_INSTITUTE'
  | 'TECHNOPARK'
  | 'UNIVERSITY';
export type CommunityKind =
  | 'ASSOCIATION'
  | 'CLUSTER'
  | 'COMMITTEE'
  | 'COMPETENCE_CENTER'
  | 'EXPERT_COUNCIL'
  | 'WORKING_GROUP';
export type MembershipRole =
  'CHAIR' | 'DEPUTY_CHAIR' | 'EXPERT' | 'MEMBER' | 'OBSERVER' | 'SECRETARY';
export type ParticipantRole =
  'EXPERT' | 'MODERATOR' | 'OBSERVER' | 'ORGANIZER' | 'PARTICIPANT' | 'SPEAKER';
export type ResolutionKind =
  'CONTROL_ITEM' | 'DECISION' | 'QUESTION_TO_REGULATOR' | 'RECOMMENDATION';
export type ActionType =
  | 'APPEAL'
  | 'CONTINUE_WORK'
  | 'CREATE_BODY'
  | 'DEVELOP_MATERIALS'
  | 'LEGISLATIVE_INITIATIVE'
  | 'OTHER'
  | 'PROPOSAL';
export type AnswerOutcome = 'ACCEPTED' | 'DECLINED' | 'INFORMATION_ONLY' | 'PARTIALLY_ACCEPTED';

/** An organisation or a person of the directory, by its key in this file. */
export type PartyRef = { org: string } | { person: string };

export interface DemoOrganization {
  key: string;
  name: string;
  shortName: string;
  kind: OrganizationKind;
  /** ISO 3166-2. */
  region: string;
  industries: string[];
  inn?: string;
  ogrn?: string;
  website?: string;
  parent?: string;
}

export interface DemoPerson {
  key: string;
  fullName: string;
  position: string;
  organization: string;
  expertise: string[];
  /** Only for the invented association staff: real people's contacts are not ours to publish. */
  email?: string;
}

export interface DemoCommunity {
  key: string;
  name: string;
  kind: CommunityKind;
  description: string;
  parent?: string;
  validUntil?: string;
  members: { party: PartyRef; role: MembershipRole; since?: string }[];
}

export interface DemoStatement {
  speaker: PartyRef;
  /** When it was said, as the minutes record it: ISO 8601 with the local offset. */
  at: string;
  text: string;
}

/** What becomes of a resolution's recommendation once the round table has concluded. */
export interface DemoFollowUp {
  title: string;
  actionType: ActionType;
  legalBasis?: string;
  priority?: 'HIGH' | 'LOW' | 'NORMAL';
  reviewDate?: string;
  /**
   * Adopted by the association's council, when (ISO 8601 with the local offset: after the
   * sitting, before its requests were sent), and the text as decided when it differs.
   */
  adopt?: { decidedAt: string; decidedText?: string };
  /** A progress report of the responsible side, and when it was made. */
  progress?: { percent: number; text: string; reportedAt: string };
  /** Carried out in full: the note, and when it was marked. */
  implemented?: { note: string; implementedAt: string };
}

export interface DemoResolution {
  /** Its number in the published list of recommendations (FACTS.md §A). */
  number: number;
  kind: ResolutionKind;
  text: string;
  addressees: string[];
  responsible?: PartyRef;
  dueDate?: string;
  followUp: DemoFollowUp;
}

export interface DemoAgendaItem {
  title: string;
  /** What the discussion came to, as the minutes put it. */
  result?: string;
  /** Said on this question; none (and no result) leaves it «не рассматривался». */
  statements: DemoStatement[];
  resolutions: DemoResolution[];
}

export interface DemoRoundtable {
  key: string;
  title: string;
  format: 'PANEL_DISCUSSION' | 'ROUND_TABLE' | 'WORKING_MEETING';
  /** When it sat — for a held one when it began and concluded: ISO 8601 with the local offset. */
  startsAt: string;
  endsAt: string;
  venue?: string;
  description: string;
  moderator: PartyRef;
  participants: {
    party: PartyRef;
    for?: string;
    role: ParticipantRole;
    /** An organisation's people the minutes do not name. */
    delegation?: { description: string; headCount?: number };
  }[];
  agenda: DemoAgendaItem[];
  /** Lines of the minutes on no question of the agenda, e.g. the moderator's closing words. */
  remarks?: DemoStatement[];
  /** The community that held it, by key. */
  workingGroup?: string;
  /** Held: recorded from its minutes, which were approved then. Otherwise it stays SCHEDULED. */
  held: boolean;
  minutesApprovedAt?: string;
}

export interface DemoConference {
  key: string;
  title: string;
  kind: 'CONFERENCE' | 'FORUM' | 'SEMINAR' | 'STRATEGIC_SESSION' | 'WORKING_MEETING';
  startsOn: string;
  endsOn: string;
  /** When it opened and closed: ISO 8601 with the local offset. */
  openedAt: string;
  closedAt: string;
  city: string;
  venue?: string;
  description: string;
  organizers: string[];
  roundtables: DemoRoundtable[];
}

/** What happens to a request drafted from an adopted recommendation. */
export interface DemoRequestPlan {
  recommendation: number;
  addressee: string;
  /** When the association sent it: ISO 8601 with the local offset. */
  sentAt: string;
  /**
   * Registered by the addressee's own clerk, or by the association's secretary on its behalf, on
   * a day of the addressee's calendar (YYYY-MM-DD).
   */
  register?: { by: 'addressee' | 'secretary'; incomingNumber: string; on: string };
  /** The answer letter (number and date) and when it arrived. */
  answer?: {
    outcome: AnswerOutcome;
    text: string;
    documentNumber: string;
    documentDate: string;
    answeredAt: string;
  };
  /** What to expect of it: shown in the loader's log. */
  note?: string;
}

export interface DemoWorkspace {
  outgoingNumberPrefix: string;
  organizations: DemoOrganization[];
  people: DemoPerson[];
  communities: DemoCommunity[];
  conferences: DemoConference[];
  /** A sitting on its own, SCHEDULED a week after the load, to try live subscriptions on. */
  upcoming: Omit<DemoRoundtable, 'startsAt' | 'endsAt' | 'minutesApprovedAt'> & {
    inDays: number;
    hoursUtc: number;
  };
  /** Who adopts recommendations: the association. */
  decidedBy: PartyRef;
  /** Who signs the association's letters. */
  signatory: PartyRef;
  requests: DemoRequestPlan[];
}

const ASSOCIATION = { org: 'association' } as const;
/**
 * When the association's council adopted the 2016 recommendations: two weeks after the
 * conference, before the requests went out in December.
 */
const ADOPTED_AT = '2016-11-24T16:00:00+03:00';

const organizations: DemoOrganization[] = [
  {
    key: 'association',
    name: 'Ассоциация кластеров и технопарков России',
    shortName: 'Ассоциация кластеров и технопарков',
    kind: 'ASSOCIATION',
    region: 'RU-MOW',
    industries: ['industrial-policy', 'clusters', 'technoparks'],
    website: 'https://akitrf.ru',
  },
  {
    key: 'minpromtorg',
    name: 'Министерство промышленности и торговли Российской Федерации',
    shortName: 'Минпромторг России',
    kind: 'MINISTRY',
    region: 'RU-MOW',
    industries: ['industrial-policy'],
    inn: '7705596339',
    ogrn: '1047796323123',
  },
  {
    key: 'mineconomy',
    name: 'Министерство экономического развития Российской Федерации',
    shortName: 'Минэкономразвития России',
    kind: 'MINISTRY',
    region: 'RU-MOW',
    industries: ['economic-policy'],
  },
  {
    key: 'minscience',
    name: 'Министерство науки и высшего образования Российской Федерации',
    shortName: 'Минобрнауки России',
    kind: 'MINISTRY',
    region: 'RU-MOW',
    industries: ['science', 'education'],
  },
  {
    key: 'dumaCommittee',
    name: 'Комитет Государственной Думы по экономической политике, промышленности, инновационному развитию и предпринимательству',
    shortName: 'Комитет Госдумы по экономической политике',
    kind: 'PARLIAMENTARY_COMMITTEE',
    region: 'RU-MOW',
    industries: ['legislation', 'industrial-policy'],
  },
  {
    key: 'ntiOffice',
    name: 'Проектный офис Национальной технологической инициативы',
    shortName: 'Проектный офис НТИ',
    kind: 'PROJECT_OFFICE',
    region: 'RU-MOW',
    industries: ['technology-policy'],
  },
  {
    key: 'sber',
    name: 'ПАО Сбербанк',
    shortName: 'Сбер',
    kind: 'BANK',
    region: 'RU-MOW',
    industries: ['banking', 'digitalisation'],
    inn: '7707083893',
    ogrn: '1027700132195',
  },
  {
    key: 'sberVolgograd',
    name: 'Волгоградское отделение ПАО Сбербанк',
    shortName: 'Сбербанк, Волгоградское отделение',
    kind: 'BANK',
    region: 'RU-VGG',
    industries: ['banking'],
    parent: 'sber',
  },
  {
    key: 'strategyPartners',
    name: 'Strategy Partners',
    shortName: 'Strategy Partners',
    kind: 'OTHER',
    region: 'RU-MOW',
    industries: ['consulting', 'regional-strategy'],
    parent: 'sber',
  },
  {
    key: 'volma',
    name: 'Группа компаний «ВОЛМА»',
    shortName: 'ГК ВОЛМА',
    kind: 'ENTERPRISE',
    region: 'RU-VGG',
    industries: ['building-materials'],
  },
  {
    key: 'volgogradCommittee',
    name: 'Комитет промышленной политики, торговли и топливно-энергетического комплекса Волгоградской области',
    shortName: 'Комитет промполитики Волгоградской области',
    kind: 'REGIONAL_AUTHORITY',
    region: 'RU-VGG',
    industries: ['industrial-policy', 'energy'],
  },
  {
    key: 'stereotech',
    name: 'Компания «Стереотек»',
    shortName: 'Стереотек',
    kind: 'ENTERPRISE',
    region: 'RU-VGG',
    industries: ['additive-manufacturing'],
  },
  {
    key: 'expertClub',
    name: 'Некоммерческое партнёрство «Экспертный клуб»',
    shortName: 'НП «Экспертный клуб»',
    kind: 'EXPERT_CLUB',
    region: 'RU-MOW',
    industries: ['high-tech-export'],
  },
  {
    key: 'rosseti',
    name: 'ПАО «Россети»',
    shortName: 'Россети',
    kind: 'ENTERPRISE',
    region: 'RU-MOW',
    industries: ['power'],
  },
  {
    key: 'rushydro',
    name: 'ПАО «РусГидро»',
    shortName: 'РусГидро',
    kind: 'ENTERPRISE',
    region: 'RU-KYA',
    industries: ['power'],
  },
  {
    key: 'gazpromNeft',
    name: 'ПАО «Газпром нефть»',
    shortName: 'Газпром нефть',
    kind: 'ENTERPRISE',
    region: 'RU-SPE',
    industries: ['oil-and-gas'],
  },
  {
    key: 'tatneft',
    name: 'ПАО «Татнефть»',
    shortName: 'Татнефть',
    kind: 'ENTERPRISE',
    region: 'RU-TA',
    industries: ['oil-and-gas'],
  },
];

const people: DemoPerson[] = [
  {
    key: 'volostnov',
    fullName: 'Волостнов Алексей',
    position: 'Партнёр Strategy Partners (группа Сбер)',
    organization: 'strategyPartners',
    expertise: ['clusters', 'regional-strategy'],
  },
  {
    key: 'babkin',
    fullName: 'Бабкин Михаил',
    position: 'Руководитель службы производства и технологий',
    organization: 'volma',
    expertise: ['digital-factory', 'domestic-software'],
  },
  {
    key: 'demina',
    fullName: 'Демина Наталья',
    position: 'Управляющий Волгоградским отделением Сбербанка',
    organization: 'sberVolgograd',
    expertise: ['digitalisation', 'industrial-lending'],
  },
  {
    key: 'tsalko',
    fullName: 'Цалко Алексей',
    position:
      'Первый заместитель председателя комитета промышленной политики, торговли и ТЭК Волгоградской области',
    organization: 'volgogradCommittee',
    expertise: ['industrial-policy', 'energy'],
  },
  {
    key: 'afanasyev',
    fullName: 'Афанасьев Георгий Эдгардович',
    position: 'Директор; член Общественного совета при Минпромторге России',
    organization: 'expertClub',
    expertise: ['high-tech-export', 'product-lifecycle', 'reference-projects'],
  },
  // The association's staff are invented for the demo (FACTS.md names none).
  {
    key: 'orlova',
    fullName: 'Орлова Марина Викторовна',
    position: 'Руководитель проектного офиса ассоциации',
    organization: 'association',
    expertise: ['clusters', 'nti-roadmaps'],
    email: 'orlova@example.org',
  },
  {
    key: 'sedov',
    fullName: 'Седов Павел Андреевич',
    position: 'Эксперт ассоциации по промышленным кластерам',
    organization: 'association',
    expertise: ['clusters', 'defence-diversification', 'industry-4.0'],
    email: 'sedov@example.org',
  },
  {
    key: 'lapteva',
    fullName: 'Лаптева Ольга Игоревна',
    position: 'Ответственный секретарь рабочих групп ассоциации',
    organization: 'association',
    expertise: ['minutes', 'requests'],
    email: 'lapteva@example.org',
  },
];

const communities: DemoCommunity[] = [
  {
    key: 'associationCommunity',
    name: 'Ассоциация кластеров и технопарков',
    kind: 'ASSOCIATION',
    description:
      'Объединяет промышленные кластеры и технопарки регионов; ведёт работу по итогам конференций и круглых столов — от рекомендаций до ответов ведомств.',
    members: [
      { party: { person: 'orlova' }, role: 'DEPUTY_CHAIR' },
      { party: { person: 'lapteva' }, role: 'SECRETARY' },
      { party: { person: 'sedov' }, role: 'EXPERT' },
    ],
  },
  {
    key: 'volgogradCluster',
    name: 'Промышленный кластер Волгоградской области',
    kind: 'CLUSTER',
    parent: 'associationCommunity',
    description:
      'Региональные производители, которые на ПромЭнергоVolga2022 обсуждали совместную работу в кластере. Состав условный, для демонстрации.',
    members: [
      { party: { org: 'volma' }, role: 'MEMBER' },
      { party: { org: 'stereotech' }, role: 'MEMBER' },
      { party: { org: 'volgogradCommittee' }, role: 'OBSERVER' },
    ],
  },
  {
    key: 'defenceWorkingGroup',
    name: 'Временная рабочая группа по диверсификации предприятий ОПК',
    kind: 'WORKING_GROUP',
    validUntil: '2027-12-31',
    description:
      'Оценивает промышленные кластеры как инструмент перехода оборонных предприятий к выпуску гражданской продукции. По замыслу рекомендации № 7 в неё входят департаменты Минпромторга России (ОПК, региональной промышленной политики, отраслевые), интегрированные структуры ОПК и экспертные организации.',
    members: [
      { party: { org: 'minpromtorg' }, role: 'CHAIR' },
      { party: ASSOCIATION, role: 'MEMBER' },
      { party: { org: 'expertClub' }, role: 'EXPERT' },
      { party: { person: 'sedov' }, role: 'EXPERT' },
      { party: { person: 'lapteva' }, role: 'SECRETARY' },
    ],
  },
  {
    key: 'powerCompetenceCentre',
    name: 'ИЦК «Электроэнергетика»',
    kind: 'COMPETENCE_CENTER',
    description:
      'Индустриальный центр компетенций по импортозамещению: якорные заказчики отрасли и ключевые разработчики договариваются о том, какое отечественное ПО нужно отрасли. Согласовать интересы корпораций непросто; со временем центр должен стать площадкой между промышленностью и разработчиками.',
    members: [
      { party: { org: 'rosseti' }, role: 'MEMBER', since: '2022-06-01' },
      { party: { org: 'rushydro' }, role: 'MEMBER', since: '2022-06-01' },
    ],
  },
  {
    key: 'oilCompetenceCentre',
    name: 'ИЦК «Нефтегаз, нефтехимия и недропользование»',
    kind: 'COMPETENCE_CENTER',
    description:
      'Индустриальный центр компетенций нефтегазовой отрасли. Зарубежные аналоги подобных площадок — China Competence Center, малайзийские Digital Investment Office и Industry4WRD, саудовский центр промышленных компетенций, Global German Mining Network.',
    members: [
      { party: { org: 'gazpromNeft' }, role: 'MEMBER', since: '2022-06-01' },
      { party: { org: 'tatneft' }, role: 'MEMBER', since: '2022-06-01' },
    ],
  },
  {
    key: 'publicCouncil',
    name: 'Общественный совет при Минпромторге России',
    kind: 'EXPERT_COUNCIL',
    description:
      'Совет экспертов при министерстве. Среди его членов — директор НП «Экспертный клуб», который предлагает развивать высокотехнологичный экспорт регионов через референтные проекты, управление полным жизненным циклом изделия и общие протоколы взаимодействия участников коалиций.',
    members: [{ party: { person: 'afanasyev' }, role: 'MEMBER' }],
  },
];

const conference2016: DemoConference = {
  key: 'industrialRussia40',
  title: 'Промышленная Россия 4.0: механизмы опережающего развития',
  kind: 'CONFERENCE',
  startsOn: '2016-11-10',
  endsOn: '2016-11-10',
  openedAt: '2016-11-10T09:30:00+03:00',
  closedAt: '2016-11-10T18:00:00+03:00',
  city: 'Москва',
  description:
    'Практическая конференция о том, как российской промышленности не догонять, а опережать. Обсуждали немецкую Industrie 4.0 в рамках Hightech-Strategie 2020 (с 2011 года) и китайскую «Made in China 2025», риск попасть в «мягкую ловушку» чужих технологий Индустрии 4.0, дорожные карты НТИ и цель технологического лидерства к 2035 году. Отраслевые примеры — ТЭК и ОПК. Рекомендации подготовлены по итогам круглых столов; работу по ним ведёт Ассоциация кластеров и технопарков.',
  organizers: ['association'],
  roundtables: [
    {
      key: 'energyRoundtable',
      title: 'Индустрия 4.0 в ТЭК: кластеры, технопарки и дорожные карты НТИ',
      format: 'ROUND_TABLE',
      startsAt: '2016-11-10T10:00:00+03:00',
      endsAt: '2016-11-10T12:00:00+03:00',
      description:
        'Что даёт промышленности подход Индустрии 4.0 на примере топливно-энергетического комплекса и как кластерам и технопаркам войти в дорожные карты НТИ.',
      moderator: ASSOCIATION,
      participants: [
        { party: { person: 'orlova' }, for: 'association', role: 'SPEAKER' },
        { party: { person: 'sedov' }, for: 'association', role: 'EXPERT' },
        {
          party: { org: 'minpromtorg' },
          role: 'OBSERVER',
          delegation: {
            description: 'специалисты департамента региональной промышленной политики',
            headCount: 2,
          },
        },
        {
          party: { org: 'mineconomy' },
          role: 'OBSERVER',
          delegation: { description: 'представитель министерства', headCount: 1 },
        },
        { party: { org: 'ntiOffice' }, role: 'PARTICIPANT' },
      ],
      agenda: [
        {
          title: 'Industrie 4.0 и «Made in China 2025»: чему учит чужой опыт',
          result:
            'Опыт Германии и Китая принят к сведению; готовить собственную дорожную карту, в которой у регионов и кластеров есть своя роль.',
          statements: [
            {
              speaker: { person: 'sedov' },
              at: '2016-11-10T10:06:00+03:00',
              text: 'Германия ведёт Industrie 4.0 как часть своей высокотехнологичной стратегии до 2020 года уже с 2011-го, Китай ответил программой «Made in China 2025». Обе страны сначала договорились о целях, а потом о технологиях.',
            },
            {
              speaker: { person: 'orlova' },
              at: '2016-11-10T10:19:00+03:00',
              text: 'Нам не нужна копия чужой программы. Нужна своя дорожная карта, в которой у регионов и кластеров есть понятная роль.',
            },
          ],
          resolutions: [],
        },
        {
          title: 'Как не попасть в «мягкую ловушку» зарубежных технологий',
          result:
            'Опережающее развитие понимать как собственные решения там, где от них зависит технологическое лидерство к 2035 году.',
          statements: [
            {
              speaker: { person: 'sedov' },
              at: '2016-11-10T10:33:00+03:00',
              text: 'Если брать готовые зарубежные платформы Индустрии 4.0 целиком, отрасль привязывается к чужим стандартам и поставщикам. Это мягкая ловушка: выйти из неё потом дороже, чем не входить.',
            },
            {
              speaker: ASSOCIATION,
              at: '2016-11-10T10:47:00+03:00',
              text: 'Предлагаю записать: опережающее развитие — это свои решения там, где от них зависит технологическое лидерство к 2035 году.',
            },
          ],
          resolutions: [],
        },
        {
          title: 'Кластеры и технопарки в регионах: методики и лучшие практики',
          result: 'Подготовлены рекомендации № 1–3.',
          statements: [
            {
              speaker: { person: 'orlova' },
              at: '2016-11-10T11:02:00+03:00',
              text: 'Регионы просят не лекций, а инструментов: как собрать участников кластера, как написать дорожную карту, где взять типовые документы.',
            },
            {
              speaker: { person: 'sedov' },
              at: '2016-11-10T11:14:00+03:00',
              text: 'Лучшие региональные практики стоит собирать системно — на их основе можно готовить предложения в Минпромторг России по стимулированию промышленности.',
            },
          ],
          resolutions: [
            {
              number: 1,
              kind: 'RECOMMENDATION',
              text: 'Расширить информационно-консультационную работу по лучшим практикам создания промышленных кластеров и технопарков в регионах: проводить стратегические сессии и методические семинары для региональных команд.',
              addressees: [],
              responsible: ASSOCIATION,
              dueDate: '2017-12-31',
              followUp: {
                title:
                  'Стратегические сессии и семинары для регионов по созданию кластеров и технопарков',
                actionType: 'CONTINUE_WORK',
                adopt: { decidedAt: ADOPTED_AT },
                progress: {
                  percent: 40,
                  text: 'Проведены стратегические сессии в трёх регионах; график методических семинаров согласован.',
                  reportedAt: '2017-04-14T17:00:00+03:00',
                },
              },
            },
            {
              number: 2,
              kind: 'RECOMMENDATION',
              text: 'Подготовить методические материалы и типовые дорожные карты создания промышленных кластеров и технопарков в регионах и разместить их в открытом доступе.',
              addressees: [],
              responsible: ASSOCIATION,
              dueDate: '2017-06-30',
              followUp: {
                title: 'Методические материалы и типовые дорожные карты для регионов',
                actionType: 'DEVELOP_MATERIALS',
                adopt: { decidedAt: ADOPTED_AT },
                implemented: {
                  note: 'Методические рекомендации и типовая дорожная карта опубликованы на сайте ассоциации.',
                  implementedAt: '2017-06-22T12:00:00+03:00',
                },
              },
            },
            {
              number: 3,
              kind: 'RECOMMENDATION',
              text: 'Продолжить изучение самых успешных региональных практик, чтобы подготовить для Минпромторга России и других ведомств предложения по совершенствованию мер стимулирования промышленности в рамках дорожных карт НТИ.',
              addressees: ['minpromtorg'],
              responsible: ASSOCIATION,
              followUp: {
                title:
                  'Региональные практики как основа предложений по стимулированию промышленности',
                actionType: 'CONTINUE_WORK',
                reviewDate: '2017-03-01',
              },
            },
          ],
        },
        {
          title: 'Совместные проекты участников кластеров в дорожных картах НТИ',
          result: 'Подготовлена рекомендация № 4.',
          statements: [
            {
              speaker: { person: 'sedov' },
              at: '2016-11-10T11:31:00+03:00',
              text: 'Дорожные карты НТИ открыты для проектов промышленности, но заявки сейчас приходят от отдельных предприятий, а не от кластеров.',
            },
            {
              speaker: { person: 'orlova' },
              at: '2016-11-10T11:43:00+03:00',
              text: 'Кластеры, созданные по постановлению № 779 и внесённые в реестр, готовы заявлять совместные проекты. Нужен отдельный отбор таких проектов с финансированием из средств дорожных карт.',
            },
          ],
          resolutions: [
            {
              number: 4,
              kind: 'QUESTION_TO_REGULATOR',
              text: 'Обратиться в Минпромторг России и Проектный офис НТИ с предложением провести отбор совместных проектов участников промышленных кластеров — созданных по постановлению Правительства Российской Федерации от 31 июля 2015 года № 779 и включённых в реестр промышленных кластеров — для их финансирования из средств дорожных карт НТИ.',
              addressees: ['minpromtorg', 'ntiOffice'],
              responsible: ASSOCIATION,
              dueDate: '2017-06-30',
              followUp: {
                title:
                  'Отбор совместных проектов участников промышленных кластеров для финансирования по дорожным картам НТИ',
                actionType: 'APPEAL',
                legalBasis: 'Постановление Правительства Российской Федерации от 31.07.2015 № 779',
                priority: 'HIGH',
                reviewDate: '2017-03-01',
                adopt: {
                  decidedAt: ADOPTED_AT,
                  decidedText:
                    'Направить в Минпромторг России и Проектный офис НТИ обращения ассоциации о проведении отбора совместных проектов участников промышленных кластеров из реестра для финансирования из средств дорожных карт НТИ.',
                },
              },
            },
          ],
        },
      ],
      held: true,
      minutesApprovedAt: '2016-11-15T12:00:00+03:00',
    },
    {
      key: 'defenceRoundtable',
      title: 'Кластеры и диверсификация ОПК: гражданская продукция оборонных предприятий',
      format: 'ROUND_TABLE',
      startsAt: '2016-11-10T13:00:00+03:00',
      endsAt: '2016-11-10T15:00:00+03:00',
      description:
        'Как промышленные кластеры помогают предприятиям оборонно-промышленного комплекса выпускать гражданскую продукцию, что для этого нужно в законодательстве и как поддержать молодых технологических предпринимателей.',
      moderator: ASSOCIATION,
      participants: [
        { party: { person: 'sedov' }, for: 'association', role: 'SPEAKER' },
        { party: { person: 'orlova' }, for: 'association', role: 'SPEAKER' },
        {
          party: { org: 'minpromtorg' },
          role: 'OBSERVER',
          delegation: {
            description: 'представители департамента оборонно-промышленного комплекса',
            headCount: 3,
          },
        },
        {
          party: { org: 'dumaCommittee' },
          role: 'OBSERVER',
          delegation: { description: 'сотрудник аппарата комитета', headCount: 1 },
        },
        { party: { org: 'minscience' }, role: 'OBSERVER' },
      ],
      agenda: [
        {
          title: 'Законодательство о промышленных кластерах',
          result: 'Подготовлена рекомендация № 5.',
          statements: [
            {
              speaker: { person: 'orlova' },
              at: '2016-11-10T13:07:00+03:00',
              text: 'Нормы о кластерах разбросаны по разным актам. Профильному комитету Госдумы пригодился бы постоянный экспертный совет, который готовил бы поправки вместе с участниками кластеров.',
            },
          ],
          resolutions: [
            {
              number: 5,
              kind: 'RECOMMENDATION',
              text: 'Предложить Комитету Государственной Думы по экономической политике, промышленности, инновационному развитию и предпринимательству рассмотреть вопрос о создании экспертного совета по законодательному обеспечению развития кластеров.',
              addressees: ['dumaCommittee'],
              responsible: ASSOCIATION,
              dueDate: '2017-03-31',
              followUp: {
                title: 'Экспертный совет по законодательству о кластерах при комитете Госдумы',
                actionType: 'LEGISLATIVE_INITIATIVE',
                adopt: { decidedAt: ADOPTED_AT },
              },
            },
          ],
        },
        {
          title: 'Молодёжное технологическое предпринимательство',
          result: 'Подготовлена рекомендация № 6.',
          statements: [
            {
              speaker: { person: 'sedov' },
              at: '2016-11-10T13:38:00+03:00',
              text: 'Молодые команды приходят с идеями, но не знают, как дойти до промышленного заказчика. Здесь нужна общая работа министерств, проектного офиса НТИ, институтов развития и самих предприятий.',
            },
          ],
          resolutions: [
            {
              number: 6,
              kind: 'RECOMMENDATION',
              text: 'Продолжить работу ассоциации с Минпромторгом России, Минэкономразвития России, Минобрнауки России, Проектным офисом НТИ, организациями научной и инновационной инфраструктуры и промышленными предприятиями над механизмами поддержки молодёжного технологического предпринимательства.',
              addressees: ['minpromtorg', 'mineconomy', 'minscience', 'ntiOffice'],
              responsible: ASSOCIATION,
              followUp: {
                title: 'Механизмы поддержки молодёжного технологического предпринимательства',
                actionType: 'CONTINUE_WORK',
                adopt: { decidedAt: ADOPTED_AT },
              },
            },
          ],
        },
        {
          title: 'Промышленные кластеры как инструмент диверсификации ОПК',
          result: 'Подготовлена рекомендация № 7.',
          statements: [
            {
              speaker: { person: 'sedov' },
              at: '2016-11-10T14:06:00+03:00',
              text: 'Оборонным предприятиям проще выходить на гражданские рынки вместе с соседями по кластеру: у них есть общая инфраструктура, кадры и заказчики.',
            },
            {
              speaker: ASSOCIATION,
              at: '2016-11-10T14:21:00+03:00',
              text: 'Чтобы оценить этот инструмент честно, нужна рабочая группа при Минпромторге России — с департаментом ОПК, департаментом региональной промышленной политики, отраслевыми департаментами, интегрированными структурами и экспертами.',
            },
          ],
          resolutions: [
            {
              number: 7,
              kind: 'QUESTION_TO_REGULATOR',
              text: 'Обратиться в Минпромторг России с предложением создать временную рабочую группу из представителей департамента оборонно-промышленного комплекса, департамента региональной промышленной политики, отраслевых департаментов, интегрированных структур ОПК и экспертных организаций, чтобы оценить промышленные кластеры как инструмент диверсификации предприятий ОПК в сторону гражданской продукции.',
              addressees: ['minpromtorg'],
              responsible: ASSOCIATION,
              dueDate: '2017-06-30',
              followUp: {
                title:
                  'Временная рабочая группа по оценке кластеров как инструмента диверсификации ОПК',
                actionType: 'APPEAL',
                priority: 'HIGH',
                adopt: { decidedAt: ADOPTED_AT },
              },
            },
          ],
        },
        {
          title: 'Опыт оборонных холдингов по выпуску гражданской продукции',
          statements: [],
          resolutions: [],
        },
      ],
      remarks: [
        {
          speaker: ASSOCIATION,
          at: '2016-11-10T14:52:00+03:00',
          text: 'До опыта оборонных холдингов мы сегодня не дошли — не хватило времени. Предлагаю передать этот вопрос будущей рабочей группе.',
        },
      ],
      held: true,
      minutesApprovedAt: '2016-11-15T12:00:00+03:00',
    },
  ],
};

const forum2022: DemoConference = {
  key: 'promEnergoVolga2022',
  title: 'ПромЭнергоVolga2022',
  kind: 'FORUM',
  startsOn: '2022-11-23',
  endsOn: '2022-11-24',
  openedAt: '2022-11-23T10:00:00+03:00',
  closedAt: '2022-11-24T18:00:00+03:00',
  city: 'Волгоград',
  venue: 'Волгоград Арена',
  description:
    'Двадцать второй региональный промышленный форум: более 80 предприятий из 21 региона и выставка на площадке «Волгоград Арены». Индекс промышленного производства региона — 104,1 %, выше среднего по стране; с 2020 года принято четыре региональных пакета поддержки на сумму свыше 17 млрд рублей, а федеральная и региональная поддержка промышленности области за 2014–2021 годы превысила 27 млрд рублей (около 30 млрд вместе с 2022 годом). Темы — импортозамещение и импортоопережение, отечественное ПО, кластеры. Среди волгоградских компаний — «Стереотек», запатентовавший производство 5D-принтеров.',
  organizers: [],
  roundtables: [
    {
      key: 'sberPanel',
      title:
        'Новые переделы, промышленный кластер и цифровизация: предприятия Волгоградской области',
      format: 'PANEL_DISCUSSION',
      startsAt: '2022-11-24T11:00:00+03:00',
      endsAt: '2022-11-24T12:30:00+03:00',
      venue: 'Волгоград Арена',
      description:
        'Панельная дискуссия второго дня форума, организованная Сбером: новые производственные и перерабатывающие переделы в регионе, предприятия области в промышленном кластере и цифровизация.',
      moderator: { person: 'volostnov' },
      participants: [
        { party: { org: 'sber' }, role: 'ORGANIZER' },
        { party: { person: 'volostnov' }, for: 'strategyPartners', role: 'MODERATOR' },
        { party: { person: 'babkin' }, for: 'volma', role: 'SPEAKER' },
        { party: { person: 'demina' }, for: 'sberVolgograd', role: 'SPEAKER' },
        { party: { person: 'tsalko' }, for: 'volgogradCommittee', role: 'SPEAKER' },
      ],
      agenda: [
        {
          title: 'Новые производственные и перерабатывающие переделы в регионе',
          statements: [
            {
              speaker: { person: 'volostnov' },
              at: '2022-11-24T11:08:00+03:00',
              text: 'Для новых переделов важны особые экономические зоны. Площадку бывшего завода «Химпром» планируется превратить в такую зону.',
            },
          ],
          resolutions: [],
        },
        {
          title: 'Предприятия области в промышленном кластере',
          result: 'Стратегию и дорожную карту кластера разрабатывать вместе с его участниками.',
          statements: [
            {
              speaker: { person: 'volostnov' },
              at: '2022-11-24T11:26:00+03:00',
              text: 'Рост реальной экономики стоит строить на кластерном подходе. Кластеру нужны долгосрочная стратегия и выполнимая дорожная карта, и писать их надо вместе с самими участниками кластера.',
            },
            {
              speaker: { person: 'tsalko' },
              at: '2022-11-24T11:44:00+03:00',
              text: 'К поддержке промышленности подключился банковский сектор: Сбербанк предлагает промышленным предприятиям льготные кредиты.',
            },
          ],
          resolutions: [],
        },
        {
          title: 'Цифровизация производства и отечественное ПО',
          statements: [
            {
              speaker: { person: 'babkin' },
              at: '2022-11-24T11:58:00+03:00',
              text: 'Мы объединили восемь дивизионов группы в единую цифровую сеть на отечественном программном обеспечении. На крупнейшем заводе, в Подмосковье, в тестовом режиме работает «цифровая фабрика».',
            },
            {
              speaker: { person: 'demina' },
              at: '2022-11-24T12:14:00+03:00',
              text: 'Банк продвигает цифровизацию предприятий. Компании-партнёры дают льготные условия тем, кто выбирает отечественное ПО.',
            },
          ],
          resolutions: [],
        },
      ],
      held: true,
      minutesApprovedAt: '2022-11-30T12:00:00+03:00',
    },
  ],
};

export const demoWorkspace: DemoWorkspace = {
  outgoingNumberPrefix: 'АКИТ',
  organizations,
  people,
  communities,
  conferences: [conference2016, forum2022],
  upcoming: {
    key: 'workingGroupMeeting',
    title: 'Заседание временной рабочей группы по диверсификации предприятий ОПК',
    format: 'WORKING_MEETING',
    inDays: 7,
    hoursUtc: 8,
    description:
      'Очередное заседание рабочей группы, созданной Минпромторгом России по рекомендации № 7. Запланировано для демонстрации: начните его и следите за ним по подписке roundtableLive.',
    moderator: { org: 'minpromtorg' },
    workingGroup: 'defenceWorkingGroup',
    participants: [
      { party: ASSOCIATION, role: 'PARTICIPANT' },
      { party: { person: 'sedov' }, for: 'association', role: 'EXPERT' },
      { party: { person: 'afanasyev' }, for: 'expertClub', role: 'EXPERT' },
    ],
    agenda: [
      {
        title: 'Методика оценки кластеров как инструмента диверсификации',
        statements: [],
        resolutions: [],
      },
      { title: 'Перечень пилотных предприятий ОПК', statements: [], resolutions: [] },
    ],
    held: false,
  },
  decidedBy: ASSOCIATION,
  signatory: ASSOCIATION,
  // The letters went out in December 2016, a few weeks after the conference; the incoming numbers,
  // the dates and the answers are illustrative. Registration is due within 3 days of sending and
  // the answer within 30 days of registration (59-FZ): the answers below came in time, and the Duma
  // committee's request, registered and never answered, has been overdue since January 2017.
  requests: [
    {
      recommendation: 4,
      addressee: 'minpromtorg',
      sentAt: '2016-12-05T11:00:00+03:00',
      register: { by: 'addressee', incomingNumber: 'ВХ-18204/16', on: '2016-12-07' },
      answer: {
        outcome: 'ACCEPTED',
        text: 'Минпромторг России поддерживает предложение и включит отбор совместных проектов участников промышленных кластеров в план работы.',
        documentNumber: '12-4821/01',
        documentDate: '2016-12-26',
        answeredAt: '2016-12-28T10:00:00+03:00',
      },
    },
    {
      recommendation: 4,
      addressee: 'ntiOffice',
      sentAt: '2016-12-05T11:00:00+03:00',
      register: { by: 'secretary', incomingNumber: 'ПО-0973', on: '2016-12-08' },
      answer: {
        outcome: 'INFORMATION_ONLY',
        text: 'Проектный офис НТИ сообщает, что проекты по дорожным картам отбирают рабочие группы НТИ, и передаст им предложение ассоциации.',
        documentNumber: 'ПО-1215',
        documentDate: '2016-12-27',
        answeredAt: '2016-12-29T15:00:00+03:00',
      },
    },
    {
      recommendation: 5,
      addressee: 'dumaCommittee',
      sentAt: '2016-12-05T11:00:00+03:00',
      register: { by: 'secretary', incomingNumber: '3.23-4/1652', on: '2016-12-08' },
      note: 'never answered: overdue since its answer term ran out in January 2017',
    },
    {
      recommendation: 7,
      addressee: 'minpromtorg',
      sentAt: '2016-12-12T11:00:00+03:00',
      register: { by: 'addressee', incomingNumber: 'ВХ-18311/16', on: '2016-12-14' },
      answer: {
        outcome: 'ACCEPTED',
        text: 'Минпромторг России поддерживает создание временной рабочей группы и готовит приказ о её составе.',
        documentNumber: '12-5102/01',
        documentDate: '2017-01-10',
        answeredAt: '2017-01-11T12:00:00+03:00',
      },
    },
  ],
};

/** Every resolution of the demo, by its number. */
export function demoResolutions(workspace: DemoWorkspace = demoWorkspace): DemoResolution[] {
  return workspace.conferences
    .flatMap((conference) => conference.roundtables)
    .flatMap((roundtable) => roundtable.agenda)
    .flatMap((item) => item.resolutions)
    .sort((a, b) => a.number - b.number);
}
