import type { LoadContext } from './load-context';
import * as op from './operations';
import { demoResolutions } from './workspace';

/** The association's decisions on the recommendations, and the work on them. */
export async function decideRecommendations(ctx: LoadContext): Promise<void> {
  const decidedBy = ctx.party(ctx.workspace.decidedBy);
  const adopted: string[] = [];
  for (const resolution of demoResolutions(ctx.workspace)) {
    const recommendation = ctx.recommendations.get(resolution.number);
    if (!recommendation) continue;
    const { id, code } = recommendation;
    const { followUp } = resolution;
    const step = (what: string) => `${what} ${code} (resolution ${resolution.number})`;
    let { version } = recommendation;
    version = (
      await ctx.api.run<{ reviseRecommendation: { version: number } }>(
        step('revise'),
        op.REVISE_RECOMMENDATION,
        {
          id,
          version,
          input: {
            title: followUp.title,
            actionType: followUp.actionType,
            legalBasis: followUp.legalBasis,
            priority: followUp.priority,
            reviewDate: followUp.reviewDate,
          },
        },
      )
    ).reviseRecommendation.version;
    if (followUp.adopt) {
      version = (
        await ctx.api.run<{ adoptRecommendation: { version: number } }>(
          step('adopt'),
          op.ADOPT_RECOMMENDATION,
          {
            id,
            version,
            input: {
              decidedBy,
              decidedText: followUp.adopt.decidedText,
              decidedAt: followUp.adopt.decidedAt,
            },
          },
        )
      ).adoptRecommendation.version;
      adopted.push(code);
    }
    if (followUp.progress) {
      version = (
        await ctx.api.run<{ reportRecommendationProgress: { version: number } }>(
          step('report progress on'),
          op.REPORT_PROGRESS,
          {
            id,
            version,
            input: {
              author: resolution.responsible ? ctx.party(resolution.responsible) : decidedBy,
              ...followUp.progress,
            },
          },
        )
      ).reportRecommendationProgress.version;
    }
    if (followUp.implemented) {
      version = (
        await ctx.api.run<{ markRecommendationImplemented: { version: number } }>(
          step('mark implemented'),
          op.MARK_IMPLEMENTED,
          {
            id,
            version,
            note: followUp.implemented.note,
            implementedAt: followUp.implemented.implementedAt,
          },
        )
      ).markRecommendationImplemented.version;
    }
    ctx.recommendations.set(resolution.number, { id, code, version });
  }
  ctx.log(`recommendations revised; adopted: ${adopted.join(', ')}`);
}
