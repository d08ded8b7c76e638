import type { Identity } from '@kollegia/service-kit';
import { GraphQLError } from 'graphql';

import type { AuthContext } from '../auth';
import type { LiveEvent, LiveFeed } from './live-feed';

async function* mapEvents<T>(
  events: AsyncIterable<LiveEvent>,
  map: (event: LiveEvent) => T,
): AsyncGenerator<T> {
  for await (const event of events) yield map(event);
}

/** Where a subscription checks that its caller may watch what it asks for. */
export type AccessCheck = (
  subgraph: string,
  query: string,
  variables: Record<string, unknown>,
  authorization: string,
) => Promise<Record<string, unknown> | null | undefined>;

/** Mesh's in-context SDK: `context.<subgraph>.Query.<field>(…)` delegates through the gateway. */
type InContextSdk = Record<
  string,
  { Query: Record<string, (options: Record<string, unknown>) => Promise<unknown>> } | undefined
>;

interface SubscriptionSpec {
  /** The entity type the subscription needs in the supergraph. */
  requires: string;
  typeDefs: string;
  field: string;
  subscribe: (
    args: Record<string, string>,
    context: AuthContext,
    deps: { feed: LiveFeed; check: AccessCheck },
  ) => Promise<AsyncIterable<LiveEvent>>;
  toPayload: (event: LiveEvent) => Record<string, unknown>;
  /** Field resolvers of the event type, e.g. the entity the event is about. */
  fields?: Record<
    string,
    (root: Record<string, unknown>, args: unknown, context: InContextSdk, info: unknown) => unknown
  >;
}

function part(data: Record<string, unknown>, key: string): Record<string, unknown> | undefined {
  const value = data[key];
  return value && typeof value === 'object' ? (value as Record<string, unknown>) : undefined;
}

function forbidden(what: string): GraphQLError {
  return new GraphQLError(`you may not watch ${what}`, { extensions: { code: 'FORBIDDEN' } });
}

/** Channels carry the tenant, so a subscriber only ever hears its own tenant's events. */
function channel(identity: Identity, aggregate: string, id: string): string {
  return `${aggregate}/${identity.tenantId}/${id}`;
}

const SPECS: SubscriptionSpec[] = [
  {
    requires: 'Roundtable',
    field: 'roundtableLive',
    typeDefs: /* GraphQL */ `
      """
      Something happened at a round table: an agenda question opened or closed, a statement
      recorded, a resolution proposed, amended or withdrawn, the sitting started, concluded or
      cancelled. The round table's fields are resolved when the event arrives.
      """
      type RoundtableLiveEvent {
        "Where this event stands in the round table's stream."
        cursor: String!
        "The event name, e.g. statement-recorded, agenda-item-opened, concluded."
        type: String!
        occurredAt: String!
        roundtable: Roundtable!
        statementId: ID
        agendaItemId: ID
        resolutionId: ID
        participantId: ID
        "The statement's or resolution's text, or the agenda question."
        text: String
      }
    `,
    async subscribe(args, context, { feed, check }) {
      const roundtableId = args.roundtableId!;
      const found = await check(
        'roundtables',
        'query($id: ID!) { roundtable(id: $id) { id } }',
        { id: roundtableId },
        context.authorization,
      );
      if (!found?.roundtable) throw forbidden(`round table ${roundtableId}`);
      return feed.subscribe(channel(context.identity, 'roundtable', roundtableId));
    },
    fields: {
      // The round table, resolved through the roundtables subgraph with the subscriber's token, so
      // it shows what this subscriber may see and the fields it selected.
      roundtable: (root, _args, context, info) =>
        context.roundtables?.Query.roundtable?.({
          root,
          context,
          info,
          args: { id: root.roundtableId },
        }),
    },
    toPayload(event) {
      const statement = part(event.data, 'statement');
      const resolution = part(event.data, 'resolution');
      const agendaItem = part(event.data, 'agendaItem');
      const participant = part(event.data, 'participant');
      return {
        cursor: event.cursor,
        type: event.type,
        occurredAt: event.occurredAt,
        roundtableId: event.subject,
        statementId: statement?.id ?? null,
        agendaItemId: agendaItem?.id ?? statement?.agendaItemId ?? resolution?.agendaItemId ?? null,
        resolutionId: resolution?.id ?? null,
        participantId: participant?.id ?? null,
        text: statement?.text ?? resolution?.text ?? agendaItem?.title ?? null,
      };
    },
  },
];

const SUBSCRIPTION_ARGS: Record<string, string> = { roundtableLive: 'roundtableId: ID!' };

/**
 * The live subscriptions the gateway serves, for the entity types the supergraph has. They are
 * defined here, not in a subgraph: events come from Kafka, carry entity keys, and the gateway
 * resolves the fields a client asked for from the subgraphs (with the client's token).
 */
export function liveSubscriptions(
  supergraphSdl: string,
  deps: { feed: LiveFeed; check: AccessCheck },
) {
  const available = SPECS.filter((spec) =>
    new RegExp(`\\btype ${spec.requires}\\b`).test(supergraphSdl),
  );
  if (available.length === 0)
    return { typeDefs: undefined, resolvers: undefined, fields: [] as string[] };
  const typeDefs = /* GraphQL */ `
    extend schema {
      subscription: Subscription
    }
    type Subscription {
      ${available.map((spec) => `${spec.field}(${SUBSCRIPTION_ARGS[spec.field] ?? ''}): ${spec.typeDefs.match(/type (\w+)/)?.[1]}!`).join('\n')}
    }
    ${available.map((spec) => spec.typeDefs).join('\n')}
  `;
  const eventTypes = Object.fromEntries(
    available
      .filter((spec) => spec.fields)
      .map((spec) => [spec.typeDefs.match(/type (\w+)/)?.[1] ?? '', spec.fields]),
  );
  const resolvers = {
    ...eventTypes,
    Subscription: Object.fromEntries(
      available.map((spec) => [
        spec.field,
        {
          // The payload goes out under the field's name (no `resolve`): Hive Gateway then resolves
          // the entity keys in it (`roundtable: { id }`) from their subgraphs.
          subscribe: async (_root: unknown, args: Record<string, string>, context: AuthContext) =>
            mapEvents(await spec.subscribe(args, context, deps), (event) => ({
              [spec.field]: spec.toPayload(event),
            })),
        },
      ]),
    ),
  };
  return { typeDefs, resolvers, fields: available.map((spec) => spec.field) };
}
