import { Badge, Title } from '@mantine/core';

import { DataTable } from '../components/data-table';
import { PagedSearch } from '../components/paged-search';
import { ConferencesQuery } from '../graphql/conferences';
import { CONFERENCE_KIND, CONFERENCE_STATUS, dayRange } from '../labels';
import { RouteLink } from '../components/route-link';

/** The conferences, by first day, searched and paged; each opens its own page. */
export function ConferencesPage() {
  return (
    <>
      <Title order={1} mb="md">
        Конференции
      </Title>
      <PagedSearch
        label="Поиск конференций по названию, городу или месту"
        document={ConferencesQuery}
        connectionOf={(data) => data.conferences}
      >
        {(nodes) => (
          <DataTable
            headers={['Конференция', 'Даты', 'Состояние']}
            rows={nodes.map((conference) => {
              return {
                key: conference.id,
                cells: [
                  <>
                    <RouteLink route={{ page: 'conference', id: conference.id }}>
                      {conference.title}
                    </RouteLink>
                    <div>
                      {CONFERENCE_KIND[conference.kind]}, {conference.city}
                    </div>
                  </>,
                  dayRange(conference.startsOn, conference.endsOn),
                  <Badge variant="light">{CONFERENCE_STATUS[conference.status]}</Badge>,
                ],
              };
            })}
          />
        )}
      </PagedSearch>
    </>
  );
}
