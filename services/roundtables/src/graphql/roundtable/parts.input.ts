import { LongText } from '@kollegia/service-kit';
import { Field, ID, InputType, Int } from 'type-graphql';

import { Attendance, ParticipantRole, ResolutionKind } from '../shared/enums';
import { PartyInput } from '../shared/party';

@InputType({ description: "An organisation's people at the table without their names." })
export class DelegationInput {
  @Field({ description: 'Who came, e.g. «руководство и специалисты министерства».' })
  description: string;

  @Field(() => Int, { nullable: true, description: 'How many came, when known.' })
  headCount?: number | null;
}

@InputType({ description: 'A person, an organisation, or a person speaking for an organisation.' })
export class RegisterParticipantInput {
  @Field(() => ID, { nullable: true })
  personId?: string | null;

  @Field(() => ID, {
    nullable: true,
    description: 'The organisation taking part, or the one the person speaks for.',
  })
  organizationId?: string | null;

  @Field(() => ParticipantRole)
  role: keyof typeof ParticipantRole;

  @Field(() => Attendance, { nullable: true, description: 'Default REGISTERED.' })
  attendance?: keyof typeof Attendance | null;

  @Field(() => DelegationInput, {
    nullable: true,
    description:
      "An organisation's people without their names: with organizationId and no personId.",
  })
  delegation?: DelegationInput | null;
}

@InputType({
  description:
    'A question of a new agenda: an existing one by its id (keeps its status), a new one without.',
})
export class AgendaItemInput {
  @Field(() => ID, { nullable: true })
  id?: string | null;

  @Field()
  title: string;
}

@InputType({ description: 'A resolution put to a live round table.' })
export class ProposeResolutionInput {
  @Field(() => ResolutionKind)
  kind: keyof typeof ResolutionKind;

  @LongText()
  @Field()
  text: string;

  @Field(() => [ID], {
    nullable: true,
    description: 'The organisations it is addressed to (ministries, committees, …).',
  })
  addresseeIds?: string[] | null;

  @Field(() => PartyInput, { nullable: true, description: 'Who answers for carrying it out.' })
  responsible?: PartyInput | null;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD.' })
  dueDate?: string | null;

  @Field(() => ID, { nullable: true, description: 'The question it resolves (one).' })
  agendaItemId?: string | null;

  @Field(() => [ID], {
    nullable: true,
    description:
      'The questions it resolves (one or more); agendaItemId, if given too, must be one.',
  })
  agendaItemIds?: string[] | null;
}

@InputType({ description: 'Changes to a proposed resolution: absent fields stay, null clears.' })
export class AmendResolutionInput {
  @Field(() => ResolutionKind, { nullable: true })
  kind?: keyof typeof ResolutionKind | null;

  @LongText()
  @Field(() => String, { nullable: true })
  text?: string | null;

  @Field(() => [ID], { nullable: true })
  addresseeIds?: string[] | null;

  @Field(() => PartyInput, { nullable: true })
  responsible?: PartyInput | null;

  @Field(() => String, { nullable: true })
  dueDate?: string | null;

  @Field(() => ID, { nullable: true })
  agendaItemId?: string | null;

  @Field(() => [ID], { nullable: true })
  agendaItemIds?: string[] | null;
}
