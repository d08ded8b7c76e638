import { errorCode, uniqueId } from '@kollegia/testing';

import {
  announceMembers,
  ASSOCIATION,
  CHAIR,
  dataOf,
  DRAFT,
  MINPROMTORG,
  organizationAnnounced,
  OTHER_TENANT,
  personAnnounced,
  startRecommendations,
  type Recommendations,
} from './test/harness';

let service: Recommendations;
const elsewhere = uniqueId('org');
const stranger = uniqueId('person');
const hidden = uniqueId('org');

beforeAll(async () => {
  service = await startRecommendations('references');
  await announceMembers(service, [
    organizationAnnounced({ id: elsewhere, name: 'Чужое министерство', tenant: OTHER_TENANT }),
    personAnnounced({ id: stranger, fullName: 'Чужой Председатель', tenant: OTHER_TENANT }),
    organizationAnnounced({ id: hidden, name: 'Закрытый консорциум', published: false }),
  ]);
});

afterAll(() => service.stop());

const card = {
  title: 'Отбор совместных проектов участников промышленных кластеров',
  recommendedText: 'Обратиться в Минпромторг России с предложением провести отбор проектов.',
  actionType: 'APPEAL',
  addresseeIds: [MINPROMTORG],
  responsible: { kind: 'ORGANIZATION', id: ASSOCIATION },
  published: true,
};

const FIELDS = `id version status
  addressees { id } responsible { ... on Organization { id } ... on Person { id } }
  addresseePositions { addressee { id } position }
  decision { decidedBy { ... on Organization { id } ... on Person { id } } }
  endorsements { party { ... on Organization { id } ... on Person { id } } }
  progressReports { nodes { author { ... on Organization { id } ... on Person { id } } } }`;

const M = {
  revise: `mutation($id: ID!, $v: Int!, $input: ReviseRecommendationInput!) { reviseRecommendation(id: $id, expectedVersion: $v, input: $input) { id } }`,
  propose: `mutation($id: ID!, $v: Int!) { proposeRecommendation(id: $id, expectedVersion: $v) { id } }`,
  adopt: `mutation($id: ID!, $v: Int!, $input: AdoptRecommendationInput!) { adoptRecommendation(id: $id, expectedVersion: $v, input: $input) { id } }`,
  reject: `mutation($id: ID!, $v: Int!, $input: RejectRecommendationInput!) { rejectRecommendation(id: $id, expectedVersion: $v, input: $input) { id } }`,
  endorse: `mutation($id: ID!, $v: Int!, $party: RecommendationPartyInput) { endorseRecommendation(id: $id, expectedVersion: $v, party: $party) { id } }`,
  progress: `mutation($id: ID!, $v: Int!, $input: ReportRecommendationProgressInput!) { reportRecommendationProgress(id: $id, expectedVersion: $v, input: $input) { id } }`,
};

async function count() {
  return service.app.runtime.connection.collection('recommendations').countDocuments();
}

describe('references to members', () => {
  it('should refuse an addressee, responsible, decision maker or named party the directory does not know or another workspace’s, and store nothing', async () => {
    const unknownOrg = uniqueId('org');
    const unknownPerson = uniqueId('person');
    const before = await count();
    const refused = async (
      mutation: string,
      variables: Record<string, unknown>,
      field: string,
      id: string,
    ) => {
      const response = await service.gql(mutation, variables);
      expect({
        code: errorCode(response),
        field: response.errors?.[0]?.extensions?.field,
      }).toEqual({ code: 'BAD_USER_INPUT', field });
      expect(response.errors?.[0]?.message).toContain(`${id} is not in the directory`);
    };
    for (const addressee of [elsewhere, unknownOrg]) {
      await refused(
        DRAFT,
        { input: { ...card, addresseeIds: [MINPROMTORG, addressee] } },
        'addresseeIds',
        addressee,
      );
    }
    await refused(
      DRAFT,
      { input: { ...card, responsible: { kind: 'PERSON', id: stranger } } },
      'responsible',
      stranger,
    );
    expect(await count()).toBe(before);

    const drafted = dataOf(await service.gql(DRAFT, { input: card })).draftRecommendation;
    await refused(
      M.revise,
      { id: drafted.id, v: 1, input: { addresseeIds: [MINPROMTORG, unknownOrg] } },
      'addresseeIds',
      unknownOrg,
    );
    dataOf(await service.gql(M.propose, { id: drafted.id, v: 1 }));
    await refused(
      M.adopt,
      { id: drafted.id, v: 2, input: { decidedBy: { kind: 'PERSON', id: unknownPerson } } },
      'decidedBy',
      unknownPerson,
    );
    await refused(
      M.reject,
      {
        id: drafted.id,
        v: 2,
        input: { reason: 'Не ко времени', decidedBy: { kind: 'ORGANIZATION', id: elsewhere } },
      },
      'decidedBy',
      elsewhere,
    );
    await refused(
      M.endorse,
      { id: drafted.id, v: 2, party: { kind: 'ORGANIZATION', id: unknownOrg } },
      'party',
      unknownOrg,
    );
    dataOf(
      await service.gql(M.adopt, {
        id: drafted.id,
        v: 2,
        input: { decidedBy: { kind: 'PERSON', id: CHAIR } },
      }),
    );
    await refused(
      M.progress,
      {
        id: drafted.id,
        v: 3,
        input: { text: 'Готово', percent: 10, author: { kind: 'PERSON', id: stranger } },
      },
      'author',
      stranger,
    );
    const stored = dataOf(
      await service.gql(`query($id: ID!) { recommendation(id: $id) { ${FIELDS} } }`, {
        id: drafted.id,
      }),
    ).recommendation;
    expect(stored).toMatchObject({
      version: 3,
      status: 'ADOPTED',
      addressees: [{ id: MINPROMTORG }],
      decision: { decidedBy: { id: CHAIR } },
      endorsements: [],
      progressReports: { nodes: [] },
    });
  });

  it('should show partners and addressees no unpublished organisation, and filter by one to nothing', async () => {
    const drafted = dataOf(
      await service.gql(DRAFT, {
        input: {
          ...card,
          addresseeIds: [MINPROMTORG, hidden],
          responsible: { kind: 'ORGANIZATION', id: hidden },
        },
      }),
    ).draftRecommendation;
    dataOf(await service.gql(M.propose, { id: drafted.id, v: 1 }));
    dataOf(
      await service.gql(M.adopt, {
        id: drafted.id,
        v: 2,
        input: { decidedBy: { kind: 'ORGANIZATION', id: hidden } },
      }),
    );
    dataOf(
      await service.gql(M.endorse, {
        id: drafted.id,
        v: 3,
        party: { kind: 'ORGANIZATION', id: hidden },
      }),
    );
    dataOf(
      await service.gql(M.progress, {
        id: drafted.id,
        v: 4,
        input: { text: 'Начали', percent: 10, author: { kind: 'ORGANIZATION', id: hidden } },
      }),
    );
    const READ = `query($id: ID!, $a: ID) {
      recommendation(id: $id) { ${FIELDS} }
      recommendations(filter: { addresseeId: $a }) { nodes { id } } }`;
    const internal = dataOf(
      await service.gql(READ, { id: drafted.id, a: hidden }, { role: 'member' }),
    );
    expect(internal.recommendation).toMatchObject({
      addressees: [{ id: MINPROMTORG }, { id: hidden }],
      responsible: { id: hidden },
      decision: { decidedBy: { id: hidden } },
      endorsements: [{ party: { id: hidden } }],
      progressReports: { nodes: [{ author: { id: hidden } }] },
    });
    expect(internal.recommendations.nodes).toEqual([{ id: drafted.id }]);
    for (const as of [
      { role: 'partner' as const },
      { role: 'addressee' as const, org: MINPROMTORG },
    ]) {
      const response = await service.gql(READ, { id: drafted.id, a: hidden }, as);
      expect(response.errors).toBeUndefined();
      expect(dataOf(response).recommendation).toMatchObject({
        addressees: [{ id: MINPROMTORG }],
        addresseePositions: [{ addressee: { id: MINPROMTORG }, position: 'PENDING' }],
        responsible: null,
        decision: { decidedBy: null },
        endorsements: [],
        progressReports: { nodes: [{ author: null }] },
      });
      expect(dataOf(response).recommendations.nodes).toEqual([]);
      expect(
        dataOf(await service.gql(READ, { id: drafted.id, a: MINPROMTORG }, as)).recommendations
          .nodes,
      ).toContainEqual({ id: drafted.id });
    }
  });
});
