import { LongText } from '@kollegia/service-kit';
import { Field, ID, InputType } from 'type-graphql';

import { Attendance, ParticipantRole, ResolutionKind } from '../shared/enums';
import { PartyInput } from '../shared/party';

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

  @Field(() => ID, { nullable: true, description: 'The question it resolves.' })
  agendaItemId?: string | null;
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
}
