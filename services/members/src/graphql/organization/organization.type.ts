import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';

import { OrganizationKind, OrganizationStatus } from '../shared/enums';

@Directive('@key(fields: "id")')
@ObjectType('Organization', {
  description: 'An organisation in the directory: who is at the table.',
})
export class OrganizationType {
  @Field(() => ID)
  id: string;

  @Field(() => Int, { description: 'Pass as expectedVersion when changing it.' })
  version: number;

  @Field()
  name: string;

  @Field()
  shortName: string;

  @Field(() => OrganizationKind)
  kind: keyof typeof OrganizationKind;

  @Field({ description: 'Its jurisdiction: an ISO 3166-1 alpha-2 country code, e.g. RU, BY.' })
  country: string;

  @Field({
    description:
      'Where it sits: an ISO 3166-2 code of a subdivision of its country, e.g. RU-MOW, BY-HM.',
  })
  subdivision: string;

  @Field(() => String, { nullable: true, description: 'What it does, its role.' })
  description?: string;

  @Field(() => [String])
  industries: string[];

  @Field(() => String, {
    nullable: true,
    description: 'Taxpayer number (INN), checksum-validated.',
  })
  inn?: string;

  @Field(() => String, {
    nullable: true,
    description: 'State registration number (OGRN), checksum-validated.',
  })
  ogrn?: string;

  @Field(() => String, { nullable: true })
  website?: string;

  parentId?: string;

  @Field(() => OrganizationStatus)
  status: keyof typeof OrganizationStatus;

  @Field({ description: 'Visible to partners; internal otherwise.' })
  published: boolean;

  @Field(() => String, { nullable: true })
  archiveReason?: string;

  @Field()
  createdAt: Date;

  @Field()
  updatedAt: Date;
}
