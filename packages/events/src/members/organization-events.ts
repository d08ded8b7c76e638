import { z } from 'zod';
import { defineEvent, type EventOf } from '../define-event';
import { aggregateIdSchema, textSchema } from '../shared-schemas';
import { organizationKindSchema, organizationStatusSchema } from './enums';

/** An organisation as every consumer may know it: the directory card without internal notes. */
export const organizationSnapshotSchema = z.object({
  id: aggregateIdSchema,
  name: textSchema.describe('Full name, e.g. «Ассоциация кластеров и технопарков России».'),
  shortName: textSchema.describe('The name used in lists and documents, e.g. «АКИТ РФ».'),
  kind: organizationKindSchema,
  region: textSchema.describe(
    'Where it sits: an ISO 3166-2 subdivision code, e.g. RU-MOW, BY-HM; its first two letters are ' +
      'the country.',
  ),
  country: z
    .string()
    .regex(/^[A-Z]{2}$/, 'an ISO 3166-1 alpha-2 code, e.g. RU')
    .optional()
    .describe(
      'Its jurisdiction, ISO 3166-1 alpha-2 (e.g. RU, BY). Absent from events recorded before it ' +
        'was added; those are of Russian organisations (RU), as region says.',
    ),
  description: textSchema.optional().describe('What it does, its role, in its own words.'),
  industries: z.array(textSchema),
  inn: z
    .string()
    .regex(/^\d{10}(\d{2})?$/, 'INN has 10 digits (12 for individuals)')
    .optional(),
  ogrn: z
    .string()
    .regex(/^\d{13}(\d{2})?$/, 'OGRN has 13 digits (15 for individual entrepreneurs)')
    .optional(),
  website: z.url({ protocol: /^https?$/ }).optional(),
  parentId: aggregateIdSchema.optional().describe('The parent organisation, if any.'),
  status: organizationStatusSchema,
  published: z
    .boolean()
    .describe('Visible to partners (read-only API clients); internal otherwise.'),
});
/** An organisation as every consumer may know it. */
export type OrganizationSnapshot = z.infer<typeof organizationSnapshotSchema>;

const example = {
  id: '6650a1f0c2b9e4a1d3f00001',
  name: 'Ассоциация кластеров, технопарков и особых экономических зон России',
  shortName: 'АКИТ РФ',
  kind: 'ASSOCIATION',
  region: 'RU-MOW',
  country: 'RU',
  description: 'Объединяет управляющие компании промышленных кластеров и технопарков.',
  industries: ['industrial-policy', 'innovation'],
  inn: '7703400123',
  ogrn: '1157700012345',
  website: 'https://akit.example.ru',
  status: 'ACTIVE',
  published: true,
} satisfies OrganizationSnapshot;

/** An organisation entered the directory. */
export const organizationRegisteredV1 = defineEvent({
  type: 'registered',
  version: 1,
  aggregate: 'organization',
  description: 'An organisation entered the directory. Carries the whole card.',
  data: organizationSnapshotSchema,
  example,
});
/** An organisation entered the directory. */
export type OrganizationRegisteredV1 = EventOf<typeof organizationRegisteredV1>;

/** The fields an `organization.updated` event may report as changed. */
export const organizationUpdatableFieldSchema = z.enum([
  'kind',
  'region',
  'country',
  'description',
  'industries',
  'inn',
  'ogrn',
  'website',
  'parentId',
  'published',
]);

/** An organisation's card changed in anything but its name and status. */
export const organizationUpdatedV1 = defineEvent({
  type: 'updated',
  version: 1,
  aggregate: 'organization',
  description:
    'An organisation card changed. Carries the whole card after the change and which fields changed; ' +
    'name changes are announced by organization.renamed and archiving by organization.archived.',
  data: organizationSnapshotSchema.extend({
    changedFields: z.array(organizationUpdatableFieldSchema).min(1),
  }),
  example: {
    ...example,
    industries: ['industrial-policy', 'innovation', 'ai'],
    changedFields: ['industries'],
  },
});
/** An organisation's card changed in anything but its name and status. */
export type OrganizationUpdatedV1 = EventOf<typeof organizationUpdatedV1>;

/** An organisation changed its name or short name. */
export const organizationRenamedV1 = defineEvent({
  type: 'renamed',
  version: 1,
  aggregate: 'organization',
  description:
    'An organisation changed its name or short name. Other services refresh the names they keep.',
  data: z.object({
    id: aggregateIdSchema,
    name: textSchema,
    shortName: textSchema,
    previousName: textSchema,
    previousShortName: textSchema,
  }),
  example: {
    id: example.id,
    name: 'Ассоциация кластеров, технопарков и ОЭЗ России',
    shortName: 'АКИТ РФ',
    previousName: example.name,
    previousShortName: example.shortName,
  },
});
/** An organisation changed its name or short name. */
export type OrganizationRenamedV1 = EventOf<typeof organizationRenamedV1>;

/** An organisation left the directory's active part. */
export const organizationArchivedV1 = defineEvent({
  type: 'archived',
  version: 1,
  aggregate: 'organization',
  description:
    'An organisation was archived: it stays referenced by past material but is no longer addressed.',
  data: z.object({
    id: aggregateIdSchema,
    name: textSchema,
    shortName: textSchema,
    reason: textSchema.optional(),
  }),
  example: {
    id: example.id,
    name: example.name,
    shortName: example.shortName,
    reason: 'Reorganised into a new legal entity',
  },
});
/** An organisation left the directory's active part. */
export type OrganizationArchivedV1 = EventOf<typeof organizationArchivedV1>;

/** Every organisation event, newest versions included. */
export const organizationEvents = [
  organizationRegisteredV1,
  organizationUpdatedV1,
  organizationRenamedV1,
  organizationArchivedV1,
] as const;
