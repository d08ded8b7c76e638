import { Connection } from '@kollegia/service-kit';
import { ObjectType } from 'type-graphql';

import { RoundtableType } from './roundtable.type';

@ObjectType()
export class RoundtableConnection extends Connection(RoundtableType, 'Roundtable') {}
