import { ConnectionArgs, pageRequest, toConnection } from '@kollegia/service-kit';
import { Args, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';

import type { RoundtablesContext } from '../context';
import { organizationRef, OrganizationRef } from './organization.ref';
import {
  ParticipationConnection,
  ParticipationType,
  toParticipationType,
} from './participation.type';
import { PersonRef } from './person.ref';
import { shownMember } from './shown-members';

/** What this subgraph adds to members' `Person`: the round tables they took part in. */
@Resolver(() => PersonRef)
export class PersonParticipationsResolver {
  @FieldResolver(() => ParticipationConnection, {
    description: 'The round tables this person moderated or took part in, in the order they sat.',
  })
  async participations(
    @Root() person: PersonRef,
    @Args() page: ConnectionArgs,
    @Ctx() ctx: RoundtablesContext,
  ) {
    const result = await ctx.useCases.roundtables.participations(
      ctx.command,
      person.id,
      pageRequest(page),
    );
    return toConnection({ ...result, items: result.items.map(toParticipationType) });
  }
}

@Resolver(() => ParticipationType)
export class ParticipationResolver {
  @FieldResolver(() => OrganizationRef, {
    nullable: true,
    description: 'The organisation the person spoke for there; null when you may not see it.',
  })
  async organization(@Root() participation: ParticipationType, @Ctx() ctx: RoundtablesContext) {
    if (!participation.organizationId) return null;
    const shown = await shownMember(ctx, {
      kind: 'ORGANIZATION',
      id: participation.organizationId,
    });
    return shown && organizationRef(shown.id);
  }
}
