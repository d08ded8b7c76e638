import { hasRole, type Identity } from '@kollegia/service-kit';
import { GraphQLError } from 'graphql';

import type { AuthContext } from '../auth';
import { followUpsAfter, type FollowUpPage } from './follow-up-feed';
import type { LiveEvent, LiveFeed } from './live-feed';
import { mayWatch } from './visibility';

async function* mapEvents<T>(
  events: AsyncIterable<LiveEvent>,
  keep: (event: LiveEvent) => boolean,
  map: (event: LiveEvent) => T,
): AsyncGenerator<T> {
  for await (const event of events) if (keep(event)) yield map(event);
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

type FieldResolver = (
  root: Record<string, unknown>,
  args: unknown,
  context: InContextSdk,
  info: unknown,
) => unknown;

interface Deps {
  feed: LiveFeed;
  check: AccessCheck;
}

interface SubscriptionSpec {
  /** The entity types the subscription needs in the supergraph. */
  requires: string[];
  field: string;
  args: string;
  typeDefs: string;
  /** The payloads to push, each the value of the subscription field. */
  subscribe: (
    args: Record<string, string | undefined>,
    context: AuthContext,
    deps: Deps,
  ) => Promise<AsyncIterable<Record<string, unknown>>>;
  /** Field resolvers of the payload types, e.g. the entity an event is about. */
  fields?: Record<string, Record<string, FieldResolver>>;
}

function part(data: Record<string, unknown>, key: string): Record<string, unknown> | undefined {
  const value = data[key];
  return value && typeof value === 'object' ? (value as Record<string, unknown>) : undefined;
}

function forbidden(what: string): GraphQLError {
  return new GraphQLError(`you may not watch ${what}`, { extensions: { code: 'FORBIDDEN' } });
}

/**
 * Asks the subgraph that owns `field` whether the caller may read the thing it wants to watch
 * (with the caller's token, so the subgraph's own rules decide); FORBIDDEN when not.
 */
async function mustSee(
  check: AccessCheck,
  context: AuthContext,
  subgraph: string,
  field: string,
  id: string,
): Promise<void> {
  const found = await check(
    subgraph,
    `query($id: ID!) { ${field}(id: $id) { id } }`,
    { id },
    context.authorization,
  );
  if (!found?.[field]) throw forbidden(`${field === 'roundtable' ? 'round table' : field} ${id}`);
}

/** Channels carry the tenant, so a subscriber only ever hears its own tenant's events. */
function channel(identity: Identity, aggregate: string, id: string): string {
  return `${aggregate}/${identity.tenantId}/${id}`;
}

/**
 * An entity resolved through its subgraph with the subscriber's token, so it shows what this
 * subscriber may see and the fields it selected; null when the root has no id for it.
 */
function entity(subgraph: string, field: string, key: string): FieldResolver {
  return (root, _args, context, info) => {
    const id = root[key];
    if (typeof id !== 'string') return null;
    return context[subgraph]?.Query[field]?.({ root, context, info, args: { id } });
  };
}

/** The request an event is about: its subject, or the request a recommendation noted. */
function requestIdOf(event: LiveEvent): string | null {
  if (event.aggregate === 'request') return event.subject;
  const request = part(event.data, 'request');
  return typeof request?.requestId === 'string' ? request.requestId : null;
}

function deadlineOf(event: LiveEvent) {
  const { dueOn, dueAt, daysRemaining, daysOverdue } = event.data;
  return {
    dueOn: typeof dueOn === 'string' ? dueOn : null,
    dueAt: typeof dueAt === 'string' ? dueAt : null,
    daysRemaining: typeof daysRemaining === 'number' ? daysRemaining : null,
    daysOverdue: typeof daysOverdue === 'number' ? daysOverdue : null,
  };
}

function recommendationChange(event: LiveEvent) {
  return {
    cursor: event.cursor,
    eventId: event.eventId,
    type: event.type,
    aggregate: event.aggregate,
    occurredAt: event.occurredAt,
    recommendationId:
      event.aggregate === 'recommendation' ? event.subject : (event.data.recommendationId ?? null),
    requestId: requestIdOf(event),
  };
}

function requestChange(event: LiveEvent) {
  return {
    cursor: event.cursor,
    eventId: event.eventId,
    type: event.type,
    occurredAt: event.occurredAt,
    requestId: event.subject,
    status: typeof event.data.status === 'string' ? event.data.status : null,
    ...deadlineOf(event),
  };
}

const REQUEST_CHANGE = /* GraphQL */ `
  """
  Something happened to a request: drafted, submitted, registered, deadline extended, answered,
  closed, withdrawn, due soon, overdue. The request's fields are resolved when the event arrives.
  """
  type RequestChange {
    "Where this event stands in the request's stream."
    cursor: String!
    "The CloudEvent's id."
    eventId: ID!
    "The event name, e.g. submitted, registered, answered, due-soon, overdue."
    type: String!
    occurredAt: String!
    "The request's status after the event."
    status: String
    "The request as you may see it now."
    request: Request
    "For deadline events: the last day on time (the addressee's calendar), its last instant, days left or late."
    dueOn: String
    dueAt: String
    daysRemaining: Int
    daysOverdue: Int
  }
`;

const SPECS: SubscriptionSpec[] = [
  {
    requires: ['Roundtable'],
    field: 'roundtableLive',
    args: 'roundtableId: ID!',
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
      await mustSee(check, context, 'roundtables', 'roundtable', roundtableId);
      // The round table itself was checked: its events are all the subscriber may see of it.
      return mapEvents(
        feed.subscribe(channel(context.identity, 'roundtable', roundtableId)),
        () => true,
        (event) => {
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
            agendaItemId:
              agendaItem?.id ?? statement?.agendaItemId ?? resolution?.agendaItemId ?? null,
            resolutionId: resolution?.id ?? null,
            participantId: participant?.id ?? null,
            text: statement?.text ?? resolution?.text ?? agendaItem?.title ?? null,
          };
        },
      );
    },
    fields: {
      RoundtableLiveEvent: { roundtable: entity('roundtables', 'roundtable', 'roundtableId') },
    },
  },
  {
    requires: ['Recommendation', 'Request'],
    field: 'recommendationChanged',
    args: 'id: ID!',
    typeDefs: /* GraphQL */ `
      """
      Something happened to a recommendation or to a request made from it: proposed, adopted,
      endorsed, progress reported, a request submitted, registered or answered, due soon,
      overdue… Fields are resolved when the event arrives.
      """
      type RecommendationChange {
        "Where this event stands in its aggregate's stream (the recommendation's or the request's)."
        cursor: String!
        "The CloudEvent's id (a recommendation's timeline entry has the same id)."
        eventId: ID!
        "The event name, e.g. adopted, progress-reported, request-recorded, submitted, answered."
        type: String!
        "recommendation or request: whose event it is."
        aggregate: String!
        occurredAt: String!
        recommendation: Recommendation
        "The request the event is about, if any, as you may see it now."
        request: Request
      }
    `,
    async subscribe(args, context, { feed, check }) {
      const id = args.id!;
      await mustSee(check, context, 'recommendations', 'recommendation', id);
      return mapEvents(
        feed.subscribe(channel(context.identity, 'recommendation', id)),
        (event) => mayWatch(context.identity, event),
        recommendationChange,
      );
    },
    fields: {
      RecommendationChange: {
        recommendation: entity('recommendations', 'recommendation', 'recommendationId'),
        request: entity('requests', 'request', 'requestId'),
      },
    },
  },
  {
    requires: ['Request'],
    field: 'requestChanged',
    args: 'id: ID!',
    typeDefs: REQUEST_CHANGE,
    async subscribe(args, context, { feed, check }) {
      const id = args.id!;
      await mustSee(check, context, 'requests', 'request', id);
      return mapEvents(
        feed.subscribe(channel(context.identity, 'request', id)),
        (event) => mayWatch(context.identity, event),
        requestChange,
      );
    },
    fields: { RequestChange: { request: entity('requests', 'request', 'requestId') } },
  },
  {
    requires: ['Request'],
    field: 'addresseeInbox',
    args: '',
    typeDefs: '',
    subscribe(_args, context, { feed }) {
      const organizationId = context.identity.organizationId;
      if (!hasRole(context.identity, 'addressee') || !organizationId)
        return Promise.reject(
          forbidden('an inbox: it is for addressee users, whose token names their organisation'),
        );
      return Promise.resolve(
        mapEvents(
          feed.subscribe(channel(context.identity, 'addressee', organizationId)),
          (event) =>
            event.aggregate === 'request' &&
            event.data.addresseeId === organizationId &&
            mayWatch(context.identity, event),
          requestChange,
        ),
      );
    },
  },
  {
    requires: ['Conference', 'Recommendation', 'Request'],
    field: 'conferenceFollowUps',
    args: 'conferenceId: ID!, after: String',
    typeDefs: /* GraphQL */ `
      """
      One entry of a conference's follow-up feed: what happened to one of its recommendations or
      to a request made from one. The same entries, with the same cursors, as the query
      conferenceFollowUps: pass the last cursor you got as after, here or there, to go on with no
      gap and no repeat.
      """
      type ConferenceFollowUp {
        "Pass as after to the query conferenceFollowUps or to this subscription to go on from here."
        cursor: String!
        "The id of the CloudEvent that announced it (the recommendation's timeline entry)."
        id: ID!
        "The event name in capitals, e.g. ADOPTED, PROGRESS_REPORTED, REQUEST_RECORDED, DUE_SOON."
        type: String!
        occurredAt: String!
        "The recommendation's status right after it."
        status: String!
        "Who did it: a user (token subject) or system:<service>."
        actor: String!
        "The event's payload (see docs/events/asyncapi.yaml)."
        data: JSONObject
        recommendation: Recommendation
        "For request facts: the request, as you may see it now."
        request: Request
      }
    `,
    async subscribe(args, context, { feed, check }) {
      const conferenceId = args.conferenceId!;
      await mustSee(check, context, 'roundtables', 'conference', conferenceId);
      const page: FollowUpPage = (after) =>
        check(
          'recommendations',
          FOLLOW_UPS_QUERY,
          { conferenceId, after, pageSize: 100 },
          context.authorization,
        );
      return followUpsAfter(
        (onEvent) => feed.listen(channel(context.identity, 'conference', conferenceId), onEvent),
        (event) => event.aggregate === 'recommendation' && mayWatch(context.identity, event),
        page,
        args.after,
      );
    },
    fields: {
      ConferenceFollowUp: {
        recommendation: entity('recommendations', 'recommendation', 'recommendationId'),
        request: entity('requests', 'request', 'requestId'),
      },
    },
  },
];

const FOLLOW_UPS_QUERY = /* GraphQL */ `
  query ($conferenceId: ID!, $after: String, $pageSize: Int) {
    conferenceFollowUps(conferenceId: $conferenceId, after: $after, first: $pageSize) {
      edges {
        cursor
        node {
          id
          recommendationId
          type
          occurredAt
          status
          actor
          data
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`;

const typeName = (typeDefs: string) => typeDefs.match(/type (\w+)/)?.[1];

/** The type a subscription field returns; addresseeInbox shares requestChanged's. */
function returnType(spec: SubscriptionSpec): string {
  return typeName(spec.typeDefs) ?? 'RequestChange';
}

/**
 * The live subscriptions the gateway serves, for the entity types the supergraph has. They are
 * defined here, not in a subgraph: events come from Kafka, carry entity keys, and the gateway
 * resolves the fields a client asked for from the subgraphs (with the client's token).
 */
export function liveSubscriptions(supergraphSdl: string, deps: Deps) {
  const available = SPECS.filter((spec) =>
    spec.requires.every((type) => new RegExp(`\\btype ${type}\\b`).test(supergraphSdl)),
  );
  if (available.length === 0)
    return { typeDefs: undefined, resolvers: undefined, fields: [] as string[] };
  const typeDefs = /* GraphQL */ `
    extend schema {
      subscription: Subscription
    }
    type Subscription {
      ${available.map((spec) => `${spec.field}${spec.args ? `(${spec.args})` : ''}: ${returnType(spec)}!`).join('\n')}
    }
    ${[...new Set(available.map((spec) => spec.typeDefs))].join('\n')}
  `;
  const payloadTypes: Record<string, Record<string, FieldResolver>> = {};
  for (const spec of available) Object.assign(payloadTypes, spec.fields);
  const resolvers = {
    ...payloadTypes,
    Subscription: Object.fromEntries(
      available.map((spec) => [
        spec.field,
        {
          // The payload goes out under the field's name (no `resolve`); the payload types' field
          // resolvers fetch the entities from their subgraphs.
          subscribe: async (
            _root: unknown,
            args: Record<string, string | undefined>,
            context: AuthContext,
          ) => wrap(spec.field, await spec.subscribe(args, context, deps)),
        },
      ]),
    ),
  };
  return {
    typeDefs,
    resolvers: resolvers as Record<string, Record<string, unknown>>,
    fields: available.map((spec) => spec.field),
  };
}

async function* wrap(
  field: string,
  payloads: AsyncIterable<Record<string, unknown>>,
): AsyncGenerator<Record<string, unknown>> {
  for await (const payload of payloads) yield { [field]: payload };
}
