import { Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';

import { countingOf, daysRemaining, overdue, runningDeadline } from '../../domain/due-notices';
import type { Request } from '../../domain/request';
import type { RequestsContext } from '../context';
import { OrganizationRef, organizationRef } from '../foreign/organization.ref';
import { RecommendationRef, recommendationRef } from '../foreign/recommendation.ref';
import { shownMember } from '../foreign/shown-members';
import { RequestDeadlineDayCount } from '../shared/enums';
import { RequestSignatoryUnion, toSignatory } from '../shared/signatory';
import { RequestTimelineEntryType, RequestType } from './request.type';

/** A request's references and what is derived from its deadline at the moment of the query. */
@Resolver(() => RequestType)
export class RequestFieldsResolver {
  @FieldResolver(() => OrganizationRef, {
    nullable: true,
    description:
      'The organisation asked; null when you may not see it (an unpublished organisation), or when the directory does not know it.',
  })
  async addressee(@Root() request: Request, @Ctx() ctx: RequestsContext) {
    const shown = await shownMember(ctx, { kind: 'ORGANIZATION', id: request.addresseeId });
    return shown && organizationRef(shown.id);
  }

  @FieldResolver(() => RecommendationRef, {
    nullable: true,
    description: 'The recommendation it carries out, if any.',
  })
  recommendation(@Root() request: Request) {
    return request.recommendationId ? recommendationRef(request.recommendationId) : null;
  }

  @FieldResolver(() => RequestSignatoryUnion, {
    nullable: true,
    description: 'Who signs it; null when you may not see it.',
  })
  async signatory(@Root() request: Request, @Ctx() ctx: RequestsContext) {
    const shown = request.signatory && (await shownMember(ctx, request.signatory));
    return shown ? toSignatory(shown) : null;
  }

  @FieldResolver(() => Date, {
    nullable: true,
    description: 'When the running deadline ends; null when none runs.',
  })
  dueAt(@Root() request: Request) {
    return runningDeadline(request)?.dueAt ?? null;
  }

  @FieldResolver(() => Int, {
    nullable: true,
    description:
      'Days left to the running deadline, counted as its procedure counts terms (calendar days, or working days of the addressee’s calendar): 0 on its last day, negative after.',
  })
  daysRemaining(@Root() request: Request, @Ctx() ctx: RequestsContext) {
    return daysRemaining(request, ctx.command.now) ?? null;
  }

  @FieldResolver(() => RequestDeadlineDayCount, {
    nullable: true,
    description:
      'How its terms and daysRemaining are counted — calendar days, or working days of the addressee’s calendar — as fixed at submission; null for a draft.',
  })
  dayCount(@Root() request: Request) {
    return request.submittedAt ? countingOf(request).dayCount : null;
  }

  @FieldResolver(() => Boolean, { description: 'Whether the running deadline has passed.' })
  overdue(@Root() request: Request, @Ctx() ctx: RequestsContext) {
    return overdue(request, ctx.command.now);
  }

  @FieldResolver(() => [RequestTimelineEntryType], {
    description: 'What happened to it, oldest first.',
  })
  timeline(@Root() request: Request, @Ctx() ctx: RequestsContext) {
    return ctx.loaders.timelines.load(request.id);
  }
}
