import { deterministicId } from '@kollegia/service-kit';
import { errorCode, expectEventually, uniqueId } from '@kollegia/testing';

import {
  ASSOCIATION,
  CHAIR,
  GET,
  MINPROMTORG,
  NTI_OFFICE,
  OTHER_TENANT,
  concluded,
  dataOf,
  resolution,
  startRecommendations,
  TENANT,
  type Recommendations,
} from './test/harness';

let service: Recommendations;
const conferenceId = uniqueId('conf');
// Created from one round table: to Минпромторг (published), to the НТИ office (published), and
// one to Минпромторг that is internal (the round table was not published) — see beforeAll.
let toMinistry: string;
let toOffice: string;
let internal: string;

const ADOPT = `mutation($id: ID!, $v: Int!) { adoptRecommendation(id: $id, expectedVersion: $v, input: { decidedBy: { kind: PERSON, id: "${CHAIR}" } }) { version status } }`;
const PROGRESS = `mutation($id: ID!, $v: Int!) { reportRecommendationProgress(id: $id, expectedVersion: $v, input: { text: "Проект приказа подготовлен", percent: 40 }) { version status progressReports { nodes { author { __typename ... on Organization { id } ... on Person { id } } } } } }`;
const LIST = `{ recommendations(first: 100) { totalCount nodes { id } } }`;
const COUNTS = `query($c: ID!) { _entities(representations: [{ __typename: "Conference", id: $c }]) { ... on Conference { recommendationCounts { proposed adopted total } } } }`;

beforeAll(async () => {
  service = await startRecommendations('access');
  const open = concluded({
    conferenceId,
    resolutions: [
      resolution({ addresseeIds: [MINPROMTORG] }),
      resolution({ kind: 'QUESTION_TO_REGULATOR', addresseeIds: [NTI_OFFICE] }),
    ],
  });
  const closed = concluded({
    conferenceId,
    published: false,
    resolutions: [resolution({ addresseeIds: [MINPROMTORG] })],
  });
  toMinistry = deterministicId(open.subject, open.data.resolutions[0]!.id);
  toOffice = deterministicId(open.subject, open.data.resolutions[1]!.id);
  internal = deterministicId(closed.subject, closed.data.resolutions[0]!.id);
  await service.publish([open, closed]);
  await expectEventually(async () =>
    expect(dataOf(await service.gql(LIST)).recommendations.totalCount).toBe(3),
  );
  // Adopted: the one to the ministry and the internal one; the one to the office stays proposed.
  dataOf(await service.gql(ADOPT, { id: toMinistry, v: 1 }));
  dataOf(await service.gql(ADOPT, { id: internal, v: 1 }));
});

afterAll(() => service.stop());

const ids = (data: { recommendations: { nodes: { id: string }[] } }) =>
  data.recommendations.nodes.map((n) => n.id).sort();

describe('tenants', () => {
  it('should answer null and NOT_FOUND for another tenant’s recommendation, and count nothing', async () => {
    const as = { role: 'admin' as const, tenant: OTHER_TENANT };
    expect(dataOf(await service.gql(GET, { id: toMinistry }, as)).recommendation).toBeNull();
    expect(dataOf(await service.gql(LIST, {}, as)).recommendations.totalCount).toBe(0);
    const adopt = await service.gql(ADOPT, { id: toOffice, v: 1 }, as);
    expect(errorCode(adopt)).toBe('NOT_FOUND');
    expect(
      dataOf(await service.gql(COUNTS, { c: conferenceId }, as))._entities[0].recommendationCounts,
    ).toEqual({ proposed: 0, adopted: 0, total: 0 });
    expect(dataOf(await service.gql(GET, { id: toOffice })).recommendation.version).toBe(1);
  });

  it('should refuse a caller without a token', async () => {
    expect(errorCode(await service.gql(LIST, {}, { token: null }))).toBe('UNAUTHENTICATED');
  });
});

describe('roles', () => {
  it('should let members read everything and endorse, but not adopt or draft', async () => {
    expect(ids(dataOf(await service.gql(LIST, {}, { role: 'member' })))).toEqual(
      [toMinistry, toOffice, internal].sort(),
    );
    expect(errorCode(await service.gql(ADOPT, { id: toOffice, v: 1 }, { role: 'member' }))).toBe(
      'FORBIDDEN',
    );
    const draft = await service.gql(
      `mutation { draftRecommendation(input: { title: "x", recommendedText: "y", actionType: OTHER }) { id } }`,
      {},
      { role: 'member' },
    );
    expect(errorCode(draft)).toBe('FORBIDDEN');
  });

  it('should show an addressee only what is addressed to its organisation', async () => {
    const ministry = { role: 'addressee' as const, org: MINPROMTORG };
    expect(ids(dataOf(await service.gql(LIST, {}, ministry)))).toEqual(
      [toMinistry, internal].sort(),
    );
    expect(dataOf(await service.gql(GET, { id: toOffice }, ministry)).recommendation).toBeNull();
    // A token that names no organisation is refused (the kit's rule), never read as "every one".
    const noOrg = await service.auth.token({ tenant: TENANT, roles: ['addressee'] });
    expect(errorCode(await service.gql(LIST, {}, { token: noOrg }))).toBe('UNAUTHENTICATED');
  });

  it('should let an addressee report progress on what is addressed to it, as its organisation, and nothing else', async () => {
    const ministry = { role: 'addressee' as const, org: MINPROMTORG };
    const current = dataOf(await service.gql(GET, { id: internal })).recommendation;
    const reported = dataOf(
      await service.gql(PROGRESS, { id: internal, v: current.version }, ministry),
    ).reportRecommendationProgress;
    expect(reported).toMatchObject({
      status: 'IN_PROGRESS',
      progressReports: { nodes: [{ author: { __typename: 'Organization', id: MINPROMTORG } }] },
    });
    const elsewhere = await service.gql(
      PROGRESS,
      { id: toOffice, v: 1 },
      { role: 'addressee', org: MINPROMTORG },
    );
    expect(errorCode(elsewhere)).toBe('NOT_FOUND');
    const endorse = await service.gql(
      `mutation($id: ID!) { endorseRecommendation(id: $id, expectedVersion: 2) { id } }`,
      { id: toMinistry },
      ministry,
    );
    expect(errorCode(endorse)).toBe('FORBIDDEN');
  });

  it('should let the responsible organisation’s member report progress but not another member', async () => {
    const current = dataOf(await service.gql(GET, { id: toMinistry })).recommendation;
    const outsider = await service.gql(
      PROGRESS,
      { id: toMinistry, v: current.version },
      { role: 'member', org: 'org-unrelated' },
    );
    expect(errorCode(outsider)).toBe('FORBIDDEN');
    const responsible = await service.gql(
      PROGRESS,
      { id: toMinistry, v: current.version },
      { role: 'member', org: ASSOCIATION },
    );
    expect(dataOf(responsible).reportRecommendationProgress.status).toBe('IN_PROGRESS');
  });

  it('should show a partner only published recommendations that were adopted, and count only those', async () => {
    const partner = { role: 'partner' as const };
    expect(ids(dataOf(await service.gql(LIST, {}, partner)))).toEqual([toMinistry]);
    expect(dataOf(await service.gql(GET, { id: toOffice }, partner)).recommendation).toBeNull();
    expect(dataOf(await service.gql(GET, { id: internal }, partner)).recommendation).toBeNull();
    expect(
      dataOf(await service.gql(COUNTS, { c: conferenceId }, partner))._entities[0]
        .recommendationCounts,
    ).toEqual({ proposed: 0, adopted: 0, total: 1 });
    expect(
      dataOf(await service.gql(COUNTS, { c: conferenceId }))._entities[0].recommendationCounts,
    ).toEqual({ proposed: 1, adopted: 0, total: 3 });
    expect(errorCode(await service.gql(ADOPT, { id: toOffice, v: 1 }, partner))).toBe('FORBIDDEN');
  });

  it('should show a partner the conference follow-ups from adoption on, an addressee its own', async () => {
    const FEED = `query($c: ID!) { conferenceFollowUps(conferenceId: $c, first: 100) { nodes { recommendationId type } } }`;
    const partner = dataOf(await service.gql(FEED, { c: conferenceId }, { role: 'partner' }))
      .conferenceFollowUps.nodes;
    expect(
      partner.every((n: { recommendationId: string }) => n.recommendationId === toMinistry),
    ).toBe(true);
    expect(partner.map((n: { type: string }) => n.type)).toEqual(
      expect.arrayContaining(['ADOPTED', 'PROGRESS_REPORTED', 'IN_PROGRESS']),
    );
    expect(partner.map((n: { type: string }) => n.type)).not.toContain('PROPOSED');
    const office = dataOf(
      await service.gql(FEED, { c: conferenceId }, { role: 'addressee', org: NTI_OFFICE }),
    ).conferenceFollowUps.nodes;
    expect(office).toEqual([{ recommendationId: toOffice, type: 'PROPOSED' }]);
  });
});
