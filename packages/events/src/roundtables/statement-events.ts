import { z } from 'zod';
import { defineEvent, type EventOf } from '../define-event';
import { exampleAgendaItem, exampleHeader, exampleIds } from './examples';
import { roundtableHeaderSchema, statementSnapshotSchema } from './parts';

/** A line was added to a live round table's minutes. */
export const roundtableStatementRecordedV1 = defineEvent({
  type: 'statement-recorded',
  version: 1,
  aggregate: 'roundtable',
  description:
    'A line was added to the minutes: who spoke, on which question, what they said, when it was ' +
    'said and when recorded, and its place in the minutes. Typed live, or typed up from the ' +
    'minutes of a concluded round table until they are approved.',
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
      occurredAt: '2016-11-10T12:14:00+03:00',
    },
  },
});
/** A line was added to a live round table's minutes. */
export type RoundtableStatementRecordedV1 = EventOf<typeof roundtableStatementRecordedV1>;

/** The fields a `roundtable.statement-corrected` event may report as changed. */
export const statementCorrectableFieldSchema = z.enum([
  'speaker',
  'agendaItemId',
  'text',
  'occurredAt',
]);
/** The fields a `roundtable.statement-corrected` event may report as changed. */
export type StatementCorrectableField = z.infer<typeof statementCorrectableFieldSchema>;

/** A line of the minutes was corrected before the minutes were approved. */
export const roundtableStatementCorrectedV1 = defineEvent({
  type: 'statement-corrected',
  version: 1,
  aggregate: 'roundtable',
  description:
    'A line of the minutes was corrected (who spoke, on which question, what was said, when), ' +
    'while the round table sat or after it concluded, until its minutes were approved. Carries the ' +
    'whole statement after the correction (same id and sequence, `revision` one higher) and which ' +
    'fields changed; a consumer keeps the highest revision.',
  data: roundtableHeaderSchema.extend({
    statement: statementSnapshotSchema.extend({
      revision: z.number().int().min(1).describe('1 for the first correction, then 2, 3, …'),
    }),
    changedFields: z.array(statementCorrectableFieldSchema).min(1),
  }),
  example: {
    ...exampleHeader,
    statement: {
      id: '6650a1f0c2b9e4a1d3f00631',
      sequence: 17,
      speaker: { kind: 'PERSON', id: exampleIds.speaker },
      agendaItemId: exampleAgendaItem.id,
      text:
        'Если внедрять Индустрию 4.0 только на зарубежных платформах, кластеры окажутся в «мягкой ' +
        'ловушке». Нужны свои решения и свои инженеры; проекты под них — в дорожные карты НТИ.',
      recordedAt: '2016-11-10T12:14:30+03:00',
      occurredAt: '2016-11-10T12:14:00+03:00',
      revision: 1,
    },
    changedFields: ['text'],
  },
});
/** A line of the minutes was corrected. */
export type RoundtableStatementCorrectedV1 = EventOf<typeof roundtableStatementCorrectedV1>;

/** Every statement event, newest versions included. */
export const roundtableStatementEvents = [
  roundtableStatementRecordedV1,
  roundtableStatementCorrectedV1,
] as const;
