import { Connection } from '@kollegia/service-kit';
import { ObjectType } from 'type-graphql';

import { OrganizationType } from './organization.type';

@ObjectType()
export class OrganizationConnection extends Connection(OrganizationType, 'Organization') {}
