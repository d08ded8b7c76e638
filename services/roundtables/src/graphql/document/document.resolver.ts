import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';

import type { RoundtablesContext } from '../context';
import { GeneratedDocumentType } from './document.type';

@Resolver()
export class DocumentResolver {
  @Query(() => GeneratedDocumentType, {
    description:
      'The minutes (протокол) of a CONCLUDED round table: participants, agenda, every statement, resolutions.',
  })
  roundtableMinutes(@Arg('id', () => ID) id: string, @Ctx() ctx: RoundtablesContext) {
    return ctx.useCases.documents.minutes(ctx.command, id);
  }

  @Query(() => GeneratedDocumentType, {
    description:
      '«Рекомендации по итогам …»: the adopted resolutions of a conference’s concluded round tables, with addressees.',
  })
  conferenceResolutions(@Arg('id', () => ID) id: string, @Ctx() ctx: RoundtablesContext) {
    return ctx.useCases.documents.conferenceResolutions(ctx.command, id);
  }
}
