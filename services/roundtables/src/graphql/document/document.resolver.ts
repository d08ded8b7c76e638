import { GeneratedDocumentType } from '@kollegia/service-kit';
import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';

import type { RoundtablesContext } from '../context';

@Resolver()
export class DocumentResolver {
  @Query(() => GeneratedDocumentType, {
    description:
      'The minutes (протокол) of a CONCLUDED round table: participants, agenda, every statement, resolutions.',
  })
  async roundtableMinutes(@Arg('id', () => ID) id: string, @Ctx() ctx: RoundtablesContext) {
    return new GeneratedDocumentType(await ctx.useCases.documents.minutes(ctx.command, id));
  }

  @Query(() => GeneratedDocumentType, {
    description:
      '«Рекомендации по итогам …»: the adopted resolutions of a conference’s concluded round tables, with addressees.',
  })
  async conferenceResolutions(@Arg('id', () => ID) id: string, @Ctx() ctx: RoundtablesContext) {
    return new GeneratedDocumentType(
      await ctx.useCases.documents.conferenceResolutions(ctx.command, id),
    );
  }
}
