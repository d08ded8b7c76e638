import { Loader, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import type { TypedDocumentNode } from '@urql/core';
import { useState } from 'react';
import { useQuery } from 'urql';

import { currentAfter, firstPage } from '../paging';
import { ApiErrorAlert } from './api-error';
import { PagerButtons } from './pager-buttons';

const PAGE_SIZE = 20;

export interface Connection<Node> {
  totalCount: number;
  pageInfo: { endCursor: string | null; hasNextPage: boolean };
  nodes: Node[];
}

type PagedVariables = { first: number; after: string | null; text: string | null };

/**
 * A list the API pages, with the API's word search (case- and ё-insensitive, Cyrillic included):
 * a search box, the page, and the way forward and back.
 */
export function PagedSearch<Data, Node>({
  label,
  document,
  connectionOf,
  children,
}: {
  label: string;
  document: TypedDocumentNode<Data, PagedVariables>;
  connectionOf: (data: Data) => Connection<Node>;
  children: (nodes: Node[]) => React.ReactNode;
}) {
  const [text, setText] = useState('');
  const [search] = useDebouncedValue(text.trim(), 300);
  const [pager, setPager] = useState(firstPage);
  const [{ data, fetching, error }] = useQuery({
    query: document,
    variables: { first: PAGE_SIZE, after: currentAfter(pager), text: search || null },
  });
  const connection = data ? connectionOf(data) : undefined;
  return (
    <>
      <TextInput
        label={label}
        placeholder="Начните вводить слово"
        value={text}
        onChange={(event) => {
          setText(event.currentTarget.value);
          setPager(firstPage);
        }}
        mb="sm"
      />
      <ApiErrorAlert error={error} />
      {fetching && !connection ? <Loader size="sm" aria-label="Загрузка" /> : null}
      {connection ? (
        <>
          <Text size="sm" c="dimmed" mb="xs" aria-live="polite">
            Найдено: {connection.totalCount}
          </Text>
          {connection.nodes.length ? children(connection.nodes) : <Text>Ничего не найдено.</Text>}
          <PagerButtons pager={pager} setPager={setPager} pageInfo={connection.pageInfo} />
        </>
      ) : null}
    </>
  );
}
