import type { DecisionMaker, PartyRef } from '@kollegia/events';
import { Field, ID, Int, ObjectType } from 'type-graphql';

import { ConferenceRef } from '../foreign/conference.ref';
import { OrganizationRef } from '../foreign/organization.ref';
import { RoundtableRef } from '../foreign/roundtable.ref';
import { AddresseePositionStatus } from '../shared/enums';
import { RecommendationPartyUnion } from '../shared/party';

@ObjectType('RecommendationSource', {
  description: 'Where it came from; all null when it was drafted by hand.',
})
export class RecommendationSourceType {
  @Field(() => ConferenceRef, { nullable: true })
  conference: ConferenceRef | null;

  @Field(() => RoundtableRef, { nullable: true })
  roundtable: RoundtableRef | null;

  @Field(() => ID, { nullable: true, description: 'The round table resolution it was made from.' })
  resolutionId: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'The day the meeting it came from was held (YYYY-MM-DD, the workspace’s calendar); its code takes that year. Null when not known.',
  })
  meetingDate: string | null;
}

@ObjectType('RecommendationDecision', {
  description:
    'What the association decided when adopting it, kept apart from what was recommended.',
})
export class RecommendationDecisionType {
  @Field({ description: 'Equal to recommendedText when adopted as recommended.' })
  decidedText: string;

  /** Resolved by RecommendationDecisionResolver. */
  decidedByRef: PartyRef;

  @Field()
  decidedAt: Date;
}

@ObjectType('RecommendationRejection', { description: 'Why it was rejected, by whom and when.' })
export class RecommendationRejectionType {
  @Field()
  reason: string;

  /** Resolved by RecommendationRejectionResolver. */
  decidedByRef: DecisionMaker;

  @Field()
  decidedAt: Date;
}

@ObjectType('AddresseePosition', {
  description: 'Where one addressee stands, from its answers to the requests made from it.',
})
export class AddresseePositionType {
  @Field(() => OrganizationRef)
  addressee: OrganizationRef;

  @Field(() => AddresseePositionStatus)
  position: keyof typeof AddresseePositionStatus;

  @Field(() => [ID], { description: 'The requests made to it from this recommendation.' })
  requestIds: string[];

  @Field(() => ID, { nullable: true, description: 'The request whose answer set the position.' })
  answeredRequestId: string | null;

  @Field(() => Date, { nullable: true })
  answeredAt: Date | null;
}

@ObjectType('RecommendationEndorsement', {
  description: 'An organisation or a person standing behind it.',
})
export class RecommendationEndorsementType {
  @Field(() => RecommendationPartyUnion)
  party: unknown;

  @Field(() => String, { nullable: true })
  comment: string | null;

  @Field()
  endorsedAt: Date;
}

@ObjectType('RecommendationProgressReport', { description: 'A report on carrying it out.' })
export class RecommendationProgressReportType {
  @Field(() => ID)
  id: string;

  @Field(() => RecommendationPartyUnion, {
    nullable: true,
    description: 'Null when you may not see it (an unpublished organisation).',
  })
  author: unknown;

  @Field()
  text: string;

  @Field(() => Int, { description: 'How much is done, 0–100, as the author sees it.' })
  percent: number;

  @Field()
  reportedAt: Date;
}

@ObjectType('RecommendationCounts', {
  description:
    'Recommendations by status. Addressees and partners count the published, adopted ones only.',
})
export class RecommendationCountsType {
  @Field(() => Int) draft: number;
  @Field(() => Int) proposed: number;
  @Field(() => Int) adopted: number;
  @Field(() => Int) inProgress: number;
  @Field(() => Int) implemented: number;
  @Field(() => Int) partiallyImplemented: number;
  @Field(() => Int) rejected: number;
  @Field(() => Int) withdrawn: number;
  @Field(() => Int) superseded: number;
  @Field(() => Int) total: number;
}
