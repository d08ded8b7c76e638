import { errorCode } from '@kollegia/testing';

import { dataOf, REGISTER_ORG, startMembers, type Members } from './test/harness';

let members: Members;

const SEARCH_ORGANIZATIONS = `query($text: String) { organizations(filter: { text: $text }) { totalCount nodes { shortName } } }`;
const SEARCH_PEOPLE = `query($text: String) { people(filter: { text: $text }) { totalCount } }`;
const REGISTER_PERSON = `mutation($input: RegisterPersonInput!) { registerPerson(input: $input) { id fullName } }`;
const FORM = `mutation($input: FormCommunityInput!) { formCommunity(input: $input) { id version validUntil } }`;
const RENAME = `mutation($id: ID!, $name: String!) { updateOrganization(id: $id, expectedVersion: 1, input: { name: $name }) { id version name } }`;
const DISSOLVE = `mutation($id: ID!, $reason: String) { dissolveCommunity(id: $id, expectedVersion: 1, reason: $reason) { status } }`;

const volma = {
  name: 'Группа компаний «ВОЛМА»',
  shortName: 'ГК ВОЛМА',
  kind: 'ENTERPRISE',
  region: 'RU-VGG',
};

beforeAll(async () => {
  members = await startMembers('hygiene');
  dataOf(await members.gql(REGISTER_ORG, { input: volma }));
});

afterAll(() => members.stop());

const count = (collection: string) =>
  members.app.runtime.connection.collection(collection).countDocuments();

describe('search text', () => {
  it.each([
    ['organizations', SEARCH_ORGANIZATIONS],
    ['people', SEARCH_PEOPLE],
  ])(
    'should refuse a 200 KB search text of %s with BAD_USER_INPUT naming the field and the limit',
    async (_list, query) => {
      const response = await members.gql(query, { text: 'волма '.repeat(34_000) });

      expect(errorCode(response)).toBe('BAD_USER_INPUT');
      expect(response.errors?.[0]?.message).toBe('text: must be at most 200 characters');
      expect(response.errors?.[0]?.extensions).toMatchObject({ field: 'text', maxLength: 200 });
      expect(response.data).toBeNull();
    },
  );

  it('should search with a text at the limit', async () => {
    const text = 'волма '.repeat(33);
    expect(text.length).toBe(198);

    const found = dataOf(await members.gql(SEARCH_ORGANIZATIONS, { text })).organizations;

    expect(found.nodes).toEqual([{ shortName: 'ГК ВОЛМА' }]);
  });
});

describe('names', () => {
  it.each([
    ['zero-width spaces', '\u200B\u200B\u200B', 'must not be empty'],
    ['a zero-width joiner and a byte order mark', '\u200D\uFEFF', 'must not be empty'],
    ['NUL characters', '\u0000\u0000', 'must not contain control characters'],
    [
      'a right-to-left override',
      'ГК \u202EАМЛОВ',
      'must not contain bidirectional override characters',
    ],
    [
      'only bidirectional isolates',
      '\u2066\u2069',
      'must not contain bidirectional override characters',
    ],
    ['two lines', 'ГК\nВОЛМА', 'must be one line, without line breaks or tabs'],
  ])(
    'should refuse an organisation, a person and a community named with %s, and store nothing',
    async (_case, name, message) => {
      const before = {
        organizations: await count('organizations'),
        people: await count('people'),
        communities: await count('communities'),
      };

      const responses = {
        organization: await members.gql(REGISTER_ORG, { input: { ...volma, name } }),
        person: await members.gql(REGISTER_PERSON, { input: { fullName: name } }),
        community: await members.gql(FORM, { input: { name, kind: 'WORKING_GROUP' } }),
      };

      for (const [what, response] of Object.entries(responses)) {
        const field = { organization: 'name', person: 'fullName', community: 'name' }[what];
        expect([what, errorCode(response), response.errors?.[0]?.message]).toEqual([
          what,
          'BAD_USER_INPUT',
          `${field}: ${message}`,
        ]);
        expect(response.data).toBeNull();
      }
      expect({
        organizations: await count('organizations'),
        people: await count('people'),
        communities: await count('communities'),
      }).toEqual(before);
    },
  );

  it('should read a short name of only zero-width characters as none given, like a blank one', async () => {
    const org = dataOf(
      await members.gql(REGISTER_ORG, { input: { ...volma, shortName: '\u200B\uFEFF' } }),
    ).registerOrganization;

    expect(org.shortName).toBe(volma.name);
  });

  it('should refuse a rename to zero-width characters and leave the organisation as it was', async () => {
    const org = dataOf(
      await members.gql(REGISTER_ORG, { input: { ...volma, name: 'ООО «Стереотек»' } }),
    ).registerOrganization;

    const response = await members.gql(RENAME, { id: org.id, name: '\u200B\u200C\u2060' });

    expect(errorCode(response)).toBe('BAD_USER_INPUT');
    expect(response.errors?.[0]?.extensions?.field).toBe('name');
    const stored = await members.app.runtime.connection
      .collection<{ _id: string; version: number; name: string }>('organizations')
      .findOne({ _id: org.id });
    expect(stored).toMatchObject({ version: 1, name: 'ООО «Стереотек»' });
  });

  it('should take a name of 300 emoji, counting characters rather than UTF-16 units', async () => {
    const name = '🏭'.repeat(300);
    expect(name.length).toBe(600);

    const org = dataOf(
      await members.gql(REGISTER_ORG, { input: { ...volma, name } }),
    ).registerOrganization;

    expect(org.name).toBe(name);
    const tooLong = await members.gql(REGISTER_ORG, { input: { ...volma, name: `${name}🏭` } });
    expect(tooLong.errors?.[0]?.message).toBe('name: must be at most 300 characters');
  });

  it('should store a name typed with a decomposed «ё» in its composed form', async () => {
    const person = dataOf(
      await members.gql(REGISTER_PERSON, { input: { fullName: 'Пётр Семёнов'.normalize('NFD') } }),
    ).registerPerson;

    expect(person.fullName).toBe('Пётр Семёнов'.normalize('NFC'));
  });
});

describe('long texts and dates', () => {
  it('should take a dissolution reason of several paragraphs', async () => {
    const group = dataOf(
      await members.gql(FORM, { input: { name: 'Рабочая группа по НТИ', kind: 'WORKING_GROUP' } }),
    ).formCommunity;
    const reason = 'Задачи выполнены.\n\tОтчёт направлен в Минпромторг.';

    const response = await members.gql(DISSOLVE, { id: group.id, reason });

    expect(dataOf(response).dissolveCommunity).toEqual({ status: 'DISSOLVED' });
  });

  it('should refuse a temporary community valid until year 9999, and store nothing', async () => {
    const before = await count('communities');

    const response = await members.gql(FORM, {
      input: { name: 'Временная группа', kind: 'WORKING_GROUP', validUntil: '9999-12-31' },
    });

    expect(errorCode(response)).toBe('BAD_USER_INPUT');
    expect(response.errors?.[0]?.message).toBe('validUntil: must be a date from 1900 to 2999');
    expect(await count('communities')).toBe(before);
  });
});
