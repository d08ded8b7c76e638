import { Badge, Loader, SimpleGrid, Select, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useMemo, useState } from 'react';
import { useQuery } from 'urql';

import { ApiErrorAlert } from '../components/api-error';
import { DataTable } from '../components/data-table';
import type { RecommendationStatus } from '../generated/graphql';
import { RecommendationConferencesQuery, RecommendationsQuery } from '../graphql/recommendations';
import { calendarDay, RECOMMENDATION_STATUS, today } from '../labels';
import { currentAfter, firstPage } from '../paging';
import { byUrgency, urgencyOf } from '../recommendations';
import { UrgencyBadge } from './recommendation-parts';
import { RouteLink } from '../components/route-link';
import { PagerButtons } from '../components/pager-buttons';

const PAGE_SIZE = 20;

const STATUS_OPTIONS = Object.entries(RECOMMENDATION_STATUS).map(([value, label]) => ({
  value,
  label,
}));

/**
 * The tenant's recommendations, by conference and status, paged as the API lists them (in
 * creation order); on each page the overdue come first, then those due soon.
 */
export function RecommendationsPage() {
  const [conference, setConference] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [text, setText] = useState('');
  const [search] = useDebouncedValue(text.trim(), 300);
  const [pager, setPager] = useState(firstPage);
  const [conferences] = useQuery({ query: RecommendationConferencesQuery });
  const [{ data, fetching, error }] = useQuery({
    query: RecommendationsQuery,
    variables: {
      first: PAGE_SIZE,
      after: currentAfter(pager),
      filter: {
        ...(conference ? { conferenceId: conference } : {}),
        ...(status ? { status: [status as RecommendationStatus] } : {}),
        ...(search ? { text: search } : {}),
      },
    },
  });
  const connection = data?.recommendations;
  const day0 = today();
  const rows = useMemo(
    () => (connection ? byUrgency(connection.nodes, day0) : []),
    [connection, day0],
  );
  const conferenceOptions = (conferences.data?.conferences.nodes ?? []).map((node) => ({
    value: node.id,
    label: node.title,
  }));
  // A new filter starts again from the first page.
  const filtered =
    <T,>(set: (value: T) => void) =>
    (value: T) => {
      set(value);
      setPager(firstPage);
    };

  return (
    <>
      <Title order={1} mb="md">
        Рекомендации
      </Title>
      <SimpleGrid cols={{ base: 1, sm: 3 }} mb="sm">
        <Select
          label="Конференция"
          placeholder="Все конференции"
          data={conferenceOptions}
          value={conference}
          onChange={filtered(setConference)}
          searchable
          clearable
          nothingFoundMessage="Нет такой конференции"
        />
        <Select
          label="Статус"
          placeholder="Все статусы"
          data={STATUS_OPTIONS}
          value={status}
          onChange={filtered(setStatus)}
          clearable
        />
        <TextInput
          label="Поиск по коду, названию или тексту"
          placeholder="Начните вводить слово"
          value={text}
          onChange={(event) => filtered(setText)(event.currentTarget.value)}
        />
      </SimpleGrid>
      <ApiErrorAlert error={conferences.error} />
      <ApiErrorAlert error={error} />
      {fetching && !connection ? <Loader size="sm" aria-label="Загрузка" /> : null}
      {connection ? (
        <>
          <Text size="sm" c="dimmed" mb="xs" aria-live="polite">
            Найдено: {connection.totalCount}. На странице сначала просроченные, затем со сроком на
            подходе.
          </Text>
          {rows.length ? (
            <DataTable
              headers={['Код', 'Рекомендация', 'Статус', 'Адресаты', 'Срок']}
              rows={rows.map((recommendation) => {
                return {
                  key: recommendation.id,
                  cells: [
                    <RouteLink route={{ page: 'recommendation', id: recommendation.id }}>
                      {recommendation.code}
                    </RouteLink>,
                    recommendation.shortTitle,
                    <Badge variant="light">{RECOMMENDATION_STATUS[recommendation.status]}</Badge>,
                    recommendation.addressees.map((addressee) => addressee.shortName).join(', ') ||
                      '—',
                    <>
                      {recommendation.dueDate ? (
                        <div>{calendarDay(recommendation.dueDate)}</div>
                      ) : null}
                      <UrgencyBadge urgency={urgencyOf(recommendation, day0)} />
                    </>,
                  ],
                };
              })}
            />
          ) : (
            <Text>Ничего не найдено.</Text>
          )}
          <PagerButtons pager={pager} setPager={setPager} pageInfo={connection.pageInfo} />
        </>
      ) : null}
    </>
  );
}
