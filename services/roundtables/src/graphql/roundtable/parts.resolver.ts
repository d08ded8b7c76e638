import { LongText } from '@kollegia/service-kit';
import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Resolver, Root } from 'type-graphql';

import type { ResolutionDraft } from '../../domain/resolutions';
import { type Participant, questionsOf, type Resolution } from '../../domain/roundtable';
import type { RoundtablesContext } from '../context';
import { OCCURRED_AT } from '@kollegia/service-kit';
import { organizationRef, OrganizationRef } from '../foreign/organization.ref';
import { personRef, PersonRef } from '../foreign/person.ref';
import { shownMember, shownMembers } from '../foreign/shown-members';
import { Attendance } from '../shared/enums';
import { PartyUnion, toParty } from '../shared/party';
import {
  AgendaItemInput,
  AmendResolutionInput,
  ProposeResolutionInput,
  RegisterParticipantInput,
} from './parts.input';
import { ParticipantType, ResolutionType } from './parts.type';
import { RoundtableType } from './roundtable.type';

/** Participants, agenda and resolutions: each change returns the round table at its new version. */
@Resolver(() => RoundtableType)
export class RoundtablePartsResolver {
  @Mutation(() => RoundtableType)
  registerParticipant(
    @Arg('roundtableId', () => ID) id: string,
    @Arg('expectedVersion', () => Int) v: number,
    @Arg('input') input: RegisterParticipantInput,
    @Ctx() ctx: RoundtablesContext,
  ) {
    return ctx.useCases.parts.registerParticipant(ctx.command, id, v, input);
  }

  @Mutation(() => RoundtableType)
  markAttendance(
    @Arg('roundtableId', () => ID) id: string,
    @Arg('expectedVersion', () => Int) v: number,
    @Arg('participantId', () => ID) participantId: string,
    @Arg('attendance', () => Attendance) attendance: keyof typeof Attendance,
    @Ctx() ctx: RoundtablesContext,
  ) {
    return ctx.useCases.parts.markAttendance(ctx.command, id, v, { participantId, attendance });
  }

  @LongText('reason')
  @Mutation(() => RoundtableType, { description: 'Statements they made stay in the minutes.' })
  removeParticipant(
    @Arg('roundtableId', () => ID) id: string,
    @Arg('expectedVersion', () => Int) v: number,
    @Arg('participantId', () => ID) participantId: string,
    @Arg('reason', () => String, { nullable: true }) reason: string | null,
    @Ctx() ctx: RoundtablesContext,
  ) {
    return ctx.useCases.parts.removeParticipant(ctx.command, id, v, { participantId, reason });
  }

  @Mutation(() => RoundtableType, {
    description: 'Replaces the agenda: adds, removes, retitles and reorders questions.',
  })
  setAgenda(
    @Arg('roundtableId', () => ID) id: string,
    @Arg('expectedVersion', () => Int) v: number,
    @Arg('items', () => [AgendaItemInput]) items: AgendaItemInput[],
    @Ctx() ctx: RoundtablesContext,
  ) {
    return ctx.useCases.parts.setAgenda(ctx.command, id, v, items);
  }

  @Mutation(() => RoundtableType, {
    description:
      'PENDING, DEFERRED or DISCUSSED → IN_DISCUSSION (a question may be taken up again).',
  })
  openAgendaItem(
    @Arg('roundtableId', () => ID) id: string,
    @Arg('expectedVersion', () => Int) v: number,
    @Arg('agendaItemId', () => ID) agendaItemId: string,
    @Arg('occurredAt', () => Date, {
      nullable: true,
      description: `${OCCURRED_AT} Not before the sitting began.`,
    })
    occurredAt: Date | null,
    @Ctx() ctx: RoundtablesContext,
  ) {
    return ctx.useCases.parts.openAgendaItem(ctx.command, id, v, { agendaItemId, occurredAt });
  }

  @LongText('result')
  @Mutation(() => RoundtableType, { description: 'IN_DISCUSSION → DISCUSSED, with its result.' })
  closeAgendaItem(
    @Arg('roundtableId', () => ID) id: string,
    @Arg('expectedVersion', () => Int) v: number,
    @Arg('agendaItemId', () => ID) agendaItemId: string,
    @Arg('result', () => String, { nullable: true, description: 'What the discussion came to.' })
    result: string | null,
    @Arg('occurredAt', () => Date, {
      nullable: true,
      description: `${OCCURRED_AT} Not before it was taken up.`,
    })
    occurredAt: Date | null,
    @Ctx() ctx: RoundtablesContext,
  ) {
    return ctx.useCases.parts.closeAgendaItem(ctx.command, id, v, {
      agendaItemId,
      result,
      occurredAt,
    });
  }

  @LongText('reason')
  @Mutation(() => RoundtableType, { description: 'PENDING or IN_DISCUSSION → DEFERRED.' })
  deferAgendaItem(
    @Arg('roundtableId', () => ID) id: string,
    @Arg('expectedVersion', () => Int) v: number,
    @Arg('agendaItemId', () => ID) agendaItemId: string,
    @Arg('reason', () => String, { nullable: true }) reason: string | null,
    @Arg('occurredAt', () => Date, {
      nullable: true,
      description: `${OCCURRED_AT} Not before the sitting began.`,
    })
    occurredAt: Date | null,
    @Ctx() ctx: RoundtablesContext,
  ) {
    return ctx.useCases.parts.deferAgendaItem(ctx.command, id, v, {
      agendaItemId,
      reason,
      occurredAt,
    });
  }

  @LongText('result')
  @Mutation(() => RoundtableType, {
    description:
      'Records (null clears) what the discussion of a question came to: while LIVE, and once CONCLUDED until the minutes are approved.',
  })
  recordAgendaResult(
    @Arg('roundtableId', () => ID) id: string,
    @Arg('expectedVersion', () => Int) v: number,
    @Arg('agendaItemId', () => ID) agendaItemId: string,
    @Arg('result', () => String, { nullable: true }) result: string | null,
    @Ctx() ctx: RoundtablesContext,
  ) {
    return ctx.useCases.parts.recordAgendaResult(ctx.command, id, v, { agendaItemId, result });
  }

  @Mutation(() => RoundtableType, { description: 'Puts a resolution to a LIVE round table.' })
  proposeResolution(
    @Arg('roundtableId', () => ID) id: string,
    @Arg('expectedVersion', () => Int) v: number,
    @Arg('input') input: ProposeResolutionInput,
    @Ctx() ctx: RoundtablesContext,
  ) {
    return ctx.useCases.parts.proposeResolution(ctx.command, id, v, input);
  }

  @Mutation(() => RoundtableType)
  amendResolution(
    @Arg('roundtableId', () => ID) id: string,
    @Arg('expectedVersion', () => Int) v: number,
    @Arg('resolutionId', () => ID) resolutionId: string,
    @Arg('input') input: AmendResolutionInput,
    @Ctx() ctx: RoundtablesContext,
  ) {
    return ctx.useCases.parts.amendResolution(ctx.command, id, v, {
      ...(input as Partial<ResolutionDraft>),
      resolutionId,
    });
  }

  @LongText('reason')
  @Mutation(() => RoundtableType)
  withdrawResolution(
    @Arg('roundtableId', () => ID) id: string,
    @Arg('expectedVersion', () => Int) v: number,
    @Arg('resolutionId', () => ID) resolutionId: string,
    @Arg('reason', () => String, { nullable: true }) reason: string | null,
    @Ctx() ctx: RoundtablesContext,
  ) {
    return ctx.useCases.parts.withdrawResolution(ctx.command, id, v, { resolutionId, reason });
  }
}

/** A seat's person and organisation, each shown only when the caller may see it. */
@Resolver(() => ParticipantType)
export class ParticipantResolver {
  @FieldResolver(() => PersonRef, { nullable: true })
  async person(@Root() participant: Participant, @Ctx() ctx: RoundtablesContext) {
    if (!participant.personId) return null;
    const shown = await shownMember(ctx, { kind: 'PERSON', id: participant.personId });
    return shown && personRef(shown.id);
  }

  @FieldResolver(() => OrganizationRef, {
    nullable: true,
    description:
      'The organisation taking part, or the one the person speaks for; null when you may not see it.',
  })
  async organization(@Root() participant: Participant, @Ctx() ctx: RoundtablesContext) {
    if (!participant.organizationId) return null;
    const shown = await shownMember(ctx, { kind: 'ORGANIZATION', id: participant.organizationId });
    return shown && organizationRef(shown.id);
  }
}

@Resolver(() => ResolutionType)
export class ResolutionResolver {
  @FieldResolver(() => [ID], { description: 'Every question it resolves, in agenda order.' })
  agendaItemIds(@Root() resolution: Resolution): string[] {
    return questionsOf(resolution);
  }

  @FieldResolver(() => [OrganizationRef], {
    description: 'The organisations it is addressed to (those you may see).',
  })
  async addressees(@Root() resolution: Resolution, @Ctx() ctx: RoundtablesContext) {
    const shown = await shownMembers(
      ctx,
      resolution.addresseeIds.map((id) => ({ kind: 'ORGANIZATION' as const, id })),
    );
    return shown.map((ref) => organizationRef(ref.id));
  }

  @FieldResolver(() => PartyUnion, {
    nullable: true,
    description: 'Who answers for it; null when you may not see it.',
  })
  async responsible(@Root() resolution: Resolution, @Ctx() ctx: RoundtablesContext) {
    const shown = resolution.responsible && (await shownMember(ctx, resolution.responsible));
    return shown ? toParty(shown) : null;
  }
}
