import { decodeEvent } from '@kollegia/events';
import {
  collectMessages,
  errorCode,
  expectEventually,
  type ReceivedMessage,
} from '@kollegia/testing';

import type { Role } from '@kollegia/service-kit';

import { dataOf, REGISTER_ORG, startMembers, type Members } from './test/harness';

let members: Members;
let now = new Date('2026-11-23T09:00:00Z');
let collector: { messages: ReceivedMessage[]; stop: () => Promise<void> };

const FORM = `mutation($input: FormCommunityInput!) { formCommunity(input: $input) { id version name kind status validUntil published } }`;
const GRANT = `mutation($input: GrantMembershipInput!) { grantMembership(input: $input) { id version role status since member { __typename ... on Organization { id shortName } ... on Person { id fullName } } community { id name } } }`;
const REGISTER_PERSON = `mutation($input: RegisterPersonInput!) { registerPerson(input: $input) { id fullName contacts { email phone } organization { id } } }`;

async function org(shortName: string) {
  return dataOf(
    await members.gql(REGISTER_ORG, {
      input: { name: shortName, shortName, kind: 'ENTERPRISE', region: 'RU-MOW' },
    }),
  ).registerOrganization.id as string;
}

async function community(input: Record<string, unknown>) {
  return dataOf(await members.gql(FORM, { input: { kind: 'WORKING_GROUP', ...input } }))
    .formCommunity;
}

beforeAll(async () => {
  members = await startMembers('communities', { clock: () => now });
  collector = await collectMessages(members.ns.kafkaBrokers, [
    members.app.runtime.topic('community'),
    members.app.runtime.topic('membership'),
    members.app.runtime.topic('person'),
  ]);
});

afterAll(async () => {
  await collector.stop();
  await members.stop();
});

function typesOf(key: string) {
  return collector.messages
    .filter((m) => m.key === key)
    .map((m) => {
      const decoded = decodeEvent(m.value);
      if (!decoded.ok) throw new Error(decoded.reason);
      return decoded.event;
    });
}

describe('communities and memberships', () => {
  it('should grant, change and revoke memberships and list members by role', async () => {
    const association = await community({
      name: 'Ассоциация кластеров и технопарков',
      kind: 'ASSOCIATION',
      published: true,
    });
    const volma = await org('ГК ВОЛМА');
    const sber = await org('Сбер');
    const person = dataOf(
      await members.gql(REGISTER_PERSON, {
        input: {
          fullName: 'Бабкин Михаил',
          organizationId: volma,
          email: 'M.Babkin@example.ru',
          phone: '+7 (844) 200-00-00',
        },
      }),
    ).registerPerson;
    expect(person.contacts).toEqual({ email: 'm.babkin@example.ru', phone: '+7 (844) 200-00-00' });

    const volmaMember = dataOf(
      await members.gql(GRANT, {
        input: {
          communityId: association.id,
          memberKind: 'ORGANIZATION',
          memberId: volma,
          role: 'MEMBER',
        },
      }),
    ).grantMembership;
    expect(volmaMember).toMatchObject({
      role: 'MEMBER',
      status: 'ACTIVE',
      since: '2026-11-23',
      member: { __typename: 'Organization', id: volma, shortName: 'ГК ВОЛМА' },
      community: { id: association.id },
    });
    await members.gql(GRANT, {
      input: {
        communityId: association.id,
        memberKind: 'ORGANIZATION',
        memberId: sber,
        role: 'CHAIR',
        since: '2025-01-01',
      },
    });
    const personMember = dataOf(
      await members.gql(GRANT, {
        input: {
          communityId: association.id,
          memberKind: 'PERSON',
          memberId: person.id,
          role: 'EXPERT',
        },
      }),
    ).grantMembership;
    expect(personMember.member).toEqual({
      __typename: 'Person',
      id: person.id,
      fullName: 'Бабкин Михаил',
    });

    const duplicate = await members.gql(GRANT, {
      input: {
        communityId: association.id,
        memberKind: 'ORGANIZATION',
        memberId: volma,
        role: 'OBSERVER',
      },
    });
    expect(errorCode(duplicate)).toBe('CONFLICT');

    const changed = dataOf(
      await members.gql(
        `mutation($id: ID!) { changeMembershipRole(id: $id, expectedVersion: 1, role: DEPUTY_CHAIR) { role version } }`,
        { id: volmaMember.id },
      ),
    ).changeMembershipRole;
    expect(changed).toEqual({ role: 'DEPUTY_CHAIR', version: 2 });

    const byRole = dataOf(
      await members.gql(
        `query($id: ID!) { community(id: $id) { members(role: DEPUTY_CHAIR) { totalCount nodes { member { ... on Organization { shortName } } } } } }`,
        { id: association.id },
      ),
    );
    expect(byRole.community.members).toEqual({
      totalCount: 1,
      nodes: [{ member: { shortName: 'ГК ВОЛМА' } }],
    });

    const ofOrg = dataOf(
      await members.gql(
        `query($id: ID!) { organization(id: $id) { communities { nodes { role community { name } } } people { nodes { fullName } } } }`,
        { id: volma },
      ),
    );
    expect(ofOrg.organization).toEqual({
      communities: {
        nodes: [
          { role: 'DEPUTY_CHAIR', community: { name: 'Ассоциация кластеров и технопарков' } },
        ],
      },
      people: { nodes: [{ fullName: 'Бабкин Михаил' }] },
    });
    const ofPerson = dataOf(
      await members.gql(`query($id: ID!) { person(id: $id) { communities { nodes { role } } } }`, {
        id: person.id,
      }),
    );
    expect(ofPerson.person.communities.nodes).toEqual([{ role: 'EXPERT' }]);

    const orgsInCommunity = dataOf(
      await members.gql(
        `query($c: ID!) { organizations(filter: { communityId: $c }) { nodes { shortName } } }`,
        { c: association.id },
      ),
    );
    expect(
      orgsInCommunity.organizations.nodes.map((n: { shortName: string }) => n.shortName).sort(),
    ).toEqual(['ГК ВОЛМА', 'Сбер']);

    const revoked = dataOf(
      await members.gql(
        `mutation($id: ID!) { revokeMembership(id: $id, expectedVersion: 2, reason: "Вышла из ассоциации") { status revokedOn revocationReason } }`,
        { id: volmaMember.id },
      ),
    ).revokeMembership;
    expect(revoked).toEqual({
      status: 'REVOKED',
      revokedOn: '2026-11-23',
      revocationReason: 'Вышла из ассоциации',
    });
    // after revocation the member may join again
    const rejoined = await members.gql(GRANT, {
      input: {
        communityId: association.id,
        memberKind: 'ORGANIZATION',
        memberId: volma,
        role: 'MEMBER',
      },
    });
    expect(rejoined.errors).toBeUndefined();

    await expectEventually(() =>
      expect(typesOf(volmaMember.id).map((e) => e.type)).toEqual([
        'kollegia.members.membership.granted.v1',
        'kollegia.members.membership.role-changed.v1',
        'kollegia.members.membership.revoked.v1',
      ]),
    );
  });

  it('should let exactly one of two racing grants for the same member through', async () => {
    const group = await community({ name: 'Гонка' });
    const member = await org('Гонщик');
    const results = await Promise.all(
      [1, 2].map(() =>
        members.gql(GRANT, {
          input: {
            communityId: group.id,
            memberKind: 'ORGANIZATION',
            memberId: member,
            role: 'MEMBER',
          },
        }),
      ),
    );
    expect(results.filter((r) => !r.errors).length).toBe(1);
    expect(results.filter((r) => errorCode(r) === 'CONFLICT').length).toBe(1);
  });

  it('should accept no members into a dissolved community', async () => {
    const group = await community({ name: 'Временная группа' });
    const member = await org('Участник');
    dataOf(
      await members.gql(
        `mutation($id: ID!) { dissolveCommunity(id: $id, expectedVersion: 1, reason: "Задачи выполнены") { status } }`,
        { id: group.id },
      ),
    );
    const refused = await members.gql(GRANT, {
      input: {
        communityId: group.id,
        memberKind: 'ORGANIZATION',
        memberId: member,
        role: 'MEMBER',
      },
    });
    expect(errorCode(refused)).toBe('CONFLICT');
    expect(refused.errors?.[0]?.message).toMatch(/DISSOLVED/);
  });

  it('should refuse a grant for a member that does not exist', async () => {
    const group = await community({ name: 'Группа' });
    const response = await members.gql(GRANT, {
      input: { communityId: group.id, memberKind: 'PERSON', memberId: 'ghost', role: 'MEMBER' },
    });
    expect(response.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'memberId',
    });
  });

  it('should keep the members of an unpublished community and the people of an unpublished organisation from partners and addressees', async () => {
    const internal = await community({ name: 'Закрытая рабочая группа', published: false });
    const open = await community({ name: 'Открытая рабочая группа', published: true });
    const hiddenOrg = await org('Внутренний участник');
    const publishedOrg = dataOf(
      await members.gql(REGISTER_ORG, {
        input: {
          name: 'Публичный участник',
          kind: 'ENTERPRISE',
          region: 'RU-MOW',
          published: true,
        },
      }),
    ).registerOrganization.id as string;
    const personOf = async (fullName: string, organizationId?: string) =>
      dataOf(
        await members.gql(REGISTER_PERSON, {
          input: { fullName, ...(organizationId ? { organizationId } : {}) },
        }),
      ).registerPerson.id as string;
    // Works for the unpublished organisation: as internal to partners as the organisation itself.
    const person = await personOf('Закрытов Пётр', hiddenOrg);
    const ofPublished = await personOf('Открытов Иван', publishedOrg);
    const ofNone = await personOf('Свободнов Лев');
    for (const communityId of [internal.id, open.id]) {
      for (const [memberKind, memberId] of [
        ['ORGANIZATION', publishedOrg],
        ['PERSON', person],
        ['PERSON', ofPublished],
        ['PERSON', ofNone],
      ]) {
        dataOf(
          await members.gql(GRANT, {
            input: { communityId, memberKind, memberId, role: 'MEMBER', since: '2026-01-01' },
          }),
        );
      }
    }
    const listed = async (role: Role, communityId: string) => {
      const data = dataOf(
        await members.gql(
          `query($c: ID!) {
            organizations(filter: { communityId: $c }) { totalCount nodes { id } }
            people(filter: { communityId: $c }) { totalCount nodes { id } } }`,
          { c: communityId },
          { role },
        ),
      );
      return {
        organizations: data.organizations.nodes.map((n: { id: string }) => n.id),
        people: data.people.nodes.map((n: { id: string }) => n.id),
      };
    };
    const peopleOf = async (role: Role, organizationId: string) =>
      dataOf(
        await members.gql(
          `query($o: ID!) { people(filter: { organizationId: $o }) { totalCount nodes { id } } }`,
          { o: organizationId },
          { role },
        ),
      ).people;
    const personById = async (role: Role, id: string) => {
      const answer = await members.gql(
        `query($id: ID!) { person(id: $id) { id } }`,
        { id },
        {
          role,
        },
      );
      expect(answer.errors).toBeUndefined();
      return dataOf(answer).person;
    };
    const everything = { organizations: [publishedOrg], people: [person, ofPublished, ofNone] };
    expect(await listed('member', internal.id)).toEqual(everything);
    expect(await listed('member', open.id)).toEqual(everything);
    expect(await peopleOf('member', hiddenOrg)).toEqual({ totalCount: 1, nodes: [{ id: person }] });
    expect(await personById('member', person)).toEqual({ id: person });
    for (const role of ['partner', 'addressee'] as const) {
      expect(await listed(role, open.id)).toEqual({
        organizations: [publishedOrg],
        people: [ofPublished, ofNone],
      });
      expect(await listed(role, internal.id)).toEqual({ organizations: [], people: [] });
      expect(await peopleOf(role, hiddenOrg)).toEqual({ totalCount: 0, nodes: [] });
      expect(await peopleOf(role, publishedOrg)).toEqual({
        totalCount: 1,
        nodes: [{ id: ofPublished }],
      });
      expect(await personById(role, person)).toBeNull();
      expect(await personById(role, ofNone)).toEqual({ id: ofNone });
    }
  });

  it('should dissolve a temporary community the day after its last day, once', async () => {
    const temporary = await community({
      name: 'Рабочая группа по диверсификации ОПК',
      validUntil: '2026-11-30',
    });
    expect(await members.app.dissolveExpiredCommunities()).toBe(0);
    now = new Date('2026-12-01T00:30:00Z');
    expect(await members.app.dissolveExpiredCommunities()).toBeGreaterThanOrEqual(1);
    expect(await members.app.dissolveExpiredCommunities()).toBe(0);
    const after = dataOf(
      await members.gql(
        `query($id: ID!) { community(id: $id) { status dissolvedOn dissolutionReason version } }`,
        { id: temporary.id },
      ),
    );
    expect(after.community).toEqual({
      status: 'DISSOLVED',
      dissolvedOn: '2026-12-01',
      dissolutionReason: 'Срок полномочий истёк',
      version: 2,
    });
    await expectEventually(() =>
      expect(typesOf(temporary.id).map((e) => e.type)).toEqual([
        'kollegia.members.community.formed.v1',
        'kollegia.members.community.dissolved.v1',
      ]),
    );
    now = new Date('2026-11-23T09:00:00Z');
  });

  it('should refuse a temporary community whose last day has passed', async () => {
    const response = await members.gql(FORM, {
      input: { name: 'Прошлогодняя', kind: 'WORKING_GROUP', validUntil: '2020-01-01' },
    });
    expect(response.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'validUntil',
    });
  });
});

describe('people and their contacts', () => {
  it('should show contacts to members and above only, and keep them out of events', async () => {
    const person = dataOf(
      await members.gql(REGISTER_PERSON, {
        input: {
          fullName: 'Волостнов Алексей',
          position: 'Партнёр',
          email: 'a@example.ru',
          expertise: ['Clusters'],
        },
      }),
    ).registerPerson;
    const read = async (role: 'admin' | 'secretary' | 'member' | 'addressee' | 'partner') =>
      dataOf(
        await members.gql(
          `query($id: ID!) { person(id: $id) { fullName contacts { email } } }`,
          { id: person.id },
          { role },
        ),
      ).person;
    for (const role of ['admin', 'secretary', 'member'] as const) {
      expect(await read(role)).toEqual({
        fullName: 'Волостнов Алексей',
        contacts: { email: 'a@example.ru' },
      });
    }
    for (const role of ['addressee', 'partner'] as const) {
      expect(await read(role)).toEqual({ fullName: 'Волостнов Алексей', contacts: null });
    }
    const [event] = await expectEventually(() => {
      const events = typesOf(person.id);
      expect(events).toHaveLength(1);
      return events;
    });
    expect(JSON.stringify(event)).not.toContain('a@example.ru');
    expect(event?.data).toMatchObject({
      fullName: 'Волостнов Алексей',
      position: 'Партнёр',
      expertise: ['clusters'],
    });
  });

  it('should find people by a word of the name with ё', async () => {
    await members.gql(REGISTER_PERSON, {
      input: {
        fullName: 'Афанасьев Георгий Эдгардович',
        position: 'Директор НП «Экспертный клуб»',
      },
    });
    await members.gql(REGISTER_PERSON, {
      input: { fullName: 'Королёв Сергей', position: 'Эксперт' },
    });
    const find = async (text: string) =>
      dataOf(
        await members.gql(
          `query($t: String) { people(filter: { text: $t }) { nodes { fullName } } }`,
          { t: text },
        ),
      ).people.nodes.map((n: { fullName: string }) => n.fullName);
    expect(await find('георгий афанасьев')).toEqual(['Афанасьев Георгий Эдгардович']);
    expect(await find('экспертный клуб')).toEqual(['Афанасьев Георгий Эдгардович']);
    expect(await find('королев')).toEqual(['Королёв Сергей']);
  });

  it('should reject a malformed e-mail and an unknown organisation', async () => {
    const email = await members.gql(REGISTER_PERSON, {
      input: { fullName: 'Тест', email: 'not-an-email' },
    });
    expect(email.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'email' });
    const organization = await members.gql(REGISTER_PERSON, {
      input: { fullName: 'Тест', organizationId: 'nope' },
    });
    expect(organization.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'organizationId',
    });
  });
});
