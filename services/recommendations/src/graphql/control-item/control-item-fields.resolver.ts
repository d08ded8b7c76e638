import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';

import type { ControlItem, ControlItemProgress } from '../../domain/control-item';
import type { RecommendationsContext } from '../context';
import { OrganizationRef } from '../foreign/organization.ref';
import { shownActors, shownMember } from '../foreign/shown-members';
import { RecommendationPartyUnion, toParty } from '../shared/party';
import {
  ControlItemProgressType,
  ControlItemSourceType,
  ControlItemType,
} from './control-item.type';

/** The parts of an item under control: its parties (as the caller may see them), source, progress. */
@Resolver(() => ControlItemType)
export class ControlItemFieldsResolver {
  @FieldResolver(() => OrganizationRef, {
    nullable: true,
    description: 'The body that took it under control; null when the workspace itself controls it.',
  })
  async controller(@Root() item: ControlItem, @Ctx() ctx: RecommendationsContext) {
    if (!item.controllerId) return null;
    return shownMember(ctx, { kind: 'ORGANIZATION' as const, id: item.controllerId });
  }

  @FieldResolver(() => RecommendationPartyUnion, {
    nullable: true,
    description: 'The responsible executor: an organisation or a person.',
  })
  async responsible(@Root() item: ControlItem, @Ctx() ctx: RecommendationsContext) {
    const shown = item.responsible && (await shownMember(ctx, item.responsible));
    return shown ? toParty(shown) : null;
  }

  @FieldResolver(() => ControlItemSourceType)
  source(@Root() item: ControlItem): ControlItemSourceType {
    const { conferenceId, roundtableId, resolutionId, agendaItemId, meetingDate } = item.source;
    return {
      conference: conferenceId ? { id: conferenceId } : null,
      roundtable: { id: roundtableId },
      resolutionId,
      agendaItemId: agendaItemId ?? null,
      meetingDate,
    };
  }

  @FieldResolver(() => Boolean, {
    description: 'Its due date passed (the workspace’s calendar) while still under control.',
  })
  overdue(@Root() item: ControlItem, @Ctx() ctx: RecommendationsContext): boolean {
    return ctx.useCases.controlItems.overdue(ctx.command, item);
  }

  @FieldResolver(() => [ControlItemProgressType], {
    description: 'What the responsible side reported, oldest first.',
  })
  progress(@Root() item: ControlItem): ControlItemProgressType[] {
    return item.progress.map((report: ControlItemProgress) => ({
      id: report.id,
      authorRef: report.author,
      text: report.text,
      percent: report.percent ?? null,
      reportedAt: report.reportedAt,
    }));
  }
}

/** Who reported, as the caller may see them. */
@Resolver(() => ControlItemProgressType)
export class ControlItemProgressResolver {
  @FieldResolver(() => RecommendationPartyUnion, { nullable: true })
  async author(@Root() report: ControlItemProgressType, @Ctx() ctx: RecommendationsContext) {
    const [shown] = await shownActors(ctx, [report.authorRef]);
    return shown ? toParty(shown) : null;
  }
}
