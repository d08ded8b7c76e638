import { eventDefinitions, type Aggregate } from '@kollegia/events';

/**
 * The live subscriptions of the public API: their fields and payload types. The gateway serves
 * them (fed from Kafka, not from a subgraph) and this package prints them into `api.graphql`, both
 * from here, so what partners generate clients from is what the gateway answers with.
 */

/** How an event's name or an aggregate is spelled as an enum value: `statement-recorded` → `STATEMENT_RECORDED`. */
export function enumValue(name: string): string {
  return name.toUpperCase().replace(/-/g, '_');
}

/** The enum values naming the events of some aggregates, in the registry's order, each once. */
export function eventKinds(aggregates: readonly Aggregate[]): string[] {
  return [
    ...new Set(
      eventDefinitions
        .filter((definition) => aggregates.includes(definition.aggregate))
        .map((definition) => enumValue(definition.name)),
    ),
  ];
}

/**
 * The enums that name event kinds in payloads, with the aggregates whose events they list: a
 * payload's `type` is `enumValue` of the event's name, and the registry holds every name.
 */
export const eventKindEnums = {
  RoundtableLiveEventType: ['roundtable'],
  RecommendationChangeType: ['recommendation', 'request'],
  RequestChangeType: ['request'],
  ControlItemChangeType: ['control-item'],
} as const satisfies Record<string, readonly Aggregate[]>;

function eventKindEnum(name: keyof typeof eventKindEnums, description: string): string {
  const aggregates = eventKindEnums[name];
  return `
    "${description}"
    enum ${name} {
      ${eventKinds(aggregates).join('\n')}
    }
  `;
}

const REQUEST_CHANGE = /* GraphQL */ `
  """
  Something happened to a request: drafted, submitted, registered, deadline extended, answered,
  closed, withdrawn, due soon, overdue. The request's fields are resolved when the event arrives.
  """
  type RequestChange {
    "Pass as after to go on from here: to this subscription, or to its query (…After)."
    cursor: String!
    "The CloudEvent's id."
    eventId: ID!
    "The event, e.g. SUBMITTED, REGISTERED, ANSWERED, DUE_SOON, OVERDUE."
    type: RequestChangeType!
    occurredAt: String!
    "The request's status after the event."
    status: RequestStatus
    "The request as you may see it now."
    request: Request
    "For deadline events: the last day on time (the addressee's calendar), its last instant, days left or late."
    dueOn: String
    dueAt: String
    daysRemaining: Int
    daysOverdue: Int
  }
  ${eventKindEnum('RequestChangeType', 'A request event (request.<name>.v1 in docs/events/asyncapi.yaml).')}

  """
  A request's changes, or an addressee's inbox, after a cursor, oldest first: what a client missed. Pass endCursor as after to the next
  page, and then to the subscription, to go on with no gap and no repeat.
  """
  type RequestChangePage {
    nodes: [RequestChange!]!
    "Where the last node stands (after when there are none)."
    endCursor: String!
    hasNextPage: Boolean!
  }
`;

/** One subscription field of the public API. */
export interface SubscriptionContract {
  readonly field: string;
  readonly args: string;
  /** The payload type it returns (non-null), defined in `typeDefs`. */
  readonly returns: string;
  /** The supergraph's types its payload uses (entities, enums, scalars); without them it is not offered. */
  readonly requires: readonly string[];
  /** The payload type and the enums it uses. */
  readonly typeDefs: string;
  /** The query that returns what happened after a cursor (a page of the same payloads). */
  readonly catchUp?: {
    readonly field: string;
    readonly args: string;
    readonly returns: string;
    readonly description: string;
  };
}

const PAGE_ARGS = 'after: String, first: Int = 100';

export const subscriptionContracts = [
  {
    field: 'roundtableLive',
    args: 'roundtableId: ID!, after: String',
    returns: 'RoundtableLiveEvent',
    catchUp: {
      field: 'roundtableLiveAfter',
      args: `roundtableId: ID!, ${PAGE_ARGS}`,
      returns: 'RoundtableLiveEventPage',
      description:
        "A round table's events after a cursor of roundtableLive (without one: from the oldest kept), oldest first.",
    },
    requires: ['Roundtable'],
    typeDefs: /* GraphQL */ `
      """
      Something happened at a round table: an agenda question opened or closed, a statement
      recorded, a resolution proposed, amended or withdrawn, the sitting started, concluded or
      cancelled. The round table's fields are resolved when the event arrives.
      """
      type RoundtableLiveEvent {
        "Pass as after to go on from here: to this subscription, or to roundtableLiveAfter."
        cursor: String!
        "The CloudEvent's id."
        eventId: ID!
        "The event, e.g. STATEMENT_RECORDED, AGENDA_ITEM_OPENED, CONCLUDED."
        type: RoundtableLiveEventType!
        occurredAt: String!
        roundtable: Roundtable!
        statementId: ID
        agendaItemId: ID
        resolutionId: ID
        participantId: ID
        "The statement's or resolution's text, or the agenda question."
        text: String
      }
      ${eventKindEnum('RoundtableLiveEventType', 'A round table event (roundtable.<name>.v1 in docs/events/asyncapi.yaml).')}

      """
      A round table's events after a cursor, oldest first: what a client missed. Pass endCursor as after to the next
      page, and then to the subscription, to go on with no gap and no repeat.
      """
      type RoundtableLiveEventPage {
        nodes: [RoundtableLiveEvent!]!
        "Where the last node stands (after when there are none)."
        endCursor: String!
        hasNextPage: Boolean!
      }
    `,
  },
  {
    field: 'recommendationChanged',
    args: 'id: ID!, after: String',
    returns: 'RecommendationChange',
    catchUp: {
      field: 'recommendationChangesAfter',
      args: `id: ID!, ${PAGE_ARGS}`,
      returns: 'RecommendationChangePage',
      description:
        "A recommendation's changes and its requests' after a cursor of recommendationChanged (without one: from the oldest kept), oldest first.",
    },
    requires: ['Recommendation', 'Request'],
    typeDefs: /* GraphQL */ `
      """
      Something happened to a recommendation or to a request made from it: proposed, adopted,
      endorsed, progress reported, a request submitted, registered or answered, due soon,
      overdue… Fields are resolved when the event arrives.
      """
      type RecommendationChange {
        "Pass as after to go on from here: to this subscription, or to recommendationChangesAfter."
        cursor: String!
        "The CloudEvent's id (a recommendation's timeline entry has the same id)."
        eventId: ID!
        "The event, e.g. ADOPTED, PROGRESS_REPORTED, REQUEST_RECORDED, SUBMITTED, ANSWERED; aggregate says whose."
        type: RecommendationChangeType!
        "Whose event it is: the recommendation's or a request's."
        aggregate: RecommendationChangeAggregate!
        occurredAt: String!
        recommendation: Recommendation
        "The request the event is about, if any, as you may see it now."
        request: Request
      }
      ${eventKindEnum('RecommendationChangeType', 'A recommendation or request event (recommendation.<name>.v1 or request.<name>.v1 in docs/events/asyncapi.yaml).')}
      "Whose event a RecommendationChange is."
      enum RecommendationChangeAggregate {
        ${eventKindEnums.RecommendationChangeType.map(enumValue).join('\n')}
      }

  """
  A recommendation's changes and its requests' after a cursor, oldest first: what a client missed. Pass endCursor as after to the next
  page, and then to the subscription, to go on with no gap and no repeat.
  """
  type RecommendationChangePage {
    nodes: [RecommendationChange!]!
    "Where the last node stands (after when there are none)."
    endCursor: String!
    hasNextPage: Boolean!
  }
    `,
  },
  {
    field: 'requestChanged',
    args: 'id: ID!, after: String',
    returns: 'RequestChange',
    catchUp: {
      field: 'requestChangesAfter',
      args: `id: ID!, ${PAGE_ARGS}`,
      returns: 'RequestChangePage',
      description:
        "A request's changes after a cursor of requestChanged (without one: from the oldest kept), oldest first.",
    },
    requires: ['Request', 'RequestStatus'],
    typeDefs: REQUEST_CHANGE,
  },
  {
    field: 'addresseeInbox',
    args: 'after: String',
    returns: 'RequestChange',
    catchUp: {
      field: 'addresseeInboxAfter',
      args: PAGE_ARGS,
      returns: 'RequestChangePage',
      description:
        "What came into your organisation's inbox after a cursor of addresseeInbox (without one: from the oldest kept), oldest first.",
    },
    requires: ['Request', 'RequestStatus'],
    typeDefs: REQUEST_CHANGE,
  },
  {
    field: 'conferenceControlItems',
    args: 'conferenceId: ID!, after: String',
    returns: 'ControlItemChange',
    catchUp: {
      field: 'conferenceControlItemsAfter',
      args: `conferenceId: ID!, ${PAGE_ARGS}`,
      returns: 'ControlItemChangePage',
      description:
        "What happened to a conference's items under control after a cursor of conferenceControlItems (without one: from the oldest kept), oldest first.",
    },
    requires: ['Conference', 'ControlItem', 'ControlItemStatus'],
    typeDefs: /* GraphQL */ `
      """
      Something happened to one of a conference's items under control (взято на контроль): taken
      under control at a sitting's conclusion, progress reported, due date extended, marked done,
      removed from control, due soon, overdue. The item's fields are resolved when the event
      arrives.
      """
      type ControlItemChange {
        "Pass as after to go on from here: to this subscription, or to conferenceControlItemsAfter."
        cursor: String!
        "The CloudEvent's id."
        eventId: ID!
        "The event, e.g. TAKEN, PROGRESS_REPORTED, EXTENDED, DONE, OVERDUE."
        type: ControlItemChangeType!
        occurredAt: String!
        "The item's status after the event."
        status: ControlItemStatus!
        "YYYY-MM-DD, after any extension."
        dueDate: String
        "For DUE_SOON and OVERDUE: calendar days left, or late."
        daysRemaining: Int
        daysOverdue: Int
        "The item as you may see it now."
        controlItem: ControlItem
      }
      ${eventKindEnum('ControlItemChangeType', 'An item under control event (control-item.<name>.v1 in docs/events/asyncapi.yaml).')}

      """
      A conference's items under control after a cursor, oldest first: what a client missed. Pass endCursor as after to the next
      page, and then to the subscription, to go on with no gap and no repeat.
      """
      type ControlItemChangePage {
        nodes: [ControlItemChange!]!
        "Where the last node stands (after when there are none)."
        endCursor: String!
        hasNextPage: Boolean!
      }
    `,
  },
  {
    field: 'conferenceFollowUps',
    args: 'conferenceId: ID!, after: String',
    returns: 'ConferenceFollowUp',
    requires: [
      'Conference',
      'Recommendation',
      'Request',
      'RecommendationTimelineEntryType',
      'RecommendationStatus',
      'JSONObject',
    ],
    // type and status are the recommendations service's own enums: these are the entries of its
    // query conferenceFollowUps. data stays a JSON object: its shape is the event's (one of many).
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
        "The event, e.g. ADOPTED, PROGRESS_REPORTED, REQUEST_RECORDED, DUE_SOON."
        type: RecommendationTimelineEntryType!
        occurredAt: String!
        "The recommendation's status right after it."
        status: RecommendationStatus!
        "Who did it: a user (token subject) or system:<service>."
        actor: String!
        "The event's payload (see docs/events/asyncapi.yaml)."
        data: JSONObject
        recommendation: Recommendation
        "For request facts: the request, as you may see it now."
        request: Request
      }
    `,
  },
] as const satisfies readonly SubscriptionContract[];

export type SubscriptionField = (typeof subscriptionContracts)[number]['field'];

/**
 * The subscriptions a supergraph can serve (those whose entity types it has) and their SDL, an
 * extension of the supergraph's API; no type definitions when it can serve none.
 */
export function liveSubscriptionSchema(supergraphSdl: string): {
  fields: SubscriptionField[];
  typeDefs: string | undefined;
} {
  const available = subscriptionContracts.filter((contract) =>
    contract.requires.every((type) =>
      new RegExp(`\\b(type|enum|scalar) ${type}\\b`).test(supergraphSdl),
    ),
  );
  const fields = available.map((contract) => contract.field);
  if (available.length === 0) return { fields, typeDefs: undefined };
  const catchUps = available.flatMap((contract) =>
    'catchUp' in contract ? [contract.catchUp] : [],
  );
  const typeDefs = /* GraphQL */ `
    extend schema {
      subscription: Subscription
    }
    type Subscription {
      ${available.map(({ field, args, returns }) => `${field}${args ? `(${args})` : ''}: ${returns}!`).join('\n')}
    }
    ${
      catchUps.length === 0
        ? ''
        : `extend type Query {
      ${catchUps.map(({ field, args, returns, description }) => `"${description}"\n${field}(${args}): ${returns}!`).join('\n')}
    }`
    }
    ${[...new Set(available.map((contract) => contract.typeDefs))].join('\n')}
  `;
  return { fields, typeDefs };
}
