import {
  bearerToken,
  hasRole,
  tokenExpiresAt,
  type Identity,
  type Metrics,
} from '@kollegia/service-kit';
import { Repeater } from '@repeaterjs/repeater';
import type { Aggregate } from '@kollegia/events';
import { delegateToSchema, type Subschema } from '@graphql-tools/delegate';
import {
  enumValue,
  liveSubscriptionSchema,
  subscriptionContracts,
  type SubscriptionContract,
  type SubscriptionField,
} from '@kollegia/supergraph/subscriptions';
import { getNamedType, GraphQLError, OperationTypeNode, type GraphQLResolveInfo } from 'graphql';

import type { AuthContext } from '../auth';
import { followUpsAfter, type FollowUpPage } from './follow-up-feed';
import type { LiveHistory } from './history';
import type { LiveEvent, LiveFeed } from './live-feed';
import { countedSubscription } from './live-metrics';
import { resumableStream, streamPage } from './resumable';
import { readViewOf, selectionKeyOf, SharedResolutions } from './shared-resolution';
import { mayWatch } from './visibility';

/** Where a subscription checks that its caller may watch what it asks for. */
export type AccessCheck = (
  subgraph: string,
  query: string,
  variables: Record<string, unknown>,
  authorization: string,
) => Promise<Record<string, unknown> | null | undefined>;

type FieldResolver = (
  root: Record<string, unknown>,
  args: unknown,
  context: Record<string, unknown>,
  info: GraphQLResolveInfo,
) => unknown;

interface Deps {
  feed: LiveFeed;
  history: LiveHistory;
  check: AccessCheck;
  /** Open subscriptions and their deliveries are counted by field. */
  metrics: Metrics;
}

/** What a subscription is served with: the feed, the access check, the shared resolutions. */
interface ServeDeps extends Deps {
  shared: SharedResolutions;
}

type Payload = Record<string, unknown>;
type Args = Record<string, string | undefined>;

/** How the gateway serves one subscription of the contract (@kollegia/supergraph/subscriptions). */
interface SubscriptionSpec {
  field: SubscriptionField;
  /** The payload types' entity fields, e.g. the round table an event is about. */
  fields?: Record<string, Record<string, EntityField>>;
  /** A stream of live events, resumable after a cursor, with a catch-up query (resumable.ts). */
  stream?: {
    /** The aggregates whose partitions its events come from. */
    aggregates: readonly Aggregate[];
    /** Checks that the caller may watch, and says which channel and which of its events. */
    open: (
      args: Args,
      context: AuthContext,
      deps: Deps,
    ) => Promise<{ channel: string; keep: (event: LiveEvent) => boolean }>;
    map: (event: LiveEvent, cursor: string) => Payload;
  };
  /** A stream of another kind (the conference feed, read from the recommendations service). */
  subscribe?: (
    args: Args,
    context: AuthContext,
    deps: ServeDeps,
  ) => Promise<AsyncIterable<Payload>>;
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

/** A payload field that is an entity: the subgraph and query field that resolve it, and its id's key. */
interface EntityField {
  subgraph: string;
  field: string;
  key: string;
}

/**
 * The gateway's subschema of `subgraph` whose query type has `field`. A subgraph with a field that
 * `@requires` others (`Conference.recommendationProgress`) is split into two subschemas of the
 * same name, and only the entity types list both; the subschema map and Mesh's in-context SDK
 * (`context.<subgraph>.Query.<field>`) know the one that answers `_entities` alone.
 */
function subschemaServing(
  info: GraphQLResolveInfo,
  subgraph: string,
  field: string,
): Subschema | undefined {
  const { stitchingInfo } = info.schema.extensions as {
    stitchingInfo?: {
      subschemaMap: Map<unknown, Subschema>;
      mergedTypes: Record<string, { typeMaps: Map<Subschema, unknown> } | undefined>;
    };
  };
  if (!stitchingInfo) return undefined;
  const candidates = [
    ...(stitchingInfo.mergedTypes[getNamedType(info.returnType).name]?.typeMaps.keys() ?? []),
    ...stitchingInfo.subschemaMap.values(),
  ];
  return candidates.find(
    (subschema) =>
      subschema.name === subgraph &&
      subschema.transformedSchema.getQueryType()?.getFields()[field] !== undefined,
  );
}

/**
 * An entity resolved through its subgraph with a subscriber's token, so it shows what that
 * subscriber may see and the fields it selected; null when the root has no id for it. The
 * resolution is shared by every subscriber of the same event with the same read view and
 * selection (see shared-resolution.ts).
 */
function entity({ subgraph, field, key }: EntityField, shared: SharedResolutions): FieldResolver {
  return (root, _args, context, info) => {
    const id = root[key];
    if (typeof id !== 'string') return null;
    const schema = subschemaServing(info, subgraph, field);
    if (!schema) return null;
    const run = (): unknown =>
      delegateToSchema({
        schema,
        operation: OperationTypeNode.QUERY,
        fieldName: field,
        args: { id },
        context,
        info,
      });
    const { identity } = context as Partial<AuthContext>;
    // The event: its id (live payloads' cursors are each subscriber's own) or the feed's cursor.
    const event = root.eventId ?? root.cursor;
    if (!identity || typeof event !== 'string') return run();
    return shared.resolve(
      [event, subgraph, field, id, readViewOf(identity), selectionKeyOf(info)].join('\n'),
      run,
    );
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

function recommendationChange(event: LiveEvent, cursor: string): Payload {
  return {
    cursor,
    eventId: event.eventId,
    type: enumValue(event.type),
    aggregate: enumValue(event.aggregate),
    occurredAt: event.occurredAt,
    recommendationId:
      event.aggregate === 'recommendation' ? event.subject : (event.data.recommendationId ?? null),
    requestId: requestIdOf(event),
  };
}

function requestChange(event: LiveEvent, cursor: string): Payload {
  return {
    cursor,
    eventId: event.eventId,
    type: enumValue(event.type),
    occurredAt: event.occurredAt,
    requestId: event.subject,
    status: typeof event.data.status === 'string' ? event.data.status : null,
    ...deadlineOf(event),
  };
}

function roundtableEvent(event: LiveEvent, cursor: string): Payload {
  const statement = part(event.data, 'statement');
  const resolution = part(event.data, 'resolution');
  const agendaItem = part(event.data, 'agendaItem');
  const participant = part(event.data, 'participant');
  return {
    cursor,
    eventId: event.eventId,
    type: enumValue(event.type),
    occurredAt: event.occurredAt,
    roundtableId: event.subject,
    statementId: statement?.id ?? null,
    agendaItemId: agendaItem?.id ?? statement?.agendaItemId ?? resolution?.agendaItemId ?? null,
    resolutionId: resolution?.id ?? null,
    participantId: participant?.id ?? null,
    text: statement?.text ?? resolution?.text ?? agendaItem?.title ?? null,
  };
}

function controlItemChange(event: LiveEvent, cursor: string): Payload {
  const { status, dueDate, daysRemaining, daysOverdue } = event.data;
  return {
    cursor,
    eventId: event.eventId,
    type: enumValue(event.type),
    occurredAt: event.occurredAt,
    controlItemId: event.subject,
    status,
    dueDate: typeof dueDate === 'string' ? dueDate : null,
    daysRemaining: typeof daysRemaining === 'number' ? daysRemaining : null,
    daysOverdue: typeof daysOverdue === 'number' ? daysOverdue : null,
  };
}

/**
 * The stream of one recommendation or request (`id`), for callers its subgraph lets read it, each
 * event filtered by the live visibility rule.
 */
function oneEntity(
  aggregates: readonly Aggregate[],
  subgraph: string,
  field: 'recommendation' | 'request',
  map: (event: LiveEvent, cursor: string) => Payload,
): NonNullable<SubscriptionSpec['stream']> {
  return {
    aggregates,
    async open(args, context, { check }) {
      const id = args.id!;
      await mustSee(check, context, subgraph, field, id);
      return {
        channel: channel(context.identity, field, id),
        keep: (event) => mayWatch(context.identity, event),
      };
    },
    map,
  };
}

const SPECS: SubscriptionSpec[] = [
  {
    field: 'roundtableLive',
    stream: {
      aggregates: ['roundtable'],
      async open(args, context, { check }) {
        const roundtableId = args.roundtableId!;
        await mustSee(check, context, 'roundtables', 'roundtable', roundtableId);
        // The round table itself was checked: its events are all the subscriber may see of it.
        return { channel: channel(context.identity, 'roundtable', roundtableId), keep: () => true };
      },
      map: roundtableEvent,
    },
    fields: {
      RoundtableLiveEvent: {
        roundtable: { subgraph: 'roundtables', field: 'roundtable', key: 'roundtableId' },
      },
    },
  },
  {
    field: 'recommendationChanged',
    stream: oneEntity(
      ['recommendation', 'request'],
      'recommendations',
      'recommendation',
      recommendationChange,
    ),
    fields: {
      RecommendationChange: {
        recommendation: {
          subgraph: 'recommendations',
          field: 'recommendation',
          key: 'recommendationId',
        },
        request: { subgraph: 'requests', field: 'request', key: 'requestId' },
      },
    },
  },
  {
    field: 'requestChanged',
    stream: oneEntity(['request'], 'requests', 'request', requestChange),
    fields: {
      RequestChange: { request: { subgraph: 'requests', field: 'request', key: 'requestId' } },
    },
  },
  {
    field: 'addresseeInbox',
    stream: {
      aggregates: ['request'],
      open(_args, context) {
        const organizationId = context.identity.organizationId;
        if (!hasRole(context.identity, 'addressee') || !organizationId)
          return Promise.reject(
            forbidden('an inbox: it is for addressee users, whose token names their organisation'),
          );
        return Promise.resolve({
          channel: channel(context.identity, 'addressee', organizationId),
          keep: (event: LiveEvent) =>
            event.aggregate === 'request' &&
            event.data.addresseeId === organizationId &&
            mayWatch(context.identity, event),
        });
      },
      map: requestChange,
    },
  },
  {
    field: 'conferenceControlItems',
    stream: {
      aggregates: ['control-item'],
      async open(args, context, { check }) {
        const conferenceId = args.conferenceId!;
        await mustSee(check, context, 'roundtables', 'conference', conferenceId);
        // Every item event names its conference, so they all reach the conference's channel.
        return {
          channel: channel(context.identity, 'conference', conferenceId),
          keep: (event) => mayWatch(context.identity, event),
        };
      },
      map: controlItemChange,
    },
    fields: {
      ControlItemChange: {
        controlItem: { subgraph: 'recommendations', field: 'controlItem', key: 'controlItemId' },
      },
    },
  },
  {
    field: 'conferenceFollowUps',
    async subscribe(args, context, { feed, check, shared }) {
      const conferenceId = args.conferenceId!;
      await mustSee(check, context, 'roundtables', 'conference', conferenceId);
      const read = (after: string | null) => () =>
        check(
          'recommendations',
          FOLLOW_UPS_QUERY,
          { conferenceId, after, pageSize: 100 },
          context.authorization,
        );
      // Subscribers of one read view woken by the same event at the same cursor share the read.
      const page: FollowUpPage = (after, wake) =>
        wake === undefined
          ? read(after)()
          : (shared.resolve(
              ['followUps', conferenceId, after, wake, readViewOf(context.identity)].join('\n'),
              read(after),
            ) as ReturnType<FollowUpPage>);
      return followUpsAfter(
        (onEvent) => feed.listen(channel(context.identity, 'conference', conferenceId), onEvent),
        (event) => event.aggregate === 'recommendation' && mayWatch(context.identity, event),
        page,
        args.after,
      );
    },
    fields: {
      ConferenceFollowUp: {
        recommendation: {
          subgraph: 'recommendations',
          field: 'recommendation',
          key: 'recommendationId',
        },
        request: { subgraph: 'requests', field: 'request', key: 'requestId' },
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

/**
 * The live subscriptions the gateway serves, for the entity types the supergraph has. They are
 * served here, not by a subgraph: events come from Kafka, carry entity keys, and the gateway
 * resolves the fields a client asked for from the subgraphs (with the client's token). Their
 * schema is the public contract's (`api.graphql` prints the same), so payloads carry its enums.
 */
export function liveSubscriptions(supergraphSdl: string, deps: Deps) {
  const { fields, typeDefs } = liveSubscriptionSchema(supergraphSdl);
  const available = SPECS.filter((spec) => fields.includes(spec.field));
  if (!typeDefs) return { typeDefs: undefined, resolvers: undefined, fields: [] as string[] };
  const shared = new SharedResolutions();
  const payloadTypes: Record<string, Record<string, FieldResolver>> = {};
  for (const spec of available) {
    for (const [type, fields] of Object.entries(spec.fields ?? {})) {
      payloadTypes[type] = Object.fromEntries(
        Object.entries(fields).map(([name, field]) => [name, entity(field, shared)]),
      );
    }
  }
  const catchUps = new Map(
    subscriptionContracts.flatMap(({ field, catchUp }: SubscriptionContract) =>
      catchUp ? [[field, catchUp.field] as const] : [],
    ),
  );
  const source = async (spec: SubscriptionSpec, args: Args, context: AuthContext) => ({
    feed: deps.feed,
    history: deps.history,
    aggregates: spec.stream!.aggregates,
    ...(await spec.stream!.open(args, context, deps)),
  });
  const resolvers = {
    ...payloadTypes,
    Subscription: Object.fromEntries(
      available.map((spec) => [
        spec.field,
        {
          // The payload goes out under the field's name (no `resolve`); the payload types' field
          // resolvers fetch the entities from their subgraphs.
          subscribe: async (_root: unknown, args: Args, context: AuthContext) =>
            wrap(
              spec.field,
              spec.stream
                ? resumableStream(await source(spec, args, context), args.after, spec.stream.map)
                : await spec.subscribe!(args, context, { ...deps, shared }),
              // graphql-ws sockets close with 4401 at the token's expiry (websocket.ts).
              'connectionParams' in context ? undefined : context.authorization,
              deps.metrics,
            ),
        },
      ]),
    ),
    Query: Object.fromEntries(
      available.flatMap((spec) => {
        const query = catchUps.get(spec.field);
        if (!query || !spec.stream) return [];
        const resolve = async (
          _root: unknown,
          args: Args & { first?: number },
          context: AuthContext,
        ) =>
          streamPage(
            await source(spec, args, context),
            args.after,
            args.first ?? 100,
            spec.stream!.map,
          );
        return [[query, resolve]];
      }),
    ),
  };
  return {
    typeDefs,
    resolvers: resolvers as Record<string, Record<string, unknown>>,
    fields: available.map((spec) => spec.field),
  };
}

/**
 * Payloads under the subscription field's name, until the token (`authorization`, given for SSE)
 * expires: then it ends with UNAUTHENTICATED `token expired`. Nothing is delivered past the
 * token's life; the client subscribes again with a fresh token and its last cursor.
 */
function wrap(
  field: string,
  payloads: AsyncIterable<Payload>,
  authorization: string | undefined,
  metrics: Metrics,
): AsyncIterable<Payload> {
  const token = authorization ? bearerToken(authorization) : undefined;
  const expiresAt = token ? tokenExpiresAt(token) : undefined;
  const named = countedSubscription(field, underField(field, payloads), metrics);
  if (expiresAt === undefined) return named;
  const expiry = new Repeater<Payload>(async (_push, stop) => {
    const timer = setTimeout(
      () =>
        stop(
          new GraphQLError('token expired', {
            extensions: { code: 'UNAUTHENTICATED' },
          }),
        ),
      Math.max(0, expiresAt - Date.now()),
    );
    await stop;
    clearTimeout(timer);
  });
  return Repeater.race([named, expiry]);
}

async function* underField(
  field: string,
  payloads: AsyncIterable<Payload>,
): AsyncGenerator<Payload> {
  for await (const payload of payloads) yield { [field]: payload };
}
