import { Anchor, Badge, Title } from '@mantine/core';

import { DataTable } from '../components/data-table';
import { PagedSearch } from '../components/paged-search';
import { RoundtablesQuery } from '../graphql/operations';
import { dateTime, ROUNDTABLE_STATUS } from '../labels';
import { navigate } from '../navigation';
import { pathOf } from '../routes';

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
              const path = pathOf({ page: 'roundtable', id: roundtable.id });
              return {
                key: roundtable.id,
                cells: [
                  <>
                    <Anchor
                      href={path}
                      onClick={(event) => {
                        event.preventDefault();
                        navigate(path);
                      }}
                    >
                      {roundtable.title}
                    </Anchor>
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
