import { Connection } from '@kollegia/service-kit';
import { ObjectType } from 'type-graphql';

import { PersonType } from './person.type';

@ObjectType()
export class PersonConnection extends Connection(PersonType, 'Person') {}
