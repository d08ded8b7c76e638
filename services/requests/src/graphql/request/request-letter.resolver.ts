import { GeneratedDocumentType } from '@kollegia/service-kit';
import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';

import type { Request } from '../../domain/request';
import type { RequestsContext } from '../context';
import { RequestType } from './request.type';

/** The letter of a request, generated from its current state. */
@Resolver(() => RequestType)
export class RequestLetterResolver {
  @FieldResolver(() => GeneratedDocumentType, {
    description:
      'The letter: addressee, outgoing number and date, subject, body, signatory — a draft says it is one. Markdown, HTML, DOCX, PDF.',
  })
  async letter(
    @Root() request: Request,
    @Ctx() ctx: RequestsContext,
  ): Promise<GeneratedDocumentType> {
    return new GeneratedDocumentType(await ctx.useCases.documents.letter(ctx.command, request));
  }
}
