import { decodeEvent } from '@kollegia/events';
import {
  collectMessages,
  errorCode,
  expectEventually,
  type ReceivedMessage,
} from '@kollegia/testing';

import { dataOf, REGISTER_ORG, startMembers, type Members } from './test/harness';

let members: Members;
let topicMessages: { messages: ReceivedMessage[]; stop: () => Promise<void> };

const SEARCH = `query($filter: OrganizationFilterInput) {
  organizations(filter: $filter, first: 100) { totalCount nodes { shortName } }
}`;
const UPDATE = `mutation($id: ID!, $v: Int!, $input: UpdateOrganizationInput!) {
  updateOrganization(id: $id, expectedVersion: $v, input: $input) { version country subdivision region description }
}`;

const minprom = {
  name: 'Министерство промышленности Республики Беларусь',
  shortName: 'Минпром Беларуси',
  kind: 'MINISTRY',
  country: 'BY',
  subdivision: 'BY-HM',
  description:
    'Проводит государственную промышленную политику; принимает вопросы «на контроль» по итогам рабочих встреч.',
  published: true,
};

const count = () => members.app.runtime.connection.collection('organizations').countDocuments();

function eventsOf(id: string) {
  return topicMessages.messages
    .filter((m) => m.key === id)
    .map((m) => {
      const decoded = decodeEvent(m.value);
      if (!decoded.ok) throw new Error(decoded.reason);
      return decoded.event;
    });
}

async function register(input: Record<string, unknown>) {
  return dataOf(await members.gql(REGISTER_ORG, { input })).registerOrganization as {
    id: string;
  } & Record<string, unknown>;
}

async function search(filter: Record<string, unknown>): Promise<string[]> {
  const result = dataOf(await members.gql(SEARCH, { filter }));
  return result.organizations.nodes.map((n: { shortName: string }) => n.shortName).sort();
}

beforeAll(async () => {
  members = await startMembers('jurisdictions');
  topicMessages = await collectMessages(members.ns.kafkaBrokers, [
    members.app.runtime.topic('organization'),
  ]);
});

afterAll(async () => {
  await topicMessages.stop();
  await members.stop();
});

describe('jurisdictions', () => {
  let belarusian: { id: string };

  beforeAll(async () => {
    belarusian = await register(minprom);
    // As a client from before countries were recorded registers: a region, no country.
    await register({ name: 'Минпромторг России', kind: 'MINISTRY', region: 'RU-MOW' });
    await register({
      name: 'Министерство промышленности и строительства Республики Казахстан',
      shortName: 'МПС РК',
      kind: 'MINISTRY',
      country: 'KZ',
      subdivision: 'KZ-71',
    });
  });

  it('should register a Belarusian ministry in Minsk and announce its country and description', async () => {
    const found = dataOf(
      await members.gql(
        `query($id: ID!) { organization(id: $id) { country subdivision region description } }`,
        { id: belarusian.id },
      ),
    ).organization;
    expect(found).toEqual({
      country: 'BY',
      subdivision: 'BY-HM',
      region: 'BY-HM',
      description: minprom.description,
    });

    const [event] = await expectEventually(() => {
      const events = eventsOf(belarusian.id);
      expect(events).toHaveLength(1);
      return events;
    });
    expect(event).toMatchObject({
      type: 'kollegia.members.organization.registered.v1',
      data: { country: 'BY', region: 'BY-HM', description: minprom.description },
    });
  });

  it('should give a Russian organisation registered the old way its country, RU', async () => {
    expect(
      dataOf(
        await members.gql(
          `{ organizations(filter: { text: "минпромторг" }) { nodes { country subdivision region description } } }`,
        ),
      ).organizations.nodes,
    ).toEqual([{ country: 'RU', subdivision: 'RU-MOW', region: 'RU-MOW', description: null }]);
  });

  it('should find organisations by country, by subdivision, and by region as before', async () => {
    expect(await search({ country: 'BY' })).toEqual(['Минпром Беларуси']);
    expect(await search({ country: 'ru' })).toEqual(['Минпромторг России']);
    expect(await search({ country: 'KZ', kind: 'MINISTRY' })).toEqual(['МПС РК']);
    expect(await search({ subdivision: 'by-hm' })).toEqual(['Минпром Беларуси']);
    expect(await search({ region: 'RU-MOW' })).toEqual(['Минпромторг России']);
    expect(await search({ country: 'BY', text: 'минпром' })).toEqual(['Минпром Беларуси']);
    expect(await search({ country: 'AM' })).toEqual([]);
  });

  it.each([
    ['a country that is not a code', { country: 'Беларусь' }, 'country'],
    ['a subdivision of another country', { country: 'BY', subdivision: 'RU-MOW' }, 'subdivision'],
    ['a subdivision that does not exist', { subdivision: 'RU-BY' }, 'subdivision'],
  ])(
    'should refuse a search by %s with BAD_USER_INPUT naming the field',
    async (_c, filter, field) => {
      const response = await members.gql(SEARCH, { filter });

      expect(errorCode(response)).toBe('BAD_USER_INPUT');
      expect(response.errors?.[0]?.extensions?.field).toBe(field);
    },
  );

  it.each<[string, Record<string, unknown>, string, string]>([
    [
      'a subject Russia does not have (RU-BY)',
      { country: 'RU', subdivision: 'RU-BY' },
      'subdivision',
      'subdivision: RU-BY is not an ISO 3166-2 code of a subdivision of RU, e.g. RU-AD',
    ],
    [
      'a subdivision the country does not have (US-XX)',
      { country: 'US', subdivision: 'US-XX' },
      'subdivision',
      'subdivision: US-XX is not an ISO 3166-2 code of a subdivision of US, e.g. US-AK',
    ],
    [
      'a subdivision of another country',
      { country: 'BY', subdivision: 'KZ-75' },
      'subdivision',
      'subdivision: KZ-75 is a subdivision of KZ, not of BY',
    ],
    [
      'a Belarusian region given as region, with no country (RU by default)',
      { country: undefined, subdivision: undefined, region: 'BY-HM' },
      'region',
      'region: BY-HM is a subdivision of BY, not of RU',
    ],
    [
      'a country that is not an ISO 3166-1 code',
      { country: 'BLR' },
      'country',
      'country: BLR is not an ISO 3166-1 alpha-2 country code, e.g. RU, BY, KZ',
    ],
    ['no subdivision', { subdivision: null }, 'subdivision', 'subdivision: must not be empty'],
    [
      'a description of 2,001 characters',
      { description: 'я'.repeat(2_001) },
      'description',
      'description: must be at most 2000 characters',
    ],
  ])(
    'should refuse to register with %s, naming the field, and store nothing',
    async (_case, override, field, message) => {
      const before = await count();

      const response = await members.gql(REGISTER_ORG, {
        input: { ...minprom, name: 'Проверка', ...override },
      });

      expect(errorCode(response)).toBe('BAD_USER_INPUT');
      expect(response.errors?.[0]?.extensions?.field).toBe(field);
      expect(response.errors?.[0]?.message).toBe(message);
      expect(response.data).toBeNull();
      expect(await count()).toBe(before);
    },
  );

  it('should move an organisation to another country only with a subdivision of it', async () => {
    const org = await register({
      name: 'Технопарк «Полесье»',
      kind: 'TECHNOPARK',
      region: 'RU-SMO',
    });

    const halfway = await members.gql(UPDATE, { id: org.id, v: 1, input: { country: 'BY' } });
    expect(errorCode(halfway)).toBe('BAD_USER_INPUT');
    expect(halfway.errors?.[0]?.message).toBe(
      'subdivision: RU-SMO is a subdivision of RU, not of BY',
    );

    const moved = dataOf(
      await members.gql(UPDATE, {
        id: org.id,
        v: 1,
        input: { country: 'BY', subdivision: 'BY-HO', description: 'Технопарк в Гомеле.' },
      }),
    ).updateOrganization;
    expect(moved).toEqual({
      version: 2,
      country: 'BY',
      subdivision: 'BY-HO',
      region: 'BY-HO',
      description: 'Технопарк в Гомеле.',
    });
    const events = await expectEventually(() => {
      const list = eventsOf(org.id);
      expect(list).toHaveLength(2);
      return list;
    });
    expect(events[1]).toMatchObject({
      type: 'kollegia.members.organization.updated.v1',
      data: {
        changedFields: ['country', 'region', 'description'],
        country: 'BY',
        region: 'BY-HO',
        description: 'Технопарк в Гомеле.',
      },
    });
  });
});
