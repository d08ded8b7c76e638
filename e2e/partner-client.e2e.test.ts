import { signDevToken } from '@kollegia/service-kit';
import { expectEventually, graphqlData, graphqlRequest, sseSubscription } from '@kollegia/testing';
import {
  connect,
  describeEvent,
  followRoundtable,
  type RoundtableEvent,
} from '@kollegia/partner-client';
import type { Client } from 'graphql-ws';

import { System, TENANT } from './system';

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

// Before the tests below kill the first gateway.
describe('signing in through the identity provider', () => {
  /** One operation through the gateway with a token the provider issued. */
  const as =
    (token: string) =>
    <T = Record<string, any>>(query: string, variables: Record<string, unknown> = {}) =>
      graphqlData<T>(system.gatewayUrl, query, variables, token);

  const INBOX = 'subscription { addresseeInbox { type } }';
  const ORGANIZATION = `mutation($i: RegisterOrganizationInput!) { registerOrganization(input: $i) { id } }`;
  const organization = (name: string, published: boolean) => ({
    i: { name, shortName: name, kind: 'MINISTRY', region: 'RU-MOW', published },
  });

  it("should let the signed-in secretary work, show the ministry's clerk only its requests, and give a partner client published material only", async () => {
    const secretary = as((await system.signIn('secretary')).accessToken);
    const ministry = (await secretary(ORGANIZATION, organization('Минпромторг (e2e)', true)))
      .registerOrganization.id as string;
    const other = (await secretary(ORGANIZATION, organization('Минэкономразвития (e2e)', false)))
      .registerOrganization.id as string;
    const submitted = async (addresseeId: string) => {
      // The requests service learns of a new organisation from the directory's events.
      const { draftRequest } = await expectEventually(() =>
        secretary(`mutation($i: DraftRequestInput!) { draftRequest(input: $i) { id version } }`, {
          i: { addresseeId, kind: 'APPEAL', subject: 'Обращение', body: 'Текст обращения' },
        }),
      );
      await secretary(
        `mutation($id: ID!, $v: Int!) { submitRequest(id: $id, expectedVersion: $v) { id } }`,
        { id: draftRequest.id, v: draftRequest.version },
      );
      return draftRequest.id as string;
    };
    const toMinistry = await submitted(ministry);
    const toOther = await submitted(other);

    const clerkToken = (await system.signIn('addressee', ministry)).accessToken;
    const clerk = as(clerkToken);
    // The gateway's one verifier on its live channel too: the clerk's inbox over server-sent events.
    const inbox = await sseSubscription(system.gatewayUrl, INBOX, {}, clerkToken);
    expect(inbox.status).toBe(200);
    await inbox.stop();
    const REQUESTS = '{ requests(first: 100) { nodes { id } } }';
    const seen = (await clerk(REQUESTS)).requests.nodes.map((node: { id: string }) => node.id);
    expect(seen).toEqual([toMinistry]);
    const all = (await secretary(REQUESTS)).requests.nodes.map((node: { id: string }) => node.id);
    expect(all).toEqual(expect.arrayContaining([toMinistry, toOther]));

    const partner = await system.partnerToken();
    const ORG = 'query($id: ID!) { organization(id: $id) { id } }';
    expect(await as(partner)(ORG, { id: ministry })).toEqual({ organization: { id: ministry } });
    expect(await as(partner)(ORG, { id: other })).toEqual({ organization: null });
    const refused = await graphqlRequest(
      system.gatewayUrl,
      ORGANIZATION,
      organization('Партнёрская организация', true),
      partner,
    );
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('should refuse the refresh of a disabled account, and a token of an issuer the gateway does not trust', async () => {
    const { refreshToken } = await system.signIn('member');
    await system.account('member', { disabled: true });
    const refresh = await system.refresh(refreshToken);
    expect(refresh.body.error).toBe('invalid_grant');

    // Signed by a trusted key, but naming an issuer nobody configured: refused before any key.
    const { privateKeyPem, audience } = system.signing();
    const stranger = await signDevToken(
      privateKeyPem,
      { sub: 'intruder', tenant: TENANT, roles: ['admin'] },
      { issuer: 'https://sso.unknown.example', audience },
    );
    const answer = await graphqlRequest(
      system.gatewayUrl,
      '{ organizations(first: 1) { totalCount } }',
      {},
      stranger,
    );
    expect(answer.errors?.[0]).toMatchObject({
      message: 'invalid token: the token\'s issuer "https://sso.unknown.example" is not trusted',
      extensions: { code: 'UNAUTHENTICATED' },
    });
    const refusedLive = await sseSubscription(system.gatewayUrl, INBOX, {}, stranger);
    expect(refusedLive.status).toBe(401);
    await refusedLive.stop();
  });
});

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
