import { controlItemStatusSchema, type PartyRef } from '@kollegia/events';
import { Connection } from '@kollegia/service-kit';
import { Directive, Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';

import { ConferenceRef } from '../foreign/conference.ref';
import { RoundtableRef } from '../foreign/roundtable.ref';

export const ControlItemStatus = controlItemStatusSchema.enum;
registerEnumType(ControlItemStatus, {
  name: 'ControlItemStatus',
  description: 'UNDER_CONTROL → DONE | REMOVED (снято с контроля).',
});

@ObjectType('ControlItemSource', {
  description: 'The sitting and the resolution it was taken from.',
})
export class ControlItemSourceType {
  @Field(() => ConferenceRef, { nullable: true })
  conference: ConferenceRef | null;

  @Field(() => RoundtableRef)
  roundtable: RoundtableRef;

  @Field(() => ID, { description: 'The CONTROL_ITEM resolution.' })
  resolutionId: string;

  @Field(() => ID, { nullable: true, description: 'The question (agenda item) it concerns.' })
  agendaItemId: string | null;

  @Field({ description: 'The day the sitting was held (YYYY-MM-DD, the workspace’s calendar).' })
  meetingDate: string;
}

@ObjectType('ControlItemProgressReport', { description: 'Progress the responsible side reported.' })
export class ControlItemProgressType {
  @Field(() => ID)
  id: string;

  /** Resolved by ControlItemFieldsResolver. */
  authorRef: PartyRef;

  @Field()
  text: string;

  @Field(() => Int, { nullable: true })
  percent: number | null;

  @Field()
  reportedAt: Date;
}

@ObjectType('ControlItemExtension', { description: 'A due date the controller moved on.' })
export class ControlItemExtensionType {
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD; null when it had none.' })
  previousDueDate: string | null;

  @Field({ description: 'YYYY-MM-DD.' })
  dueDate: string;

  @Field(() => String, { nullable: true })
  reason: string | null;

  @Field()
  extendedAt: Date;
}

/**
 * An item under control (взято на контроль): a result of a sitting a body took under control,
 * tracked from the sitting on. Its parties, source and derived fields are field resolvers.
 */
@Directive('@key(fields: "id")')
@ObjectType('ControlItem', {
  description:
    'A result of a sitting taken under control (взято на контроль) by a body — the controller — with a responsible executor and a due date; tracked from the sitting on, no adoption step.',
})
export class ControlItemType {
  @Field(() => ID)
  id: string;

  @Field(() => Int, { description: 'Pass as expectedVersion when changing it.' })
  version: number;

  @Field()
  text: string;

  @Field(() => ControlItemStatus)
  status: keyof typeof ControlItemStatus;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD, after any extension.' })
  dueDate?: string;

  @Field({ description: 'Visible to partners.' })
  published: boolean;

  @Field({ description: 'When it was taken under control: the sitting’s conclusion.' })
  takenAt: Date;

  @Field(() => [ControlItemExtensionType])
  extensions: ControlItemExtensionType[];

  @Field(() => Date, { nullable: true, description: 'When it was marked done or removed.' })
  closedAt?: Date;

  @Field(() => String, {
    nullable: true,
    description: 'The note it was marked done with, or why it was removed from control.',
  })
  closingNote?: string;

  @Field()
  createdAt: Date;

  @Field()
  updatedAt: Date;
}

@ObjectType()
export class ControlItemConnection extends Connection(ControlItemType, 'ControlItem') {}
