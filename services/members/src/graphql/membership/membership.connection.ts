import { Connection } from '@kollegia/service-kit';
import { ObjectType } from 'type-graphql';

import { MembershipType } from './membership.type';

@ObjectType()
export class MembershipConnection extends Connection(MembershipType, 'Membership') {}
