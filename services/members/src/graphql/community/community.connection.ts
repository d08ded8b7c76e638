import { Connection } from '@kollegia/service-kit';
import { ObjectType } from 'type-graphql';

import { CommunityType } from './community.type';

@ObjectType()
export class CommunityConnection extends Connection(CommunityType, 'Community') {}
