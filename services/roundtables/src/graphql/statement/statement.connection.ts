import { Connection } from '@kollegia/service-kit';
import { ObjectType } from 'type-graphql';

import { StatementType } from './statement.type';

@ObjectType()
export class StatementConnection extends Connection(StatementType, 'Statement') {}
