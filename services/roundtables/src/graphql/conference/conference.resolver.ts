import { ConnectionArgs, pageRequest, toConnection } from '@kollegia/service-kit';
import {
  Arg,
  Args,
  Ctx,
  FieldResolver,
  ID,
  Int,
  Mutation,
  Query,
  Resolver,
  Root,
} from 'type-graphql';

import type { Conference } from '../../domain/conference';
import type { RoundtablesContext } from '../context';
import { OCCURRED_AT } from '@kollegia/service-kit';
import { organizationRef, OrganizationRef } from '../foreign/organization.ref';
import { shownMembers } from '../foreign/shown-members';
import { RoundtableConnection } from '../roundtable/roundtable.connection';
import { RoundtableStatus } from '../shared/enums';
import { ConferenceConnection } from './conference.connection';
import {
  ConferenceFilterInput,
  ScheduleConferenceInput,
  UpdateConferenceInput,
} from './conference.input';
import { ConferenceType } from './conference.type';

@Resolver(() => ConferenceType)
export class ConferenceResolver {
  @Query(() => ConferenceType, { nullable: true, description: 'A conference you may see.' })
  conference(@Arg('id', () => ID) id: string, @Ctx() ctx: RoundtablesContext) {
    return ctx.useCases.conferences.find(ctx.command, id);
  }

  @Query(() => ConferenceConnection, { description: 'Conferences, by first day.' })
  async conferences(
    @Args() page: ConnectionArgs,
    @Arg('filter', () => ConferenceFilterInput, { nullable: true })
    filter: ConferenceFilterInput | null,
    @Ctx() ctx: RoundtablesContext,
  ) {
    return toConnection(
      await ctx.useCases.conferences.search(ctx.command, filter ?? {}, pageRequest(page)),
    );
  }

  @Mutation(() => ConferenceType)
  scheduleConference(@Arg('input') input: ScheduleConferenceInput, @Ctx() ctx: RoundtablesContext) {
    return ctx.useCases.conferences.schedule(ctx.command, input);
  }

  @Mutation(() => ConferenceType, { description: 'Changes the card; new dates reschedule it.' })
  updateConference(
    @Arg('id', () => ID) id: string,
    @Arg('expectedVersion', () => Int) expectedVersion: number,
    @Arg('input') input: UpdateConferenceInput,
    @Ctx() ctx: RoundtablesContext,
  ) {
    return ctx.useCases.conferences.update(ctx.command, id, expectedVersion, input as never);
  }

  @Mutation(() => ConferenceType, { description: 'PLANNED → OPEN.' })
  openConference(
    @Arg('id', () => ID) id: string,
    @Arg('expectedVersion', () => Int) expectedVersion: number,
    @Arg('openedAt', () => Date, { nullable: true, description: OCCURRED_AT })
    occurredAt: Date | null,
    @Ctx() ctx: RoundtablesContext,
  ) {
    return ctx.useCases.conferences.open(ctx.command, id, expectedVersion, { occurredAt });
  }

  @Mutation(() => ConferenceType, { description: 'OPEN → CLOSED.' })
  closeConference(
    @Arg('id', () => ID) id: string,
    @Arg('expectedVersion', () => Int) expectedVersion: number,
    @Arg('closedAt', () => Date, {
      nullable: true,
      description: `${OCCURRED_AT} Not before it opened.`,
    })
    occurredAt: Date | null,
    @Ctx() ctx: RoundtablesContext,
  ) {
    return ctx.useCases.conferences.close(ctx.command, id, expectedVersion, { occurredAt });
  }

  @FieldResolver(() => [OrganizationRef], {
    description: 'The organising organisations (those you may see).',
  })
  async organizers(@Root() conference: Conference, @Ctx() ctx: RoundtablesContext) {
    const shown = await shownMembers(
      ctx,
      conference.organizerIds.map((id) => ({ kind: 'ORGANIZATION' as const, id })),
    );
    return shown.map((ref) => organizationRef(ref.id));
  }

  @FieldResolver(() => RoundtableConnection, {
    description: 'Its round tables, in the order they sit.',
  })
  async roundtables(
    @Root() conference: Conference,
    @Args() page: ConnectionArgs,
    @Arg('status', () => RoundtableStatus, { nullable: true })
    status: keyof typeof RoundtableStatus | null,
    @Ctx() ctx: RoundtablesContext,
  ) {
    return toConnection(
      await ctx.loaders.conferenceRoundtables.load({
        conferenceId: conference.id,
        status,
        page: pageRequest(page),
      }),
    );
  }
}
