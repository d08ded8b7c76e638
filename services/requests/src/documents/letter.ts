import type { RequestKind } from '@kollegia/events';
import {
  alignedParagraph,
  emphasis,
  formatDay,
  type Line,
  paragraph,
  strong,
  type TextDocument,
} from '@kollegia/documents';
import type { NameBook } from '@kollegia/service-kit';
import { DEFAULT_TIME_ZONE } from '@kollegia/service-kit/domain';

import type { Request } from '../domain/request';

/** «Обращение АКИТ-2016/014 …»: what the letter is, as its title names it. */
export const KIND: Record<RequestKind, string> = {
  APPEAL: 'Обращение',
  PROPOSAL: 'Предложение',
  QUESTION: 'Запрос',
  INFORMATION_REQUEST: 'Запрос информации',
};

/** A text's paragraphs: blank lines part them, single line breaks stay within one. */
function paragraphsOf(text: string): string[] {
  return text
    .split(/(?:\r\n|\r|\n)\s*(?:\r\n|\r|\n)/)
    .map((part) => part.trim())
    .filter((part) => part.length > 0);
}

/**
 * The letter of a request as it was sent (or, before it is sent, its draft): the addressee on the
 * right, the outgoing number and date, the subject as the heading to the text, the body, the
 * signatory. Dates are in the calendar the request was sent in.
 */
export function requestLetter(request: Request, names: NameBook): TextDocument {
  const sent = request.outgoingNumber !== undefined && request.submittedAt !== undefined;
  const title = sent
    ? `${KIND[request.kind]} № ${request.outgoingNumber} «${request.subject}»`
    : `Проект: ${KIND[request.kind].toLowerCase()} «${request.subject}»`;
  const reference: Line = sent
    ? [
        `Исх. № ${request.outgoingNumber} от ${formatDay(
          request.submittedAt!,
          request.timeZone ?? DEFAULT_TIME_ZONE,
        )}`,
      ]
    : [emphasis('Проект: исходящий номер и дата присваиваются при отправке.')];
  const blocks = [
    alignedParagraph('right', [names.organizationFullName(request.addresseeId)]),
    paragraph(reference),
    paragraph([strong(request.subject)]),
    ...paragraphsOf(request.body).map((text) => paragraph([text])),
  ];
  if (request.signatory) {
    blocks.push(alignedParagraph('right', [names.party(request.signatory)]));
  }
  return { title, blocks };
}
