import { z } from 'zod';
import { defineEvent, type EventOf } from '../define-event';
import { aggregateIdSchema, textSchema } from '../shared-schemas';

/**
 * A person as every consumer may know them. Contacts (e-mail, phone) are personal data that stay in
 * the members service, so they are not part of any event.
 */
export const personSnapshotSchema = z.object({
  id: aggregateIdSchema,
  fullName: textSchema.describe('As the person signs, e.g. «Иванова Мария Сергеевна».'),
  position: textSchema.optional().describe('Job title in the organisation.'),
  organizationId: aggregateIdSchema.optional().describe('The organisation the person works for.'),
  expertise: z.array(textSchema).describe('Expertise tags.'),
});
/** A person as every consumer may know them. */
export type PersonSnapshot = z.infer<typeof personSnapshotSchema>;

const example = {
  id: '6650a1f0c2b9e4a1d3f00101',
  fullName: 'Иванова Мария Сергеевна',
  position: 'Директор по развитию',
  organizationId: '6650a1f0c2b9e4a1d3f00001',
  expertise: ['industrial-policy', 'digital-transformation'],
} satisfies PersonSnapshot;

/** A person entered the directory. */
export const personRegisteredV1 = defineEvent({
  type: 'registered',
  version: 1,
  aggregate: 'person',
  description: 'A person entered the directory. Carries the public card, never the contacts.',
  data: personSnapshotSchema,
  example,
});
/** A person entered the directory. */
export type PersonRegisteredV1 = EventOf<typeof personRegisteredV1>;

/** The fields a `person.updated` event may report as changed. */
export const personUpdatableFieldSchema = z.enum([
  'fullName',
  'position',
  'organizationId',
  'expertise',
]);

/** A person's public card changed. */
export const personUpdatedV1 = defineEvent({
  type: 'updated',
  version: 1,
  aggregate: 'person',
  description:
    "A person's public card changed. Carries the whole card after the change and which fields " +
    'changed; a change of contacts alone publishes nothing.',
  data: personSnapshotSchema.extend({
    changedFields: z.array(personUpdatableFieldSchema).min(1),
  }),
  example: { ...example, position: 'Вице-президент', changedFields: ['position'] },
});
/** A person's public card changed. */
export type PersonUpdatedV1 = EventOf<typeof personUpdatedV1>;

/** Every person event, newest versions included. */
export const personEvents = [personRegisteredV1, personUpdatedV1] as const;
