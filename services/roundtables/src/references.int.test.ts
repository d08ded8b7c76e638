import { errorCode, uniqueId } from '@kollegia/testing';

import {
  aLiveRoundtable,
  announceMembers,
  cast,
  CONCLUDE,
  dataOf,
  industrialRussiaConference,
  industryRoundtable,
  organizationAnnounced,
  OTHER_TENANT,
  personAnnounced,
  PROPOSE,
  REGISTER,
  SCHEDULE_CONFERENCE,
  SCHEDULE_ROUNDTABLE,
  startRoundtables,
  TENANT,
  type Roundtables,
} from './test/harness';

let rt: Roundtables;

beforeAll(async () => {
  rt = await startRoundtables('references');
});

afterAll(() => rt.stop());

async function counts() {
  const db = rt.app.runtime.connection;
  return {
    conferences: await db.collection('conferences').countDocuments(),
    roundtables: await db.collection('roundtables').countDocuments(),
  };
}

describe('references to members', () => {
  it('should refuse a moderator, organiser, participant, addressee or responsible the directory does not know or another workspace’s, and store nothing', async () => {
    const elsewhere = uniqueId('org');
    const stranger = uniqueId('person');
    await announceMembers(rt, [
      organizationAnnounced({ id: elsewhere, name: 'Чужая организация', tenant: OTHER_TENANT }),
      personAnnounced({ id: stranger, fullName: 'Чужой Человек', tenant: OTHER_TENANT }),
    ]);
    const unknownOrg = uniqueId('org');
    const unknownPerson = uniqueId('person');
    const { roundtable, who } = await aLiveRoundtable(rt);
    const before = await counts();
    const refused = async (
      mutation: string,
      variables: Record<string, unknown>,
      field: string,
      id: string,
    ) => {
      const response = await rt.gql(mutation, variables);
      expect({ code: errorCode(response), field: response.errors?.[0]?.extensions?.field }).toEqual(
        { code: 'BAD_USER_INPUT', field },
      );
      expect(response.errors?.[0]?.message).toContain(`${id} is not in the directory`);
    };
    for (const organizerId of [elsewhere, unknownOrg]) {
      await refused(
        SCHEDULE_CONFERENCE,
        { input: industrialRussiaConference([who.association, organizerId]) },
        'organizerIds',
        organizerId,
      );
    }
    for (const moderator of [
      { kind: 'PERSON', id: stranger },
      { kind: 'PERSON', id: unknownPerson },
      { kind: 'ORGANIZATION', id: elsewhere },
      // Known, but as a person: an organisation's id is no person's.
      { kind: 'PERSON', id: who.ministry },
    ]) {
      await refused(
        SCHEDULE_ROUNDTABLE,
        { input: industryRoundtable(undefined, who.moderator, { moderator }) },
        'moderator',
        moderator.id,
      );
      await refused(
        `mutation($id: ID!, $v: Int!, $m: PartyInput) { updateRoundtable(id: $id, expectedVersion: $v, input: { moderator: $m }) { id } }`,
        { id: roundtable.id, v: roundtable.version, m: moderator },
        'moderator',
        moderator.id,
      );
    }
    const v = roundtable.version;
    await refused(
      REGISTER,
      { id: roundtable.id, v, input: { personId: stranger, role: 'SPEAKER' } },
      'personId',
      stranger,
    );
    await refused(
      REGISTER,
      { id: roundtable.id, v, input: { organizationId: unknownOrg, role: 'OBSERVER' } },
      'organizationId',
      unknownOrg,
    );
    await refused(
      PROPOSE,
      {
        id: roundtable.id,
        v,
        input: { kind: 'DECISION', text: 'Решение', addresseeIds: [elsewhere] },
      },
      'addresseeIds',
      elsewhere,
    );
    await refused(
      PROPOSE,
      {
        id: roundtable.id,
        v,
        input: {
          kind: 'DECISION',
          text: 'Решение',
          responsible: { kind: 'PERSON', id: unknownPerson },
        },
      },
      'responsible',
      unknownPerson,
    );
    expect(await counts()).toEqual(before);
    const stored = dataOf(
      await rt.gql(`query($id: ID!) { roundtable(id: $id) { version participants { id } } }`, {
        id: roundtable.id,
      }),
    ).roundtable;
    expect(stored).toEqual({
      version: v,
      participants: roundtable.participants.map((p: { id: string }) => ({ id: p.id })),
    });
  });

  it('should answer a moderator the directory no longer knows with null and a partial error, never a null page', async () => {
    const who = await cast(rt);
    const gone = uniqueId('person');
    await announceMembers(rt, [personAnnounced({ id: gone, fullName: 'Ушедший Модератор' })]);
    const schedule = async (moderatorId: string, title: string) =>
      dataOf(
        await rt.gql(SCHEDULE_ROUNDTABLE, {
          input: industryRoundtable(undefined, moderatorId, { title }),
        }),
      ).scheduleRoundtable as { id: string; version: number };
    const kept = await schedule(who.moderator, 'Круглый стол «Остался»');
    const dangling = await schedule(gone, 'Круглый стол «Висит»');
    // As a reference stored before references were checked, or whose member members dropped.
    await rt.app.runtime.connection
      .collection('directory')
      .deleteOne({ _id: `${TENANT}/PERSON/${gone}` as never });

    const LIST = `{ roundtables(first: 100) { nodes { id title moderator { __typename ... on Person { id } } } } }`;
    const response = await rt.gql(LIST, {});
    const nodes = (response.data?.roundtables.nodes ?? []) as { id: string; moderator: unknown }[];
    expect(nodes.find((n) => n.id === kept.id)?.moderator).toEqual({
      __typename: 'Person',
      id: who.moderator,
    });
    expect(nodes.find((n) => n.id === dangling.id)?.moderator).toBeNull();
    expect(response.errors).toEqual([
      expect.objectContaining({
        path: ['roundtables', 'nodes', nodes.findIndex((n) => n.id === dangling.id), 'moderator'],
        extensions: expect.objectContaining({ code: 'NOT_FOUND' }),
      }),
    ]);
    // Readers of published material get the null without the error.
    const addressee = await rt.gql(LIST, {}, { role: 'addressee' });
    expect(addressee.errors).toBeUndefined();
    // Only what a change adds is checked: the round table still sits and concludes.
    const STEP = (name: string) =>
      `mutation($id: ID!, $v: Int!) { ${name}(id: $id, expectedVersion: $v) { version status } }`;
    const started = dataOf(
      await rt.gql(STEP('startRoundtable'), { id: dangling.id, v: dangling.version }),
    ).startRoundtable;
    const concluded = dataOf(
      await rt.gql(STEP('concludeRoundtable'), { id: dangling.id, v: started.version }),
    ).concludeRoundtable;
    expect(concluded.status).toBe('CONCLUDED');
  });

  it('should find nothing for a partner who filters by an organisation it may not see', async () => {
    const who = await cast(rt);
    const hidden = uniqueId('org');
    await announceMembers(rt, [
      organizationAnnounced({ id: hidden, name: 'Закрытый консорциум', published: false }),
    ]);
    const conference = dataOf(
      await rt.gql(SCHEDULE_CONFERENCE, { input: industrialRussiaConference([hidden]) }),
    ).scheduleConference;
    const { roundtable } = await aLiveRoundtable(rt, { conferenceId: conference.id, who });
    const seated = dataOf(
      await rt.gql(REGISTER, {
        id: roundtable.id,
        v: roundtable.version,
        input: { organizationId: hidden, role: 'OBSERVER' },
      }),
    ).registerParticipant;
    dataOf(await rt.gql(CONCLUDE, { id: roundtable.id, v: seated.version }));
    const FIND = `query($p: ID, $o: ID) {
      roundtables(filter: { participantId: $p }) { totalCount }
      conferences(filter: { organizerId: $o }) { totalCount nodes { organizers { id } } } }`;
    expect(dataOf(await rt.gql(FIND, { p: hidden, o: hidden }, { role: 'member' }))).toEqual({
      roundtables: { totalCount: 1 },
      conferences: { totalCount: 1, nodes: [{ organizers: [{ id: hidden }] }] },
    });
    for (const role of ['partner', 'addressee'] as const) {
      expect(dataOf(await rt.gql(FIND, { p: hidden, o: hidden }, { role }))).toEqual({
        roundtables: { totalCount: 0 },
        conferences: { totalCount: 0, nodes: [] },
      });
      // A published one they may name finds the same round table.
      expect(
        dataOf(await rt.gql(FIND, { p: who.ministry, o: hidden }, { role })).roundtables,
      ).toEqual({ totalCount: 1 });
    }
  });
});
