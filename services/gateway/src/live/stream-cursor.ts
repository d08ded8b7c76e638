import { GraphQLError } from 'graphql';

/**
 * Where a live stream stands: for each Kafka partition its events come from, the offset of the
 * last event the client has had (`roundtable:1` → `41`). Kafka's offsets are the same for every
 * gateway and outlive any of them, so a cursor works against any replica and after a restart.
 * A stream that spans aggregates (an addressee's inbox: many requests) spans partitions, whose
 * events have no order between them; the cursor keeps one position per partition, so "after the
 * cursor" is exact in each.
 */
export type Positions = Readonly<Record<string, number>>;

/** A partition of an aggregate's topic, independent of the topic prefix: `<aggregate>:<partition>`. */
export function partitionKey(aggregate: string, partition: number): string {
  return `${aggregate}:${partition}`;
}

const PREFIX = 'k1.';

/** The opaque cursor a client gets and passes back as `after`. */
export function encodeCursor(positions: Positions): string {
  const entries = Object.entries(positions).sort(([a], [b]) => a.localeCompare(b));
  return PREFIX + Buffer.from(JSON.stringify(entries)).toString('base64url');
}

function invalidCursor(): GraphQLError {
  return new GraphQLError('after is not a cursor this stream gave', {
    extensions: { code: 'BAD_USER_INPUT', argument: 'after' },
  });
}

// Aggregate names are lower case words joined by hyphens (`control-item`).
const KEY = /^[a-z]+(-[a-z]+)*:\d{1,4}$/;

/** The positions of a cursor; BAD_USER_INPUT when it is not one a stream gave. */
export function decodeCursor(cursor: string): Positions {
  if (!cursor.startsWith(PREFIX) || cursor.length > 2_000) throw invalidCursor();
  let entries: unknown;
  try {
    entries = JSON.parse(Buffer.from(cursor.slice(PREFIX.length), 'base64url').toString('utf8'));
  } catch {
    throw invalidCursor();
  }
  if (!Array.isArray(entries)) throw invalidCursor();
  const positions: Record<string, number> = {};
  for (const entry of entries) {
    if (
      !Array.isArray(entry) ||
      entry.length !== 2 ||
      typeof entry[0] !== 'string' ||
      !KEY.test(entry[0]) ||
      !Number.isSafeInteger(entry[1]) ||
      (entry[1] as number) < -1
    ) {
      throw invalidCursor();
    }
    positions[entry[0]] = entry[1] as number;
  }
  return positions;
}

/** Whether an event at `offset` of partition `key` comes after the positions. */
export function isAfter(positions: Positions, key: string, offset: number): boolean {
  return offset > (positions[key] ?? -1);
}

/** The positions once the event at `offset` of partition `key` has been had. */
export function advance(positions: Positions, key: string, offset: number): Positions {
  return isAfter(positions, key, offset) ? { ...positions, [key]: offset } : positions;
}
