import { Button, Group, Text } from '@mantine/core';

import { nextPage, pageNumber, previousPage, type Pager } from '../paging';

/** Back and forward through a list the API pages by cursor, with the page's number. */
export function PagerButtons({
  pager,
  setPager,
  pageInfo,
}: {
  pager: Pager;
  setPager: (pager: Pager) => void;
  pageInfo: { endCursor?: string | null; hasNextPage: boolean };
}) {
  return (
    <Group justify="space-between" mt="sm">
      <Button
        variant="default"
        disabled={pageNumber(pager) === 1}
        onClick={() => setPager(previousPage(pager))}
      >
        Назад
      </Button>
      <Text size="sm">Страница {pageNumber(pager)}</Text>
      <Button
        variant="default"
        disabled={!pageInfo.hasNextPage}
        onClick={() => setPager(nextPage(pager, pageInfo.endCursor))}
      >
        Далее
      </Button>
    </Group>
  );
}
