import { Tabs, Title } from '@mantine/core';

import { DataTable } from '../components/data-table';
import { PagedSearch } from '../components/paged-search';
import {
  DirectoryOrganizationsQuery,
  DirectoryPeopleQuery,
  DirectoryWorkingGroupsQuery,
} from '../graphql/operations';
import { COMMUNITY_STATUS, ORGANIZATION_KIND } from '../labels';

/** The members directory: organisations, people and working groups, searched and paged. */
export function DirectoryPage() {
  return (
    <>
      <Title order={1} mb="md">
        Справочник
      </Title>
      <Tabs defaultValue="organizations" keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="organizations">Организации</Tabs.Tab>
          <Tabs.Tab value="people">Люди</Tabs.Tab>
          <Tabs.Tab value="groups">Рабочие группы</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="organizations">
          <PagedSearch
            label="Поиск организаций по названию, ИНН или ОГРН"
            document={DirectoryOrganizationsQuery}
            connectionOf={(data) => data.organizations}
          >
            {(nodes) => (
              <DataTable
                headers={['Организация', 'Вид', 'Регион']}
                rows={nodes.map((org) => ({
                  key: org.id,
                  cells: [
                    <>
                      <strong>{org.shortName}</strong>
                      {org.name !== org.shortName ? <div>{org.name}</div> : null}
                    </>,
                    ORGANIZATION_KIND[org.kind],
                    org.subdivision,
                  ],
                }))}
              />
            )}
          </PagedSearch>
        </Tabs.Panel>
        <Tabs.Panel value="people">
          <PagedSearch
            label="Поиск людей по имени или должности"
            document={DirectoryPeopleQuery}
            connectionOf={(data) => data.people}
          >
            {(nodes) => (
              <DataTable
                headers={['Имя', 'Должность', 'Организация']}
                rows={nodes.map((person) => ({
                  key: person.id,
                  cells: [
                    person.fullName,
                    person.position ?? '—',
                    person.organization?.shortName ?? '—',
                  ],
                }))}
              />
            )}
          </PagedSearch>
        </Tabs.Panel>
        <Tabs.Panel value="groups">
          <PagedSearch
            label="Поиск рабочих групп по названию"
            document={DirectoryWorkingGroupsQuery}
            connectionOf={(data) => data.communities}
          >
            {(nodes) => (
              <DataTable
                headers={['Рабочая группа', 'Участников', 'Состояние']}
                rows={nodes.map((group) => ({
                  key: group.id,
                  cells: [
                    group.name,
                    group.members.totalCount,
                    `${COMMUNITY_STATUS[group.status]}${group.validUntil ? `, до ${group.validUntil}` : ''}`,
                  ],
                }))}
              />
            )}
          </PagedSearch>
        </Tabs.Panel>
      </Tabs>
    </>
  );
}
