import { Connection } from '@kollegia/service-kit';
import { ObjectType } from 'type-graphql';

import { RequestType } from './request.type';

@ObjectType()
export class RequestConnection extends Connection(RequestType, 'Request') {}
