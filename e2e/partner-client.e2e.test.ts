import { expectEventually } from '@kollegia/testing';
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

beforeAll(async () => {
  system = await System.start('partner-client');
}, 180_000);

afterAll(async () => {
  await client?.dispose();
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
  });
});
