import { LongText, SearchText } from '@kollegia/service-kit';
import { Field, ID, InputType, Int } from 'type-graphql';

import { AnswerOutcome, RequestKind, RequestStatus } from '../shared/enums';
import { RequestSignatoryInput } from '../shared/signatory';

@InputType({ description: 'A new request to one addressee.' })
export class DraftRequestInput {
  @Field(() => ID, { description: 'The organisation asked (a member of the directory).' })
  addresseeId: string;

  @Field(() => RequestKind)
  kind: keyof typeof RequestKind;

  @Field({ description: 'What the letter is about, up to 500 characters.' })
  subject: string;

  @LongText()
  @Field({ description: 'The letter, up to 8,000 characters.' })
  body: string;

  @Field(() => RequestSignatoryInput, { nullable: true })
  signatory?: RequestSignatoryInput | null;

  @Field(() => ID, { nullable: true, description: 'The recommendation it carries out.' })
  recommendationId?: string | null;
}

@InputType({
  description: 'Changes to a draft: absent fields stay, a null signatory removes it.',
})
export class EditRequestInput {
  @Field(() => RequestKind, { nullable: true })
  kind?: keyof typeof RequestKind | null;

  @Field(() => String, { nullable: true })
  subject?: string | null;

  @LongText()
  @Field(() => String, { nullable: true })
  body?: string | null;

  @Field(() => RequestSignatoryInput, { nullable: true })
  signatory?: RequestSignatoryInput | null;
}

@InputType({ description: 'The addressee’s registration of a request.' })
export class RegisterRequestInput {
  @Field({ description: 'The addressee’s incoming number.' })
  incomingNumber: string;

  @Field({
    description:
      'The date of registration (YYYY-MM-DD), in the addressee’s calendar: not before the day it was sent, not in the future.',
  })
  registeredOn: string;
}

@InputType({ description: 'The one extension of the answer deadline.' })
export class ExtendRequestDeadlineInput {
  @Field(() => Int, { description: 'Days to add, 1 to the policy’s maxExtensionDays.' })
  days: number;

  @LongText()
  @Field()
  reason: string;
}

@InputType({ description: 'The addressee’s letter carrying the answer.' })
export class RequestAnswerDocumentInput {
  @Field()
  number: string;

  @Field({ description: 'YYYY-MM-DD.' })
  date: string;

  @Field(() => String, { nullable: true })
  url?: string | null;
}

@InputType({ description: 'The addressee’s answer.' })
export class AnswerRequestInput {
  @LongText()
  @Field({ description: 'The answer, or its summary.' })
  text: string;

  @Field(() => AnswerOutcome)
  outcome: keyof typeof AnswerOutcome;

  @Field(() => RequestAnswerDocumentInput, { nullable: true })
  document?: RequestAnswerDocumentInput | null;

  @Field(() => Date, {
    nullable: true,
    description:
      'When the answer arrived, if earlier than now (an answer on paper): not before the request was sent.',
  })
  answeredAt?: Date | null;
}

@InputType({ description: 'Narrows a list of requests; all given conditions must hold.' })
export class RequestFilterInput {
  @Field(() => RequestStatus, { nullable: true })
  status?: keyof typeof RequestStatus | null;

  @Field(() => RequestKind, { nullable: true })
  kind?: keyof typeof RequestKind | null;

  @Field(() => ID, { nullable: true })
  addresseeId?: string | null;

  @Field(() => ID, { nullable: true })
  recommendationId?: string | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'true: the running deadline has passed; false: it has not, or none runs.',
  })
  overdue?: boolean | null;

  @Field(() => Date, { nullable: true, description: 'The running deadline ends before this.' })
  dueBefore?: Date | null;

  @SearchText()
  @Field(() => String, {
    nullable: true,
    description:
      'Words that must each start a word of the subject, the letter or a number (case- and ё-insensitive).',
  })
  text?: string | null;
}
