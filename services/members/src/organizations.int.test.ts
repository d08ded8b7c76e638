import { decodeEvent } from '@kollegia/events';
import {
  collectMessages,
  errorCode,
  expectEventually,
  type ReceivedMessage,
} from '@kollegia/testing';

import {
  dataOf,
  OTHER_TENANT,
  REGISTER_ORG,
  startMembers,
  TENANT,
  VALID,
  type Members,
} from './test/harness';

let members: Members;
let topicMessages: { messages: ReceivedMessage[]; stop: () => Promise<void> };

beforeAll(async () => {
  members = await startMembers('orgs');
  topicMessages = await collectMessages(members.ns.kafkaBrokers, [
    members.app.runtime.topic('organization'),
  ]);
});

afterAll(async () => {
  await topicMessages.stop();
  await members.stop();
});

const akit = {
  name: 'Ассоциация кластеров, технопарков и особых экономических зон России',
  shortName: 'АКИТ РФ',
  kind: 'ASSOCIATION',
  region: 'RU-MOW',
  industries: ['Industrial-Policy', 'clusters'],
  inn: VALID.inn10,
  ogrn: VALID.ogrn13,
  website: 'https://akitrf.ru',
  published: true,
};

function eventsOf(id: string) {
  return topicMessages.messages
    .filter((m) => m.key === id)
    .map((m) => {
      const decoded = decodeEvent(m.value);
      if (!decoded.ok) throw new Error(decoded.reason);
      return decoded.event;
    });
}

async function register(input: Record<string, unknown> = akit) {
  return dataOf(await members.gql(REGISTER_ORG, { input })).registerOrganization;
}

describe('organisations', () => {
  it('should register an organisation and announce it as a CloudEvent when a secretary registers it', async () => {
    const org = await register();
    expect(org).toMatchObject({
      version: 1,
      name: akit.name,
      shortName: 'АКИТ РФ',
      kind: 'ASSOCIATION',
      region: 'RU-MOW',
      industries: ['industrial-policy', 'clusters'],
      inn: VALID.inn10,
      status: 'ACTIVE',
      published: true,
    });
    const [event] = await expectEventually(() => {
      const events = eventsOf(org.id);
      expect(events).toHaveLength(1);
      return events;
    });
    expect(event).toMatchObject({
      type: 'kollegia.members.organization.registered.v1',
      subject: org.id,
      tenantid: TENANT,
      aggregateversion: 1,
      actor: 'user-secretary',
      data: {
        id: org.id,
        name: akit.name,
        shortName: 'АКИТ РФ',
        inn: VALID.inn10,
        published: true,
      },
    });
  });

  it('should announce a rename and a card change separately when both change at once', async () => {
    const org = await register({ ...akit, inn: undefined, ogrn: undefined });
    const updated = dataOf(
      await members.gql(
        `mutation($id: ID!, $v: Int!, $input: UpdateOrganizationInput!) {
          updateOrganization(id: $id, expectedVersion: $v, input: $input) { version name shortName region website }
        }`,
        { id: org.id, v: 1, input: { shortName: 'АКИТ', region: 'RU-SPE', website: null } },
      ),
    ).updateOrganization;
    expect(updated).toEqual({
      version: 2,
      name: akit.name,
      shortName: 'АКИТ',
      region: 'RU-SPE',
      website: null,
    });
    const events = await expectEventually(() => {
      const list = eventsOf(org.id);
      expect(list).toHaveLength(3);
      return list;
    });
    expect(events.map((e) => [e.type, e.aggregateversion])).toEqual([
      ['kollegia.members.organization.registered.v1', 1],
      ['kollegia.members.organization.renamed.v1', 2],
      ['kollegia.members.organization.updated.v1', 2],
    ]);
    expect(events[1]?.data).toMatchObject({ shortName: 'АКИТ', previousShortName: 'АКИТ РФ' });
    expect(events[2]?.data).toMatchObject({
      changedFields: ['region', 'website'],
      region: 'RU-SPE',
    });
    expect(events[2]?.data).not.toHaveProperty('website');
  });

  it('should archive once and refuse further changes with CONFLICT naming the state', async () => {
    const org = await register();
    const archive = (v: number) =>
      members.gql(
        `mutation($id: ID!, $v: Int!) { archiveOrganization(id: $id, expectedVersion: $v, reason: "Реорганизация") { status archiveReason version } }`,
        {
          id: org.id,
          v,
        },
      );
    expect(dataOf(await archive(1)).archiveOrganization).toEqual({
      status: 'ARCHIVED',
      archiveReason: 'Реорганизация',
      version: 2,
    });
    const again = await archive(2);
    expect(errorCode(again)).toBe('CONFLICT');
    expect(again.errors?.[0]?.extensions?.currentState).toBe('ARCHIVED');
    const update = await members.gql(
      `mutation($id: ID!) { updateOrganization(id: $id, expectedVersion: 2, input: { region: "RU-VGG" }) { id } }`,
      { id: org.id },
    );
    expect(errorCode(update)).toBe('CONFLICT');
    expect(update.errors?.[0]?.message).toMatch(/ARCHIVED/);
    await expectEventually(() =>
      expect(eventsOf(org.id).map((e) => e.type)).toEqual([
        'kollegia.members.organization.registered.v1',
        'kollegia.members.organization.archived.v1',
      ]),
    );
  });

  it('should refuse a stale expectedVersion with CONFLICT and change nothing', async () => {
    const org = await register();
    const change = (v: number, region: string) =>
      members.gql(
        `mutation($id: ID!, $v: Int!, $r: String!) { updateOrganization(id: $id, expectedVersion: $v, input: { region: $r }) { version region } }`,
        {
          id: org.id,
          v,
          r: region,
        },
      );
    expect(dataOf(await change(1, 'RU-TA')).updateOrganization).toEqual({
      version: 2,
      region: 'RU-TA',
    });
    const stale = await change(1, 'RU-BA');
    expect(errorCode(stale)).toBe('CONFLICT');
    expect(stale.errors?.[0]?.extensions).toMatchObject({
      field: 'expectedVersion',
      currentVersion: 2,
    });
    const stored = dataOf(
      await members.gql(`query($id: ID!) { organization(id: $id) { version region } }`, {
        id: org.id,
      }),
    );
    expect(stored.organization).toEqual({ version: 2, region: 'RU-TA' });
  });

  it('should link a parent organisation and refuse an unknown one or a cycle', async () => {
    const parent = await register({
      ...akit,
      name: 'Госкорпорация',
      shortName: 'ГК',
      inn: undefined,
      ogrn: undefined,
    });
    const child = await register({
      ...akit,
      name: 'Дочернее общество',
      shortName: 'ДО',
      parentId: parent.id,
      inn: undefined,
      ogrn: undefined,
    });
    expect(child.parent).toEqual({ id: parent.id, name: 'Госкорпорация' });
    const unknown = await members.gql(REGISTER_ORG, { input: { ...akit, parentId: 'nope' } });
    expect(errorCode(unknown)).toBe('BAD_USER_INPUT');
    expect(unknown.errors?.[0]?.extensions?.field).toBe('parentId');
    const cycle = await members.gql(
      `mutation($id: ID!, $p: ID!) { updateOrganization(id: $id, expectedVersion: 1, input: { parentId: $p }) { id } }`,
      { id: parent.id, p: child.id },
    );
    expect(errorCode(cycle)).toBe('BAD_USER_INPUT');
    expect(cycle.errors?.[0]?.message).toMatch(/cycle/);
  });
});

describe('bad input', () => {
  const cases: [string, Record<string, unknown>, string][] = [
    ['an empty name', { ...akit, name: '   ' }, 'name'],
    ['a 10 kB name', { ...akit, name: 'Я'.repeat(10_000) }, 'name'],
    ['a wrong INN checksum', { ...akit, inn: '7707083894' }, 'inn'],
    ['an INN of 11 digits', { ...akit, inn: '77070838931' }, 'inn'],
    ['a wrong OGRN checksum', { ...akit, ogrn: '1027700132196' }, 'ogrn'],
    ['a region that is not an ISO code', { ...akit, region: 'Москва' }, 'region'],
    ['a website that is not http(s)', { ...akit, website: 'ftp://akit' }, 'website'],
    ['a 10 kB industry tag', { ...akit, industries: ['x'.repeat(10_000)] }, 'industries'],
  ];

  it.each(cases)(
    'should reject %s naming the field and store nothing',
    async (_label, input, field) => {
      const before = await members.app.runtime.connection
        .collection('organizations')
        .countDocuments();
      const response = await members.gql(REGISTER_ORG, { input });
      expect(errorCode(response)).toBe('BAD_USER_INPUT');
      expect(response.errors?.[0]?.extensions?.field).toBe(field);
      expect(response.data).toBeNull();
      expect(
        await members.app.runtime.connection.collection('organizations').countDocuments(),
      ).toBe(before);
    },
  );

  it('should reject an unknown enum value before any resolver runs', async () => {
    const before = await members.app.runtime.connection
      .collection('organizations')
      .countDocuments();
    const response = await members.gql(REGISTER_ORG, { input: { ...akit, kind: 'SPACESHIP' } });
    expect(errorCode(response)).toBe('BAD_USER_INPUT');
    expect(response.errors?.[0]?.message).toMatch(/SPACESHIP/);
    expect(await members.app.runtime.connection.collection('organizations').countDocuments()).toBe(
      before,
    );
  });
});

describe('tenancy and roles', () => {
  it('should answer NOT_FOUND, never data, for another tenant’s organisation', async () => {
    const org = await register();
    const read = await members.gql(
      `query($id: ID!) { organization(id: $id) { id name } }`,
      { id: org.id },
      { role: 'admin', tenant: OTHER_TENANT },
    );
    expect(read.data?.organization).toBeNull();
    const write = await members.gql(
      `mutation($id: ID!) { updateOrganization(id: $id, expectedVersion: 1, input: { region: "RU-VGG" }) { id name } }`,
      { id: org.id },
      { role: 'admin', tenant: OTHER_TENANT },
    );
    expect(errorCode(write)).toBe('NOT_FOUND');
    expect(JSON.stringify(write)).not.toContain(akit.name);
    const list = dataOf(
      await members.gql(
        `{ organizations(first: 100) { totalCount nodes { id } } }`,
        {},
        { role: 'admin', tenant: OTHER_TENANT },
      ),
    );
    expect(list.organizations.nodes.map((n: { id: string }) => n.id)).not.toContain(org.id);
  });

  it.each([
    ['member', 'FORBIDDEN'],
    ['addressee', 'FORBIDDEN'],
    ['partner', 'FORBIDDEN'],
  ] as const)('should refuse registration to a %s with %s', async (role, code) => {
    const response = await members.gql(REGISTER_ORG, { input: akit }, { role });
    expect(errorCode(response)).toBe(code);
  });

  it.each(['admin', 'secretary'] as const)('should let a %s register', async (role) => {
    expect(
      dataOf(await members.gql(REGISTER_ORG, { input: akit }, { role })).registerOrganization.id,
    ).toBeTruthy();
  });

  it('should refuse a caller with no token or a bad one', async () => {
    expect(
      errorCode(await members.gql(`{ organizations { totalCount } }`, {}, { token: null })),
    ).toBe('UNAUTHENTICATED');
    expect(
      errorCode(await members.gql(`{ organizations { totalCount } }`, {}, { token: 'garbage' })),
    ).toBe('UNAUTHENTICATED');
    const expired = await members.auth.token({ tenant: TENANT, roles: ['admin'] }, '-1s');
    expect(
      errorCode(await members.gql(`{ organizations { totalCount } }`, {}, { token: expired })),
    ).toBe('UNAUTHENTICATED');
  });

  it('should show partners published organisations only', async () => {
    const hidden = await register({
      ...akit,
      published: false,
      name: 'Внутренняя организация',
      shortName: 'ВО',
    });
    const shown = await register({
      ...akit,
      published: true,
      name: 'Публичная организация',
      shortName: 'ПО',
    });
    const asPartner = (id: string) =>
      members.gql(`query($id: ID!) { organization(id: $id) { id } }`, { id }, { role: 'partner' });
    expect((await asPartner(hidden.id)).data?.organization).toBeNull();
    expect((await asPartner(shown.id)).data?.organization).toEqual({ id: shown.id });
    const list = dataOf(
      await members.gql(
        `{ organizations(first: 100, filter: { text: "организация" }) { nodes { id published } } }`,
        {},
        { role: 'partner' },
      ),
    );
    expect(list.organizations.nodes).toEqual([{ id: shown.id, published: true }]);
  });
});
