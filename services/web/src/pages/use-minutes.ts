import { useCallback, useEffect, useRef, useState } from 'react';
import { useClient, type CombinedError } from 'urql';

import type { MinutesLineFragment } from '../generated/graphql';
import { MinutesQuery } from '../graphql/operations';
import { withLines } from '../minutes';

const PAGE_SIZE = 50;

export interface Minutes {
  lines: MinutesLineFragment[];
  /** More lines are recorded than loaded. */
  hasMore: boolean;
  error: CombinedError | undefined;
  loadMore: () => void;
  /** A line was recorded: fetch what follows the last one loaded, when all are loaded. */
  recorded: (line?: MinutesLineFragment) => void;
  /** Lines were corrected: load the minutes again. */
  reload: () => void;
}

/**
 * A round table's minutes, page by page as the API gives them, one request at a time in order:
 * live events ask for what follows the last line loaded, so nothing is missed or shown twice.
 */
export function useMinutes(roundtableId: string): Minutes {
  const client = useClient();
  const [lines, setLines] = useState<MinutesLineFragment[]>([]);
  const [hasMore, setHasMore] = useState(false);
  const [error, setError] = useState<CombinedError>();
  const end = useRef<{ after: string | null; hasMore: boolean }>({ after: null, hasMore: true });
  const queue = useRef(Promise.resolve());

  const enqueue = useCallback(
    (fresh: boolean) => {
      queue.current = queue.current.then(async () => {
        if (fresh) end.current = { after: null, hasMore: true };
        const result = await client
          .query(
            MinutesQuery,
            { id: roundtableId, first: PAGE_SIZE, after: end.current.after },
            { requestPolicy: 'network-only' },
          )
          .toPromise();
        setError(result.error);
        const page = result.data?.roundtable?.statements;
        if (!page) return;
        end.current = {
          after: page.pageInfo.endCursor ?? end.current.after,
          hasMore: page.pageInfo.hasNextPage,
        };
        setHasMore(page.pageInfo.hasNextPage);
        setLines((known) => withLines(fresh ? [] : known, page.nodes));
      });
    },
    [client, roundtableId],
  );

  useEffect(() => {
    setLines([]);
    enqueue(true);
  }, [enqueue]);

  return {
    lines,
    hasMore,
    error,
    loadMore: () => enqueue(false),
    recorded: (line) => {
      if (line) setLines((known) => withLines(known, [line]));
      if (!end.current.hasMore) enqueue(false);
    },
    reload: () => enqueue(true),
  };
}
