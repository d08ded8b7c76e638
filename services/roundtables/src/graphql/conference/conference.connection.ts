import { Connection } from '@kollegia/service-kit';
import { ObjectType } from 'type-graphql';

import { ConferenceType } from './conference.type';

@ObjectType()
export class ConferenceConnection extends Connection(ConferenceType, 'Conference') {}
