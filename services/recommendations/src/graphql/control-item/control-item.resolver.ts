import { ConnectionArgs, LongText, pageRequest, toConnection } from '@kollegia/service-kit';
import { Arg, Args, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';

import type { ControlItemFilter } from '../../db/control-item.repository';
import type { ControlItem } from '../../domain/control-item';
import type { RecommendationsContext } from '../context';
import { OCCURRED_AT } from '@kollegia/service-kit';
import {
  ControlItemFilterInput,
  ControlItemProgressInput,
  ExtendControlItemInput,
} from './control-item.input';
import { ControlItemConnection, ControlItemType } from './control-item.type';

/** The GraphQL filter as the repository takes it, with what a parent field fixes. */
export function toControlItemFilter(
  input: ControlItemFilterInput | null | undefined,
  fixed: Partial<ControlItemFilter> = {},
): ControlItemFilter {
  return {
    statuses: input?.status ?? null,
    conferenceId: input?.conferenceId ?? null,
    roundtableId: input?.roundtableId ?? null,
    controllerId: input?.controllerId ?? null,
    responsibleId: input?.responsibleId ?? null,
    overdue: input?.overdue ?? null,
    ...fixed,
  };
}

/** Federation: `ControlItem` references, batched per request. */
export function resolveControlItemReference(
  reference: { id: string },
  context: RecommendationsContext,
): Promise<ControlItem | undefined> {
  return context.loaders.controlItems.load(reference.id);
}

/** Reading and changing items under control. */
@Resolver(() => ControlItemType)
export class ControlItemResolver {
  @Query(() => ControlItemType, {
    nullable: true,
    description: 'An item under control you may see.',
  })
  controlItem(@Arg('id', () => ID) id: string, @Ctx() ctx: RecommendationsContext) {
    return ctx.useCases.controlItems.find(ctx.command, id);
  }

  @Query(() => ControlItemConnection, {
    description: 'The items under control you may see, in the order they were taken.',
  })
  async controlItems(
    @Args() page: ConnectionArgs,
    @Arg('filter', () => ControlItemFilterInput, { nullable: true })
    filter: ControlItemFilterInput | null,
    @Ctx() ctx: RecommendationsContext,
  ) {
    return toConnection(
      await ctx.useCases.controlItems.search(
        ctx.command,
        toControlItemFilter(filter),
        pageRequest(page),
      ),
    );
  }

  @Mutation(() => ControlItemType, {
    description:
      'The responsible side reports progress (an addressee user of its organisation too).',
  })
  reportControlItemProgress(
    @Arg('id', () => ID) id: string,
    @Arg('expectedVersion', () => Int) expectedVersion: number,
    @Arg('input') input: ControlItemProgressInput,
    @Ctx() ctx: RecommendationsContext,
  ) {
    return ctx.useCases.controlItems.reportProgress(ctx.command, id, expectedVersion, {
      text: input.text,
      percent: input.percent ?? null,
      author: input.author ? { kind: input.author.kind, id: input.author.id } : null,
      reportedAt: input.reportedAt,
    });
  }

  @Mutation(() => ControlItemType, {
    description: 'The controller (or a secretary) moves the due date on.',
  })
  extendControlItem(
    @Arg('id', () => ID) id: string,
    @Arg('expectedVersion', () => Int) expectedVersion: number,
    @Arg('input') input: ExtendControlItemInput,
    @Ctx() ctx: RecommendationsContext,
  ) {
    return ctx.useCases.controlItems.extend(ctx.command, id, expectedVersion, {
      dueDate: input.dueDate,
      reason: input.reason ?? null,
      extendedAt: input.extendedAt,
    });
  }

  @LongText('note')
  @Mutation(() => ControlItemType, {
    description: 'The controller (or a secretary) marks it done (→ DONE).',
  })
  markControlItemDone(
    @Arg('id', () => ID) id: string,
    @Arg('expectedVersion', () => Int) expectedVersion: number,
    @Arg('note', () => String, { nullable: true }) note: string | null,
    @Arg('closedAt', () => Date, { nullable: true, description: OCCURRED_AT })
    closedAt: Date | null,
    @Ctx() ctx: RecommendationsContext,
  ) {
    return ctx.useCases.controlItems.markDone(ctx.command, id, expectedVersion, { note, closedAt });
  }

  @LongText('reason')
  @Mutation(() => ControlItemType, {
    description:
      'The controller (or a secretary) removes it from control (снято с контроля, → REMOVED).',
  })
  removeFromControl(
    @Arg('id', () => ID) id: string,
    @Arg('expectedVersion', () => Int) expectedVersion: number,
    @Arg('reason') reason: string,
    @Arg('closedAt', () => Date, { nullable: true, description: OCCURRED_AT })
    closedAt: Date | null,
    @Ctx() ctx: RecommendationsContext,
  ) {
    return ctx.useCases.controlItems.remove(ctx.command, id, expectedVersion, {
      reason,
      closedAt,
    });
  }
}
