import { z } from 'zod';
import { defineEvent, type EventOf } from '../define-event';
import { aggregateIdSchema, calendarDateSchema, textSchema } from '../shared-schemas';
import { communityKindSchema, communityStatusSchema } from './enums';

/** A community as every consumer may know it. */
export const communitySnapshotSchema = z.object({
  id: aggregateIdSchema,
  name: textSchema,
  kind: communityKindSchema,
  description: textSchema.optional(),
  parentId: aggregateIdSchema.optional().describe('The community this one belongs to, if any.'),
  validUntil: calendarDateSchema.optional().describe('Last day of a temporary community.'),
  status: communityStatusSchema,
  published: z
    .boolean()
    .describe('Visible to partners (read-only API clients); internal otherwise.'),
});
/** A community as every consumer may know it. */
export type CommunitySnapshot = z.infer<typeof communitySnapshotSchema>;

const example = {
  id: '6650a1f0c2b9e4a1d3f00201',
  name: 'Рабочая группа по цифровой трансформации промышленности',
  kind: 'WORKING_GROUP',
  description: 'Готовит предложения по мерам поддержки внедрения отечественного ПО.',
  parentId: '6650a1f0c2b9e4a1d3f00200',
  validUntil: '2026-12-31',
  status: 'ACTIVE',
  published: true,
} satisfies CommunitySnapshot;

/** A community was formed. */
export const communityFormedV1 = defineEvent({
  type: 'formed',
  version: 1,
  aggregate: 'community',
  description: 'A community was formed. Carries the whole community card.',
  data: communitySnapshotSchema,
  example,
});
/** A community was formed. */
export type CommunityFormedV1 = EventOf<typeof communityFormedV1>;

/** The fields a `community.updated` event may report as changed. */
export const communityUpdatableFieldSchema = z.enum([
  'name',
  'kind',
  'description',
  'parentId',
  'validUntil',
  'published',
]);

/** A community's card changed. */
export const communityUpdatedV1 = defineEvent({
  type: 'updated',
  version: 1,
  aggregate: 'community',
  description:
    'A community card changed. Carries the whole card after the change and which fields changed; ' +
    'dissolution is announced by community.dissolved.',
  data: communitySnapshotSchema.extend({
    changedFields: z.array(communityUpdatableFieldSchema).min(1),
  }),
  example: { ...example, validUntil: '2027-06-30', changedFields: ['validUntil'] },
});
/** A community's card changed. */
export type CommunityUpdatedV1 = EventOf<typeof communityUpdatedV1>;

/** A community was dissolved. */
export const communityDissolvedV1 = defineEvent({
  type: 'dissolved',
  version: 1,
  aggregate: 'community',
  description: 'A community was dissolved. Carries its name and kind so watchers can say which.',
  data: z.object({
    id: aggregateIdSchema,
    name: textSchema,
    kind: communityKindSchema,
    reason: textSchema.optional(),
  }),
  example: {
    id: example.id,
    name: example.name,
    kind: example.kind,
    reason: 'Поставленные задачи выполнены',
  },
});
/** A community was dissolved. */
export type CommunityDissolvedV1 = EventOf<typeof communityDissolvedV1>;

/** Every community event, newest versions included. */
export const communityEvents = [
  communityFormedV1,
  communityUpdatedV1,
  communityDissolvedV1,
] as const;
