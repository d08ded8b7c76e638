import { expectEventually, sseSubscription } from '@kollegia/testing';
import {
  connect,
  describeEvent,
  followRoundtable,
  type RoundtableEvent,
} from '@kollegia/partner-client';
import type { Client } from 'graphql-ws';

import { System } from './system';

/**
 * The partner client of examples/partner-client, typed by GraphQL Code Generator from
 * api.graphql, follows a live round table through the built gateway: what the schema promises is
 * what arrives.
 */

let system: System;
let client: Client | undefined;
const others: Client[] = [];

beforeAll(async () => {
  // Two gateways: a client that loses one goes on at the other.
  system = await System.start('partner-client', { gateways: 2 });
}, 180_000);

afterAll(async () => {
  await client?.dispose();
  for (const other of others) await other.dispose();
  await system?.stop();
});

/** A LIVE round table whose moderator may speak, through the gateway. */
async function liveRoundtable(title: string) {
  const moderator = (
    await system.data(`mutation { registerPerson(input: { fullName: "Ведущая Сессии" }) { id } }`)
  ).registerPerson.id as string;
  const conference = (
    await system.data(
      `mutation { scheduleConference(input: { title: "Форум партнёров", kind: FORUM, startsOn: "2026-03-10", endsOn: "2026-03-10", city: "Казань", published: true }) { id } }`,
    )
  ).scheduleConference.id as string;
  await system.data(`mutation($id: ID!) { openConference(id: $id, expectedVersion: 1) { id } }`, {
    id: conference,
  });
  // The roundtables service learns of the moderator from members' events.
  let rt = await expectEventually(
    async () =>
      (
        await system.data(
          `mutation($c: ID!, $p: ID!, $t: String!) { scheduleRoundtable(input: { conferenceId: $c, title: $t, format: ROUND_TABLE, startsAt: "2026-03-10T08:00:00Z", moderator: { kind: PERSON, id: $p }, published: true }) { id version } }`,
          { c: conference, p: moderator, t: title },
        )
      ).scheduleRoundtable,
  );
  rt = (
    await system.data(
      `mutation($id: ID!, $v: Int!) { startRoundtable(id: $id, expectedVersion: $v) { id version } }`,
      { id: rt.id, v: rt.version },
    )
  ).startRoundtable;
  return { id: rt.id as string, moderator };
}

describe('the partner client generated from api.graphql', () => {
  it('should receive a recorded statement as a typed event of its round table', async () => {
    const title = 'Кластеры и партнёры';
    const rt = await liveRoundtable(title);
    client = connect(system.gatewayUrl.replace(/^http/, 'ws'), await system.token('member'));
    const events: RoundtableEvent[] = [];
    const errors: unknown[] = [];
    followRoundtable(
      client,
      rt.id,
      (event) => events.push(event),
      (error) => errors.push(error),
    );

    // graphql-ws does not acknowledge a subscription: speak until the client hears.
    const said: string[] = [];
    const heard = await expectEventually(
      async () => {
        const text = `Реплика ${said.length + 1}: партнёрам нужен открытый API.`;
        said.push(text);
        await system.data(
          `mutation($id: ID!, $s: RecordStatementInput!) { recordStatement(roundtableId: $id, input: $s) { id } }`,
          { id: rt.id, s: { speaker: { kind: 'PERSON', id: rt.moderator }, text } },
        );
        const statement = events.find((event) => event.type === 'STATEMENT_RECORDED');
        expect(statement).toBeDefined();
        return statement!;
      },
      { timeoutMs: 30_000 },
    );

    expect(errors).toEqual([]);
    expect(said).toContain(heard.text);
    expect(heard).toMatchObject({
      type: 'STATEMENT_RECORDED',
      statementId: expect.any(String),
      roundtable: { id: rt.id, title, status: 'LIVE' },
    });
    expect(describeEvent(heard)).toBe(`${heard.occurredAt} «${title}»: ${heard.text}`);
    // Its gateway is killed in the next test; a client left on it would retry and fail there.
    await client.dispose();
    client = undefined;
  });

  it('should go on after a lost gateway at the other one from its last cursor, over graphql-ws and SSE, with nothing missed or repeated', async () => {
    const title = 'Возобновление у партнёров';
    const rt = await liveRoundtable(title);
    const say = async (text: string, gateway: 'gateway' | 'gateway#2') => {
      const response = await fetch(system.gatewayUrlOf(gateway), {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${await system.token('secretary')}`,
        },
        body: JSON.stringify({
          query: `mutation($id: ID!, $s: RecordStatementInput!) { recordStatement(roundtableId: $id, input: $s) { id } }`,
          variables: { id: rt.id, s: { speaker: { kind: 'PERSON', id: rt.moderator }, text } },
        }),
      });
      expect(((await response.json()) as { errors?: unknown }).errors).toBeUndefined();
    };
    const statements = (events: RoundtableEvent[]) =>
      events.filter((event) => event.type === 'STATEMENT_RECORDED').map((event) => event.text);

    // Following through the first gateway.
    const first = connect(
      system.gatewayUrlOf('gateway').replace(/^http/, 'ws'),
      await system.token('member'),
    );
    const before: RoundtableEvent[] = [];
    const unfollow = followRoundtable(
      first,
      rt.id,
      (event) => before.push(event),
      () => undefined,
    );
    let probes = 0;
    await expectEventually(
      async () => {
        await say(`Проверка ${++probes}`, 'gateway');
        expect(statements(before).length).toBeGreaterThan(0);
      },
      { timeoutMs: 30_000 },
    );
    await say('Последнее до сбоя', 'gateway');
    await expectEventually(() => expect(statements(before).at(-1)).toBe('Последнее до сбоя'));
    const cursor = before.at(-1)!.cursor;
    // The client lets go of the first gateway (one that kept retrying a dead one would only fail
    // later, outside the test), keeping its last cursor.
    unfollow();
    await first.dispose();

    // The first gateway dies; the secretary goes on through the second.
    await system.kill('gateway');
    const missed = ['Пропущено 1', 'Пропущено 2', 'Пропущено 3'];
    for (const text of missed) await say(text, 'gateway#2');

    const second = connect(
      system.gatewayUrlOf('gateway#2').replace(/^http/, 'ws'),
      await system.token('member'),
    );
    others.push(second);
    const after: RoundtableEvent[] = [];
    const errors: unknown[] = [];
    followRoundtable(
      second,
      rt.id,
      (event) => after.push(event),
      (error) => errors.push(error),
      cursor,
    );
    await expectEventually(() => expect(statements(after)).toEqual(missed), { timeoutMs: 30_000 });
    await say('Уже вживую', 'gateway#2');
    await expectEventually(() => expect(statements(after)).toEqual([...missed, 'Уже вживую']));
    expect(errors).toEqual([]);
    expect(after.every((event) => event.roundtable.title === title)).toBe(true);

    // The same resumption over SSE, from the same cursor: the same four, once each.
    const sse = await sseSubscription(
      system.gatewayUrlOf('gateway#2'),
      `subscription($id: ID!, $after: String) { roundtableLive(roundtableId: $id, after: $after) { type text } }`,
      { id: rt.id, after: cursor },
      await system.token('member'),
    );
    await expectEventually(
      () =>
        expect(
          sse
            .payloads('roundtableLive')
            .filter((event) => event.type === 'STATEMENT_RECORDED')
            .map((event) => event.text),
        ).toEqual([...missed, 'Уже вживую']),
      { timeoutMs: 20_000 },
    );
    await sse.stop();
  });
});
