import { commandContext } from '@kollegia/service-kit';
import { errorCode, expectEventually } from '@kollegia/testing';

import {
  ANSWER,
  appealTo,
  dataOf,
  DRAFT,
  GET,
  hexId,
  knowOrganizations,
  OTHER_TENANT,
  REGISTER,
  startRequests,
  SUBMIT,
  TENANT,
  type Requests,
} from './test/harness';

let requests: Requests;
const MINPROMTORG = hexId();
const NTI_OFFICE = hexId();
let toMinistry: { id: string; version: number; outgoingNumber: string };
let toOffice: { id: string; version: number };
let draftToMinistry: { id: string };

const ministry = { role: 'addressee' as const, org: MINPROMTORG };
const office = { role: 'addressee' as const, org: NTI_OFFICE };

async function sent(addresseeId: string) {
  const drafted = dataOf(await requests.gql(DRAFT, { input: appealTo(addresseeId) })).draftRequest;
  return dataOf(await requests.gql(SUBMIT, { id: drafted.id, v: 1 })).submitRequest;
}

beforeAll(async () => {
  requests = await startRequests('access');
  await knowOrganizations(requests, [
    { id: MINPROMTORG, name: 'Минпромторг России', kind: 'MINISTRY' },
    { id: NTI_OFFICE, name: 'Проектный офис НТИ', kind: 'PROJECT_OFFICE' },
  ]);
  toMinistry = await sent(MINPROMTORG);
  toOffice = await sent(NTI_OFFICE);
  draftToMinistry = dataOf(
    await requests.gql(DRAFT, { input: appealTo(MINPROMTORG) }),
  ).draftRequest;
});

afterAll(() => requests.stop());

const get = async (id: string, as: Parameters<Requests['gql']>[2]) =>
  (await requests.gql(GET, { id }, as)).data?.request;

describe('who sees and does what', () => {
  it('should show an addressee its own sent requests and nothing of another addressee’s', async () => {
    expect(await get(toMinistry.id, ministry)).toMatchObject({ id: toMinistry.id });
    expect(await get(toOffice.id, ministry)).toBeNull();
    expect(await get(toMinistry.id, office)).toBeNull();
    // Drafts are the association's business until they are sent.
    expect(await get(draftToMinistry.id, ministry)).toBeNull();

    const register = await requests.gql(
      REGISTER,
      { id: toOffice.id, v: 2, input: { incomingNumber: 'ВХ-1', registeredOn: '2026-03-02' } },
      ministry,
    );
    expect(errorCode(register)).toBe('NOT_FOUND');

    const all = dataOf(
      await requests.gql(
        `{ requests(first: 100) { nodes { id addressee { id } } } }`,
        {},
        ministry,
      ),
    ).requests.nodes;
    expect(all.map((r: { id: string }) => r.id)).toEqual([toMinistry.id]);
    const filtered = dataOf(
      await requests.gql(
        `query($a: ID) { requests(filter: { addresseeId: $a }) { nodes { id } } }`,
        { a: NTI_OFFICE },
        ministry,
      ),
    ).requests.nodes;
    expect(filtered).toEqual([]);
  });

  it('should list an addressee’s inbox, newest sent first', async () => {
    requests.clock.advanceDays(1);
    const newer = await sent(MINPROMTORG);
    const inbox = dataOf(
      await requests.gql(`{ inbox(first: 10) { totalCount nodes { id status } } }`, {}, ministry),
    ).inbox;
    expect(inbox.nodes.map((r: { id: string }) => r.id)).toEqual([newer.id, toMinistry.id]);
    expect(inbox.totalCount).toBe(2);
    const noOrg = await requests.gql(`{ inbox { nodes { id } } }`, {}, { role: 'secretary' });
    expect(errorCode(noOrg)).toBe('FORBIDDEN');
  });

  it('should let the addressee register and answer its own request but not draft or send', async () => {
    const registered = dataOf(
      await requests.gql(
        REGISTER,
        { id: toOffice.id, v: 2, input: { incomingNumber: 'ПО-17', registeredOn: '2026-03-02' } },
        office,
      ),
    ).registerRequest;
    expect(registered.status).toBe('REGISTERED');
    const draft = await requests.gql(DRAFT, { input: appealTo(NTI_OFFICE) }, office);
    expect(errorCode(draft)).toBe('FORBIDDEN');
    const answered = dataOf(
      await requests.gql(
        ANSWER,
        {
          id: toOffice.id,
          v: 3,
          input: { text: 'Принято к сведению', outcome: 'INFORMATION_ONLY' },
        },
        office,
      ),
    ).answerRequest;
    expect(answered.answer.outcome).toBe('INFORMATION_ONLY');
  });

  it('should let members read everything and change nothing', async () => {
    expect(await get(draftToMinistry.id, { role: 'member' })).toMatchObject({
      id: draftToMinistry.id,
    });
    const submit = await requests.gql(SUBMIT, { id: draftToMinistry.id, v: 1 }, { role: 'member' });
    expect(errorCode(submit)).toBe('FORBIDDEN');
    const answer = await requests.gql(
      ANSWER,
      { id: toMinistry.id, v: 2, input: { text: 'x', outcome: 'ACCEPTED' } },
      { role: 'member' },
    );
    expect(errorCode(answer)).toBe('FORBIDDEN');
  });

  it('should show partners sent requests only, never drafts', async () => {
    const partner = { role: 'partner' as const };
    expect(await get(toMinistry.id, partner)).toMatchObject({ id: toMinistry.id });
    expect(await get(draftToMinistry.id, partner)).toBeNull();
    const list = dataOf(
      await requests.gql(`{ requests(first: 100) { nodes { status } } }`, {}, partner),
    ).requests.nodes;
    expect(list.length).toBeGreaterThan(0);
    expect(list.every((r: { status: string }) => r.status !== 'DRAFT')).toBe(true);
  });

  it('should keep tenants apart and refuse callers without a token', async () => {
    expect(await get(toMinistry.id, { role: 'admin', tenant: OTHER_TENANT })).toBeNull();
    const list = dataOf(
      await requests.gql(
        `{ requests { totalCount } }`,
        {},
        { role: 'admin', tenant: OTHER_TENANT },
      ),
    ).requests;
    expect(list.totalCount).toBe(0);
    expect(errorCode(await requests.gql(GET, { id: toMinistry.id }, { token: null }))).toBe(
      'UNAUTHENTICATED',
    );
  });
});

describe('an addressee token that names no organisation', () => {
  it('should be refused by every query and mutation, and change nothing', async () => {
    const noOrg = { token: await requests.auth.token({ tenant: TENANT, roles: ['addressee'] }) };
    const before = await get(toMinistry.id, { role: 'secretary' });
    const answers = {
      request: await requests.gql(GET, { id: toMinistry.id }, noOrg),
      requests: await requests.gql(`{ requests(first: 100) { nodes { id } } }`, {}, noOrg),
      'requests filtered': await requests.gql(
        `query($a: ID) { requests(filter: { addresseeId: $a }) { nodes { id } } }`,
        { a: NTI_OFFICE },
        noOrg,
      ),
      requestByOutgoingNumber: await requests.gql(
        `query($n: String!) { requestByOutgoingNumber(outgoingNumber: $n) { id } }`,
        { n: toMinistry.outgoingNumber },
        noOrg,
      ),
      requestsReceived: await requests.gql(
        `query($r: [_Any!]!) { _entities(representations: $r) { ... on Organization { requestsReceived(first: 100) { nodes { id } } } } }`,
        { r: [{ __typename: 'Organization', id: MINPROMTORG }] },
        noOrg,
      ),
      inbox: await requests.gql(`{ inbox { nodes { id } } }`, {}, noOrg),
      registerRequest: await requests.gql(
        REGISTER,
        {
          id: toMinistry.id,
          v: before.version,
          input: { incomingNumber: 'ВХ-без-org', registeredOn: '2026-03-02' },
        },
        noOrg,
      ),
    };
    for (const [operation, answer] of Object.entries(answers)) {
      expect({ operation, code: errorCode(answer), data: answer.data ?? null }).toEqual({
        operation,
        code: 'UNAUTHENTICATED',
        data: null,
      });
    }
    expect(await get(toMinistry.id, { role: 'secretary' })).toEqual(before);
  });

  it('should leave an addressee identity without an organisation nothing to see, should one get past the token check', async () => {
    // Statistics are fed by the service's own events: wait until the ministry has some.
    await expectEventually(async () => {
      const stats = dataOf(
        await requests.gql(`{ addresseeStatistics(first: 10) { totalCount } }`, {}),
      ).addresseeStatistics;
      expect(stats.totalCount).toBeGreaterThan(0);
    });
    const identity = { subject: 'user-addressee', tenantId: TENANT, roles: ['addressee' as const] };
    const context = commandContext(identity, requests.clock);
    const { queries, statistics } = requests.app.useCases;
    const page = { limit: 100 };
    expect({
      request: await queries.find(context, toMinistry.id),
      byOutgoingNumber: await queries.findByOutgoingNumber(context, toMinistry.outgoingNumber),
      requests: (await queries.search(context, {}, page)).items,
      filtered: (await queries.search(context, { addresseeId: MINPROMTORG }, page)).items,
      statistics: await (await statistics.page(context, page)).totalCount(),
    }).toEqual({
      request: undefined,
      byOutgoingNumber: undefined,
      requests: [],
      filtered: [],
      statistics: 0,
    });
  });
});
