import { ConnectionArgs, pageRequest, toConnection } from '@kollegia/service-kit';
import { Arg, Args, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';

import { toControlItemFilter } from '../control-item/control-item.resolver';
import { ControlItemFilterInput } from '../control-item/control-item.input';
import { ControlItemConnection } from '../control-item/control-item.type';
import type { RecommendationsContext } from '../context';
import { ConferenceRef } from './conference.ref';
import { RoundtableRef } from './roundtable.ref';

const filterArg = () => ControlItemFilterInput;

/**
 * A conference's chain of follow-up, next to its recommendations: the items its round tables
 * took under control.
 */
@Resolver(() => ConferenceRef)
export class ConferenceControlItemsResolver {
  @FieldResolver(() => ControlItemConnection, {
    description: 'The items its round tables took under control that you may see, in order.',
  })
  async controlItems(
    @Root() conference: ConferenceRef,
    @Args() page: ConnectionArgs,
    @Arg('filter', filterArg, { nullable: true }) filter: ControlItemFilterInput | null,
    @Ctx() ctx: RecommendationsContext,
  ) {
    return toConnection(
      await ctx.useCases.controlItems.search(
        ctx.command,
        toControlItemFilter(filter, { conferenceId: conference.id }),
        pageRequest(page),
      ),
    );
  }
}

/** The items a round table took under control. */
@Resolver(() => RoundtableRef)
export class RoundtableControlItemsResolver {
  @FieldResolver(() => ControlItemConnection, {
    description: 'The items it took under control that you may see, in order.',
  })
  async controlItems(
    @Root() roundtable: RoundtableRef,
    @Args() page: ConnectionArgs,
    @Arg('filter', filterArg, { nullable: true }) filter: ControlItemFilterInput | null,
    @Ctx() ctx: RecommendationsContext,
  ) {
    return toConnection(
      await ctx.useCases.controlItems.search(
        ctx.command,
        toControlItemFilter(filter, { roundtableId: roundtable.id }),
        pageRequest(page),
      ),
    );
  }
}
