import 'reflect-metadata';

import { ArgsType, Directive, Field, Int, ObjectType, type ClassType } from 'type-graphql';

import { badInput } from '../domain';

/** Relay page info; shared by every subgraph. */
@Directive('@shareable')
@ObjectType({ description: 'Where a page sits in its connection.' })
export class PageInfo {
  @Field()
  hasNextPage: boolean;

  @Field()
  hasPreviousPage: boolean;

  @Field(() => String, { nullable: true })
  startCursor: string | null;

  @Field(() => String, { nullable: true })
  endCursor: string | null;
}

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

/** `first` / `after` of every connection field. */
@ArgsType()
export class ConnectionArgs {
  @Field(() => Int, {
    nullable: true,
    description: `Page size, 1 to ${MAX_PAGE_SIZE} (default ${DEFAULT_PAGE_SIZE}).`,
  })
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'The endCursor of the previous page.' })
  after?: string | null;
}

/** A keyset position: the sort value and the id of the last item seen. */
export interface KeysetCursor {
  sort: string | number | Date;
  id: string;
}

export function encodeCursor(cursor: KeysetCursor): string {
  const sort = cursor.sort instanceof Date ? { d: cursor.sort.toISOString() } : cursor.sort;
  return Buffer.from(JSON.stringify([sort, cursor.id])).toString('base64url');
}

function decodeSort(value: unknown): string | number | Date | undefined {
  if (typeof value === 'string' || typeof value === 'number') return value;
  if (value && typeof value === 'object' && typeof (value as { d?: unknown }).d === 'string') {
    const date = new Date((value as { d: string }).d);
    if (!Number.isNaN(date.getTime())) return date;
  }
  return undefined;
}

export function decodeCursor(value: string, field = 'after'): KeysetCursor {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(value, 'base64url').toString('utf8'));
    if (Array.isArray(parsed) && parsed.length === 2 && typeof parsed[1] === 'string') {
      const sort = decodeSort(parsed[0]);
      if (sort !== undefined) return { sort, id: parsed[1] };
    }
  } catch {
    // fall through
  }
  throw badInput(field, 'is not a cursor of this connection');
}

export interface PageRequest {
  limit: number;
  after?: KeysetCursor;
}

/** Validates `first` / `after` (BAD_USER_INPUT naming the argument). */
export function pageRequest(args: ConnectionArgs): PageRequest {
  const first = args.first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE_SIZE) {
    throw badInput('first', `must be between 1 and ${MAX_PAGE_SIZE}`);
  }
  return { limit: first, ...(args.after ? { after: decodeCursor(args.after) } : {}) };
}

export interface Page<T> {
  items: T[];
  cursors: string[];
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  /**
   * Counted only when called; `toConnection` exposes it as a getter, so a query that does not
   * select `totalCount` does not pay for the count.
   */
  totalCount: () => Promise<number>;
}

/** A page of nothing: what a list answers when its filter cannot match anything. */
export function emptyPage<T>(): Page<T> {
  return {
    items: [],
    cursors: [],
    hasNextPage: false,
    hasPreviousPage: false,
    totalCount: () => Promise.resolve(0),
  };
}

export interface ConnectionShape<T> {
  edges: { cursor: string; node: T }[];
  nodes: T[];
  pageInfo: PageInfo;
  /** A getter: the count runs only when a query selects `totalCount`. */
  readonly totalCount: Promise<number>;
}

/** Turns a page into the Relay shape. */
export function toConnection<T>(page: Page<T>): ConnectionShape<T> {
  const edges = page.items.map((node, i) => ({ node, cursor: page.cursors[i] ?? '' }));
  const connection = {
    edges,
    nodes: page.items,
    pageInfo: {
      hasNextPage: page.hasNextPage,
      hasPreviousPage: page.hasPreviousPage,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
  return Object.defineProperty(connection, 'totalCount', {
    get: page.totalCount,
    enumerable: true,
  }) as ConnectionShape<T>;
}

/**
 * Declares `<Name>Connection` and `<Name>Edge` object types for a node type:
 * `@ObjectType() class OrganizationConnection extends Connection(Organization, 'Organization') {}`.
 */
export function Connection<T extends object>(nodeType: ClassType<T>, name: string) {
  @ObjectType(`${name}Edge`)
  class Edge {
    @Field()
    cursor: string;

    @Field(() => nodeType)
    node: T;
  }

  // Abstract and never returned itself, so type-graphql 2 does not emit it.
  @ObjectType()
  abstract class ConnectionClass {
    @Field(() => [Edge])
    edges: Edge[];

    @Field(() => [nodeType])
    nodes: T[];

    @Field(() => PageInfo)
    pageInfo: PageInfo;

    @Field(() => Int)
    totalCount: number;
  }
  return ConnectionClass;
}
