import { Badge, Title } from '@mantine/core';

import { DataTable } from '../components/data-table';
import { PagedSearch } from '../components/paged-search';
import { RoundtablesQuery } from '../graphql/operations';
import { dateTime, ROUNDTABLE_STATUS } from '../labels';
import { RouteLink } from '../components/route-link';

/** The sittings, in the order they sit, searched and paged; each opens its own page. */
export function RoundtablesPage() {
  return (
    <>
      <Title order={1} mb="md">
        Заседания
      </Title>
      <PagedSearch
        label="Поиск заседаний по названию, месту или повестке"
        document={RoundtablesQuery}
        connectionOf={(data) => data.roundtables}
      >
        {(nodes) => (
          <DataTable
            headers={['Заседание', 'Начало', 'Состояние']}
            rows={nodes.map((roundtable) => {
              return {
                key: roundtable.id,
                cells: [
                  <>
                    <RouteLink route={{ page: 'roundtable', id: roundtable.id }}>
                      {roundtable.title}
                    </RouteLink>
                    {roundtable.conference ? <div>{roundtable.conference.title}</div> : null}
                  </>,
                  dateTime(roundtable.startsAt),
                  <Badge variant="light">{ROUNDTABLE_STATUS[roundtable.status]}</Badge>,
                ],
              };
            })}
          />
        )}
      </PagedSearch>
    </>
  );
}
