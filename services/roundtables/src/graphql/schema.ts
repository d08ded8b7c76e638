import { buildSubgraph, type Subgraph } from '@kollegia/service-kit';

import { ConferenceResolver } from './conference/conference.resolver';
import { resolveConferenceReference } from './conference/conference.reference';
import { DocumentResolver } from './document/document.resolver';
import {
  resolveOrganizationRefReference,
  resolvePersonRefReference,
} from './foreign/foreign.reference';
import { OrganizationRoundtablesResolver } from './foreign/organization-roundtables.resolver';
import {
  ParticipationResolver,
  PersonParticipationsResolver,
} from './foreign/person-participations.resolver';
import {
  ParticipantResolver,
  ResolutionResolver,
  RoundtablePartsResolver,
} from './roundtable/parts.resolver';
import { RoundtableResolver } from './roundtable/roundtable.resolver';
import { resolveRoundtableReference } from './roundtable/roundtable.reference';
import { StatementResolver } from './statement/statement.resolver';
import './shared/enums';

/** The roundtables subgraph: its resolvers and the reference resolvers of its entities. */
export function buildRoundtablesSubgraph(): Promise<Subgraph> {
  return buildSubgraph({
    resolvers: [
      ConferenceResolver,
      RoundtableResolver,
      RoundtablePartsResolver,
      ParticipantResolver,
      ResolutionResolver,
      StatementResolver,
      DocumentResolver,
      PersonParticipationsResolver,
      ParticipationResolver,
      OrganizationRoundtablesResolver,
    ],
    referenceResolvers: {
      Conference: { __resolveReference: resolveConferenceReference },
      Roundtable: { __resolveReference: resolveRoundtableReference },
      Organization: { __resolveReference: resolveOrganizationRefReference },
      Person: { __resolveReference: resolvePersonRefReference },
    },
    validate: false,
  });
}
