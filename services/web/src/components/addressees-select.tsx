import { MultiSelect } from '@mantine/core';
import { useMemo } from 'react';
import { useQuery } from 'urql';

import { AddresseeOrganizationsQuery } from '../graphql/accounts';
import { ApiErrorAlert } from './api-error';

/**
 * The directory's ministries, agencies and parliamentary committees (those that have a clerk's
 * inbox) as options: for addressees, and for the organisation of an addressee's account.
 */
export function useAddresseeOptions() {
  const [{ data, error }] = useQuery({ query: AddresseeOrganizationsQuery });
  const options = useMemo(
    () =>
      data
        ? [...data.ministries.edges, ...data.agencies.edges, ...data.committees.edges].map(
            ({ node }) => ({
              value: node.id,
              label: node.shortName ? `${node.shortName} — ${node.name}` : node.name,
            }),
          )
        : [],
    [data],
  );
  return { options, error };
}

/**
 * The organisations a resolution may be addressed to: the ministries, agencies and parliamentary
 * committees of the directory (those that have a clerk's inbox), found by typing.
 */
export function AddresseesSelect({
  value,
  onChange,
}: {
  value: string[];
  onChange: (ids: string[]) => void;
}) {
  const { options, error } = useAddresseeOptions();
  return (
    <>
      <ApiErrorAlert error={error} />
      <MultiSelect
        label="Адресаты"
        placeholder={value.length ? undefined : 'Министерства, ведомства, комитеты'}
        data={options}
        value={value}
        onChange={onChange}
        searchable
        clearable
        nothingFoundMessage="Нет такой организации"
      />
    </>
  );
}
