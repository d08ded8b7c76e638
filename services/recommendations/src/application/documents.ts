import { recommendationStatusSchema, type RecommendationStatus } from '@kollegia/events';
import {
  decodeCursor,
  type GeneratedDocument,
  type KeysetCursor,
  MAX_PAGE_SIZE,
  NameBook,
  type Page,
  type PageRequest,
} from '@kollegia/service-kit';

import { progressReport } from '../documents/progress-report';
import type { CommandContext } from './context';
import type { ControlItemUseCases } from './control-items';
import type { MemberUseCases } from './members';
import type { RecommendationQueries } from './queries';

/** A draft is the secretary's work in progress, not yet a recommendation of the conference. */
const REPORTED: RecommendationStatus[] = recommendationStatusSchema.options.filter(
  (status) => status !== 'DRAFT',
);

/** Every item of a paged read, page after page. */
async function everyPage<T>(read: (page: PageRequest) => Promise<Page<T>>): Promise<T[]> {
  const items: T[] = [];
  for (let after: KeysetCursor | undefined; ;) {
    const page = await read({ limit: MAX_PAGE_SIZE, ...(after ? { after } : {}) });
    items.push(...page.items);
    if (!page.hasNextPage) return items;
    after = decodeCursor(page.cursors.at(-1)!);
  }
}

/**
 * The documents generated from the recommendations, on request (never stored): what each says is
 * as of the moment it is asked for, with the current names from the directory read model.
 */
export class RecommendationDocuments {
  constructor(
    private readonly deps: {
      queries: RecommendationQueries;
      controlItems: ControlItemUseCases;
      members: MemberUseCases;
    },
  ) {}

  /**
   * «Ход исполнения рекомендаций по итогам …»: every recommendation of the conference the caller
   * may see (through the same read as `Conference.recommendations`), drafts left out, in code order,
   * and every item under control of it the caller may see (as `Conference.controlItems`).
   */
  async progressReport(
    context: CommandContext,
    conference: { id: string; title: string },
  ): Promise<GeneratedDocument> {
    const recommendations = await everyPage((page) =>
      this.deps.queries.search(context, { conferenceId: conference.id, statuses: REPORTED }, page),
    );
    recommendations.sort((a, b) => a.code.localeCompare(b.code, 'ru', { numeric: true }));
    const controlItems = await everyPage((page) =>
      this.deps.controlItems.search(context, { conferenceId: conference.id }, page),
    );
    const names = await this.deps.members.find(context, [
      ...recommendations.flatMap((recommendation) => [
        ...recommendation.addresseeIds.map((id) => ({ kind: 'ORGANIZATION' as const, id })),
        ...(recommendation.responsible ? [recommendation.responsible] : []),
      ]),
      ...controlItems.flatMap((item) => [
        ...(item.controllerId ? [{ kind: 'ORGANIZATION' as const, id: item.controllerId }] : []),
        ...(item.responsible ? [item.responsible] : []),
      ]),
    ]);
    const document = progressReport({
      conference,
      recommendations,
      controlItems,
      names: new NameBook(names, this.deps.members.publishedOnly(context)),
      now: context.now,
      timeZone: this.deps.queries.timeZone,
    });
    return { document, generatedAt: context.now };
  }
}
