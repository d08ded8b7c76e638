import { defineEvent, type EventOf } from '../define-event';
import { exampleAgendaItem, exampleHeader, exampleIds } from './examples';
import { roundtableHeaderSchema, statementSnapshotSchema } from './parts';

/** A line was added to a live round table's minutes. */
export const roundtableStatementRecordedV1 = defineEvent({
  type: 'statement-recorded',
  version: 1,
  aggregate: 'roundtable',
  description:
    'A line was added to the minutes of a live round table: who spoke, on which question, what ' +
    'they said, when, and its place in the minutes.',
  data: roundtableHeaderSchema.extend({ statement: statementSnapshotSchema }),
  example: {
    ...exampleHeader,
    statement: {
      id: '6650a1f0c2b9e4a1d3f00631',
      sequence: 17,
      speaker: { kind: 'PERSON', id: exampleIds.speaker },
      agendaItemId: exampleAgendaItem.id,
      text:
        'Если внедрять Индустрию 4.0 только на зарубежных платформах, мы окажемся в «мягкой ' +
        'ловушке»: оборудование работает, пока поставщик этого хочет. Кластерам нужны свои ' +
        'решения и свои инженеры, и проекты под них стоит включать в дорожные карты НТИ.',
      recordedAt: '2016-11-10T12:14:30+03:00',
    },
  },
});
/** A line was added to a live round table's minutes. */
export type RoundtableStatementRecordedV1 = EventOf<typeof roundtableStatementRecordedV1>;

/** Every statement event, newest versions included. */
export const roundtableStatementEvents = [roundtableStatementRecordedV1] as const;
