import 'reflect-metadata';

import { createRuntime, type ServiceRuntime } from '@kollegia/service-kit';

import { commandContext, systemClock, type Clock } from './application/context';
import { MembersUseCases } from './application/use-cases';
import { communityModel } from './db/community.model';
import { CommunityRepository } from './db/community.repository';
import { membershipModel } from './db/membership.model';
import { MembershipRepository } from './db/membership.repository';
import { organizationModel } from './db/organization.model';
import { moveRegionsToJurisdictions } from './db/organization-regions.migration';
import { OrganizationRepository } from './db/organization.repository';
import { personModel } from './db/person.model';
import { PersonRepository } from './db/person.repository';
import type { MembersConfig } from './config';
import type { MembersContext } from './graphql/context';
import { createLoaders } from './graphql/loaders';
import { buildMembersSubgraph } from './graphql/schema';

export interface MembersApp {
  url: string;
  /** `GET /metrics` (METRICS_PORT). */
  metricsUrl: string;
  runtime: ServiceRuntime;
  useCases: MembersUseCases;
  /** Runs the expiry job once (the timer runs it every COMMUNITY_EXPIRY_INTERVAL_MS). */
  dissolveExpiredCommunities(): Promise<number>;
  stop(): Promise<void>;
}

/**
 * Boots the members service: database, indexes and data migrations, topics, outbox relay, the
 * GraphQL subgraph, and the job that dissolves temporary communities past their last day.
 * Bootable in a test.
 */
export async function createApp(
  config: MembersConfig,
  deps: { clock?: Clock } = {},
): Promise<MembersApp> {
  const clock = deps.clock ?? systemClock;
  const runtime = await createRuntime('members', config);
  const { connection } = runtime;
  const models = {
    organizations: organizationModel(connection),
    people: personModel(connection),
    communities: communityModel(connection),
    memberships: membershipModel(connection),
  };
  for (const model of Object.values(models)) await model.syncIndexes();
  const moved = await moveRegionsToJurisdictions(models.organizations);
  if (moved > 0) runtime.logger.info({ moved }, 'organisations moved from region to jurisdiction');
  await runtime.ensureTopics(
    ['organization', 'person', 'community', 'membership'].map((a) => runtime.topic(a as never)),
  );
  const outbox = await runtime.startOutbox(Object.values(models).map((model) => model.collection));

  const useCases = new MembersUseCases({
    organizations: new OrganizationRepository(models.organizations, outbox),
    people: new PersonRepository(models.people, outbox),
    communities: new CommunityRepository(models.communities, outbox),
    memberships: new MembershipRepository(models.memberships, outbox),
  });

  const { schema } = await buildMembersSubgraph();
  const server = await runtime.serve<MembersContext>(schema, (base) => {
    const command = commandContext(base.identity, clock, base.requestId);
    return { ...base, command, useCases, loaders: createLoaders(useCases, command) };
  });

  const dissolveExpiredCommunities = () => useCases.communities.dissolveExpired(clock());
  runtime.runEvery(
    'community expiry',
    config.COMMUNITY_EXPIRY_INTERVAL_MS,
    dissolveExpiredCommunities,
  );

  return {
    url: server.url,
    metricsUrl: server.metricsUrl,
    runtime,
    useCases,
    dissolveExpiredCommunities,
    stop: () => runtime.shutdown.run(),
  };
}
export { membersConfigSchema, type MembersConfig } from './config';
