import { Badge, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useClient, useQuery } from 'urql';

import { ApiErrorAlert } from '../components/api-error';
import { DataTable } from '../components/data-table';
import { DocumentDownload } from '../components/document-download';
import { PagerButtons } from '../components/pager-buttons';
import { ConferenceQuery, ConferenceResolutionsFileQuery } from '../graphql/conferences';
import {
  CONFERENCE_KIND,
  CONFERENCE_STATUS,
  dateTime,
  dayRange,
  ROUNDTABLE_STATUS,
} from '../labels';
import { currentAfter, firstPage, pageNumber, type Pager } from '../paging';
import { RouteLink } from '../components/route-link';

const PAGE_SIZE = 20;

/**
 * A conference: what, where and when, who organises it, its round tables (each to its own page,
 * with how many sit at it) and its resolutions as a document to download.
 */
export function ConferencePage({ id }: { id: string }) {
  const client = useClient();
  const [pager, setPager] = useState<Pager>(firstPage);
  const [{ data, error, fetching }] = useQuery({
    query: ConferenceQuery,
    variables: { id, first: PAGE_SIZE, after: currentAfter(pager) },
  });
  const conference = data?.conference;
  if (!conference) {
    if (fetching) return <Loader aria-label="Загрузка" />;
    return error ? <ApiErrorAlert error={error} /> : <Text>Конференция не найдена.</Text>;
  }
  const roundtables = conference.roundtables;
  return (
    <Stack>
      <div>
        <Title order={1}>{conference.title}</Title>
        <Group gap="xs" mt="xs">
          <Badge>{CONFERENCE_STATUS[conference.status]}</Badge>
          <Text size="sm">
            {CONFERENCE_KIND[conference.kind]}, {dayRange(conference.startsOn, conference.endsOn)},{' '}
            {conference.city}
            {conference.venue ? `, ${conference.venue}` : ''}
          </Text>
        </Group>
        {conference.organizers.length ? (
          <Text size="sm">
            Организаторы: {conference.organizers.map((o) => o.shortName).join(', ')}
          </Text>
        ) : null}
        {conference.description ? (
          <Text mt="sm" style={{ whiteSpace: 'pre-line' }}>
            {conference.description}
          </Text>
        ) : null}
      </div>
      <ApiErrorAlert error={error} />
      <Paper withBorder p="md" component="section" aria-labelledby="conference-documents">
        <Title order={2} mb="sm" id="conference-documents">
          Документы
        </Title>
        <DocumentDownload
          title="Рекомендации по итогам конференции"
          load={async (format) => {
            const result = await client
              .query(
                ConferenceResolutionsFileQuery,
                { id, format },
                { requestPolicy: 'network-only' },
              )
              .toPromise();
            return { file: result.data?.conferenceResolutions.file, error: result.error };
          }}
        />
        <Text size="sm" c="dimmed" mt="xs">
          Протокол каждого завершённого заседания — на странице заседания.
        </Text>
      </Paper>
      <Paper withBorder p="md" component="section" aria-labelledby="conference-roundtables">
        <Title order={2} mb="sm" id="conference-roundtables">
          Заседания ({roundtables.totalCount})
        </Title>
        {roundtables.nodes.length ? (
          <DataTable
            headers={['Заседание', 'Начало', 'Участников', 'Состояние']}
            rows={roundtables.nodes.map((roundtable) => {
              return {
                key: roundtable.id,
                cells: [
                  <>
                    <RouteLink route={{ page: 'roundtable', id: roundtable.id }}>
                      {roundtable.title}
                    </RouteLink>
                    {roundtable.venue ? <div>{roundtable.venue}</div> : null}
                  </>,
                  dateTime(roundtable.startsAt),
                  roundtable.participants.length,
                  <Badge variant="light">{ROUNDTABLE_STATUS[roundtable.status]}</Badge>,
                ],
              };
            })}
          />
        ) : (
          <Text>Заседаний пока нет.</Text>
        )}
        {pageNumber(pager) > 1 || roundtables.pageInfo.hasNextPage ? (
          <PagerButtons pager={pager} setPager={setPager} pageInfo={roundtables.pageInfo} />
        ) : null}
      </Paper>
    </Stack>
  );
}
