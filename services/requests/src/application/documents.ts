import { type GeneratedDocument, NameBook } from '@kollegia/service-kit';

import { requestLetter } from '../documents/letter';
import type { Request } from '../domain/request';
import type { CommandContext } from './context';
import type { MemberUseCases } from './members';

/**
 * The documents generated from requests, on request (never stored): the letter as it stands now,
 * with the current names from the directory read model.
 */
export class RequestDocuments {
  constructor(private readonly members: MemberUseCases) {}

  /** The letter of a request the caller may read (see `requestLetter`). */
  async letter(context: CommandContext, request: Request): Promise<GeneratedDocument> {
    const entries = await this.members.find(context, [
      { kind: 'ORGANIZATION', id: request.addresseeId },
      ...(request.signatory ? [request.signatory] : []),
    ]);
    const names = new NameBook(entries, this.members.publishedOnly(context));
    return { document: requestLetter(request, names), generatedAt: context.now };
  }
}
