import { ConnectionArgs, LongText, pageRequest, toConnection } from '@kollegia/service-kit';
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

import type { Roundtable } from '../../domain/roundtable';
import { ConferenceType } from '../conference/conference.type';
import type { RoundtablesContext } from '../context';
import { OCCURRED_AT } from '@kollegia/service-kit';
import { CommunityRef } from '../foreign/community.ref';
import { shownMember } from '../foreign/shown-members';
import { ResolutionStatus } from '../shared/enums';
import { PartyUnion, toParty } from '../shared/party';
import { StatementConnection } from '../statement/statement.connection';
import { AgendaItemType, ParticipantType, ResolutionType } from './parts.type';
import { RecordSittingInput } from './record-sitting.input';
import { RoundtableConnection } from './roundtable.connection';
import {
  RedateSittingInput,
  RescheduleRoundtableInput,
  RoundtableFilterInput,
  ScheduleRoundtableInput,
  UpdateRoundtableInput,
} from './roundtable.input';
import { RoundtableType } from './roundtable.type';

@Resolver(() => RoundtableType)
export class RoundtableResolver {
  @Query(() => RoundtableType, { nullable: true, description: 'A round table you may see.' })
  roundtable(@Arg('id', () => ID) id: string, @Ctx() ctx: RoundtablesContext) {
    return ctx.useCases.roundtables.find(ctx.command, id);
  }

  @Query(() => RoundtableConnection, { description: 'Round tables, in the order they sit.' })
  async roundtables(
    @Args() page: ConnectionArgs,
    @Arg('filter', () => RoundtableFilterInput, { nullable: true })
    filter: RoundtableFilterInput | null,
    @Ctx() ctx: RoundtablesContext,
  ) {
    return toConnection(
      await ctx.useCases.roundtables.search(ctx.command, filter ?? {}, pageRequest(page)),
    );
  }

  @Mutation(() => RoundtableType)
  scheduleRoundtable(@Arg('input') input: ScheduleRoundtableInput, @Ctx() ctx: RoundtablesContext) {
    return ctx.useCases.roundtables.schedule(ctx.command, input);
  }

  @Mutation(() => RoundtableType, {
    description:
      'Records a concluded sitting from its minutes in one go — participants, agenda with results, statements with their times, resolutions — announcing the events a live sitting would have (every time as it happened). Its minutes take corrections until approveMinutes.',
  })
  recordSitting(@Arg('input') input: RecordSittingInput, @Ctx() ctx: RoundtablesContext) {
    return ctx.useCases.roundtables.recordSitting(ctx.command, input);
  }

  @Mutation(() => RoundtableType, { description: 'Changes anything but the time and place.' })
  updateRoundtable(
    @Arg('id', () => ID) id: string,
    @Arg('expectedVersion', () => Int) expectedVersion: number,
    @Arg('input') input: UpdateRoundtableInput,
    @Ctx() ctx: RoundtablesContext,
  ) {
    return ctx.useCases.roundtables.update(ctx.command, id, expectedVersion, input as never);
  }

  @Mutation(() => RoundtableType, { description: 'Moves a SCHEDULED round table.' })
  rescheduleRoundtable(
    @Arg('id', () => ID) id: string,
    @Arg('expectedVersion', () => Int) expectedVersion: number,
    @Arg('input') input: RescheduleRoundtableInput,
    @Ctx() ctx: RoundtablesContext,
  ) {
    return ctx.useCases.roundtables.reschedule(ctx.command, id, expectedVersion, input as never);
  }

  @Mutation(() => RoundtableType, { description: 'SCHEDULED → LIVE.' })
  startRoundtable(
    @Arg('id', () => ID) id: string,
    @Arg('expectedVersion', () => Int) expectedVersion: number,
    @Arg('startedAt', () => Date, { nullable: true, description: OCCURRED_AT })
    occurredAt: Date | null,
    @Ctx() ctx: RoundtablesContext,
  ) {
    return ctx.useCases.roundtables.start(ctx.command, id, expectedVersion, { occurredAt });
  }

  @Mutation(() => RoundtableType, {
    description:
      'LIVE → CONCLUDED: proposed resolutions are adopted, frozen and announced. The minutes take corrections until approveMinutes.',
  })
  concludeRoundtable(
    @Arg('id', () => ID) id: string,
    @Arg('expectedVersion', () => Int) expectedVersion: number,
    @Arg('concludedAt', () => Date, {
      nullable: true,
      description: `${OCCURRED_AT} Not before anything on record of the sitting.`,
    })
    occurredAt: Date | null,
    @Ctx() ctx: RoundtablesContext,
  ) {
    return ctx.useCases.roundtables.conclude(ctx.command, id, expectedVersion, { occurredAt });
  }

  @Mutation(() => RoundtableType, {
    description:
      'Approves the minutes of a CONCLUDED round table: from then on statements, results and participants refuse corrections (CONFLICT, status APPROVED).',
  })
  approveMinutes(
    @Arg('id', () => ID) id: string,
    @Arg('expectedVersion', () => Int) expectedVersion: number,
    @Arg('approvedAt', () => Date, {
      nullable: true,
      description: `${OCCURRED_AT} Not before the round table concluded.`,
    })
    occurredAt: Date | null,
    @Ctx() ctx: RoundtablesContext,
  ) {
    return ctx.useCases.roundtables.approveMinutes(ctx.command, id, expectedVersion, {
      occurredAt,
    });
  }

  @Mutation(() => RoundtableType, {
    description:
      'Corrects when a CONCLUDED sitting sat (a past meeting recorded with the wrong times), until approveMinutes: every question taken up or closed and every statement said moves with it, mapped in proportion from the old span onto the new one. Announced as roundtable.redated.',
  })
  redateSitting(@Arg('input') input: RedateSittingInput, @Ctx() ctx: RoundtablesContext) {
    return ctx.useCases.roundtables.redate(ctx.command, input.id, input.expectedVersion, {
      startedAt: input.startedAt,
      concludedAt: input.concludedAt,
    });
  }

  @LongText('reason')
  @Mutation(() => RoundtableType, { description: 'SCHEDULED or LIVE → CANCELLED.' })
  cancelRoundtable(
    @Arg('id', () => ID) id: string,
    @Arg('expectedVersion', () => Int) expectedVersion: number,
    @Arg('reason') reason: string,
    @Ctx() ctx: RoundtablesContext,
  ) {
    return ctx.useCases.roundtables.cancel(ctx.command, id, expectedVersion, reason);
  }

  @FieldResolver(() => ConferenceType, { nullable: true })
  conference(@Root() roundtable: Roundtable, @Ctx() ctx: RoundtablesContext) {
    return roundtable.conferenceId ? ctx.loaders.conferences.load(roundtable.conferenceId) : null;
  }

  @FieldResolver(() => CommunityRef, {
    nullable: true,
    description: 'The working group (a community of members) that held it.',
  })
  workingGroup(@Root() roundtable: Roundtable): CommunityRef | null {
    return roundtable.workingGroupId ? { id: roundtable.workingGroupId } : null;
  }

  @FieldResolver(() => PartyUnion, {
    nullable: true,
    description:
      'Null when you may not see it (an unpublished organisation), or when the directory does not know it.',
  })
  async moderator(@Root() roundtable: Roundtable, @Ctx() ctx: RoundtablesContext) {
    const shown = await shownMember(ctx, roundtable.moderator);
    return shown && toParty(shown);
  }

  @FieldResolver(() => [ParticipantType])
  participants(@Root() roundtable: Roundtable) {
    return roundtable.participants;
  }

  @FieldResolver(() => [AgendaItemType], { description: 'The questions, in order.' })
  agenda(@Root() roundtable: Roundtable): AgendaItemType[] {
    return roundtable.agenda.map((item, index) => ({ ...item, position: index + 1 }));
  }

  @FieldResolver(() => [ResolutionType])
  resolutions(
    @Root() roundtable: Roundtable,
    @Arg('status', () => ResolutionStatus, { nullable: true })
    status: keyof typeof ResolutionStatus | null,
  ) {
    return roundtable.resolutions.filter((resolution) => !status || resolution.status === status);
  }

  @FieldResolver(() => StatementConnection, {
    description: 'The minutes, line by line, by sequence.',
  })
  async statements(
    @Root() roundtable: Roundtable,
    @Args() page: ConnectionArgs,
    @Ctx() ctx: RoundtablesContext,
  ) {
    return toConnection(await ctx.useCases.statements.page(roundtable, pageRequest(page)));
  }
}
