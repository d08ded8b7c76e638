import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';

import type { PartyRef } from '@kollegia/events';

import {
  AnswerOutcome,
  RequestDeadlineStage,
  RequestKind,
  RequestStatus,
  RequestTimelineKind,
} from '../shared/enums';

@ObjectType('RequestDeadline', {
  description: 'A deadline in the addressee’s calendar: its last day and the last instant of it.',
})
export class RequestDeadlineType {
  @Field(() => RequestDeadlineStage)
  stage: keyof typeof RequestDeadlineStage;

  @Field({ description: 'The last day on time (YYYY-MM-DD), in the addressee’s calendar.' })
  dueOn: string;

  @Field({ description: 'The last instant of dueOn in the addressee’s time zone.' })
  dueAt: Date;
}

@ObjectType('RequestExtension', { description: 'The one extension of the answer deadline.' })
export class RequestExtensionType {
  @Field(() => Int, { description: 'In the policy’s days (calendar or working).' })
  days: number;

  @Field()
  reason: string;

  @Field(() => RequestDeadlineType, { description: 'The deadline before the extension.' })
  previous: RequestDeadlineType;

  @Field()
  extendedAt: Date;
}

@ObjectType('RequestAnswerDocument', { description: 'The addressee’s letter carrying the answer.' })
export class RequestAnswerDocumentType {
  @Field({ description: 'The number the addressee gave its letter.' })
  number: string;

  @Field({ description: 'YYYY-MM-DD.' })
  date: string;

  @Field(() => String, { nullable: true })
  url?: string;
}

@ObjectType('RequestAnswer', { description: 'What the addressee answered.' })
export class RequestAnswerType {
  @Field()
  text: string;

  @Field(() => AnswerOutcome)
  outcome: keyof typeof AnswerOutcome;

  @Field(() => RequestAnswerDocumentType, { nullable: true })
  document?: RequestAnswerDocumentType;

  @Field({ description: 'When the answer arrived.' })
  answeredAt: Date;

  @Field({ description: 'Whether it came by the deadline it was measured against.' })
  onTime: boolean;
}

@ObjectType('RequestTimelineEntry', { description: 'One thing that happened to a request.' })
export class RequestTimelineEntryType {
  @Field(() => RequestTimelineKind)
  kind: keyof typeof RequestTimelineKind;

  @Field()
  at: Date;

  @Field({ description: 'The user (token subject) or system:requests.' })
  actor: string;

  @Field(() => Int, { description: 'The request’s version after it.' })
  version: number;

  @Field(() => String, { nullable: true })
  note?: string;
}

@Directive('@key(fields: "id")')
@ObjectType('Request', {
  description:
    'A request (обращение) to one addressee: a letter with an outgoing number, registered by the ' +
    'addressee under its incoming number and answered by a deadline.',
})
export class RequestType {
  @Field(() => ID)
  id: string;

  @Field(() => Int, { description: 'Pass as expectedVersion when changing it.' })
  version: number;

  @Field(() => RequestKind)
  kind: keyof typeof RequestKind;

  @Field(() => RequestStatus)
  status: keyof typeof RequestStatus;

  @Field({ description: 'What the letter is about («О …»).' })
  subject: string;

  @Field()
  body: string;

  addresseeId: string;
  recommendationId?: string;
  signatory?: PartyRef;

  @Field(() => String, {
    nullable: true,
    description: 'Given at submission; unique per workspace and year, e.g. АКИТ-2016/014.',
  })
  outgoingNumber?: string;

  @Field(() => Date, { nullable: true })
  submittedAt?: Date;

  @Field(() => String, {
    nullable: true,
    description: 'The addressee’s time zone, fixed at submission.',
  })
  timeZone?: string;

  @Field(() => String, { nullable: true, description: 'The addressee’s incoming number.' })
  incomingNumber?: string;

  @Field(() => String, {
    nullable: true,
    description: 'The date of registration at the addressee (YYYY-MM-DD).',
  })
  registeredOn?: string;

  @Field(() => Boolean, { nullable: true })
  registeredOnTime?: boolean;

  @Field(() => RequestDeadlineType, {
    nullable: true,
    description:
      'The deadline that runs (registration while SUBMITTED, the answer while REGISTERED); once answered, the one the answer was measured against.',
  })
  deadline?: RequestDeadlineType;

  @Field(() => RequestExtensionType, { nullable: true })
  extension?: RequestExtensionType;

  @Field(() => RequestAnswerType, { nullable: true })
  answer?: RequestAnswerType;

  @Field(() => Date, { nullable: true })
  closedAt?: Date;

  @Field(() => String, { nullable: true })
  closingNote?: string;

  @Field(() => Date, { nullable: true })
  withdrawnAt?: Date;

  @Field(() => String, { nullable: true })
  withdrawalReason?: string;

  @Field()
  createdAt: Date;

  @Field()
  updatedAt: Date;
}
