import type { Page, PageRequest } from '@kollegia/service-kit';
import { badInput } from '@kollegia/service-kit/domain';

import type { OrganizationRepository } from '../db/organization.repository';
import type { PersonFilter, PersonRepository } from '../db/person.repository';
import { registerPerson, updatePerson, type Person, type PersonCard } from '../domain/person';
import { newId, type CommandContext } from './context';
import { personEvents } from './person-events';
import { requireDirectoryEditor, requireReader } from './permissions';
import type { VisibleFilters } from './visible-filters';

/** The person use cases. Contacts are hidden by the GraphQL layer for roles below member. */
export class PersonUseCases {
  constructor(
    private readonly people: PersonRepository,
    private readonly organizations: OrganizationRepository,
    private readonly filters: VisibleFilters,
  ) {}

  async register(context: CommandContext, card: PersonCard): Promise<Person> {
    const identity = requireDirectoryEditor(context.identity);
    const { state, changes } = registerPerson(card, {
      id: newId(),
      tenantId: identity.tenantId,
      now: context.now,
    });
    await this.checkOrganization(state);
    await this.people.insert(state, personEvents(state, changes, context));
    return state;
  }

  async update(
    context: CommandContext,
    id: string,
    expectedVersion: number,
    patch: Partial<PersonCard>,
  ): Promise<Person> {
    const identity = requireDirectoryEditor(context.identity);
    const current = await this.people.getForChange(identity.tenantId, id, expectedVersion);
    const { state, changes, changed } = updatePerson(current, patch, context.now);
    if (!changed) return current;
    const next = { ...state, version: expectedVersion + 1 };
    await this.checkOrganization(next);
    return this.people.update(next, expectedVersion, personEvents(next, changes, context));
  }

  async find(context: CommandContext, id: string): Promise<Person | undefined> {
    return this.people.get(requireReader(context.identity).tenantId, id);
  }

  async findMany(context: CommandContext, ids: readonly string[]): Promise<Person[]> {
    return this.people.getMany(requireReader(context.identity).tenantId, ids);
  }

  /**
   * People, filtered; `communityId` narrows to that community's active members. A community or
   * organisation the caller may not see has no people for it (see VisibleFilters).
   */
  async search(
    context: CommandContext,
    filter: PersonFilter & { communityId?: string | null },
    page: PageRequest,
  ): Promise<Page<Person>> {
    const identity = requireReader(context.identity);
    const { communityId, ...rest } = filter;
    if (
      rest.organizationId &&
      !(await this.filters.seesOrganization(identity, rest.organizationId))
    )
      return this.people.search(identity.tenantId, { ids: [] }, page);
    const ids = communityId
      ? await this.filters.communityMemberIds(identity, communityId, 'PERSON')
      : undefined;
    return this.people.search(identity.tenantId, { ...rest, ...(ids ? { ids } : {}) }, page);
  }

  private async checkOrganization(state: Person): Promise<void> {
    if (!state.organizationId) return;
    const organization = await this.organizations.get(state.tenantId, state.organizationId);
    if (!organization)
      throw badInput('organizationId', `organization ${state.organizationId} does not exist`);
  }
}
