import { Table } from '@mantine/core';
import type { ReactNode } from 'react';

/** A row of a `DataTable`: its key and its cells, in the order of the headers. */
export interface DataRow {
  key: string;
  cells: ReactNode[];
}

/** A striped table that scrolls sideways on a phone rather than squeezing its columns. */
export function DataTable({ headers, rows }: { headers: string[]; rows: DataRow[] }) {
  return (
    <Table.ScrollContainer minWidth={320}>
      <Table striped>
        <Table.Thead>
          <Table.Tr>
            {headers.map((header) => (
              <Table.Th key={header}>{header}</Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={row.key}>
              {row.cells.map((cell, index) => (
                <Table.Td key={headers[index] ?? index}>{cell}</Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
