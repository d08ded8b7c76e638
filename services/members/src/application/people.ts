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

  /** One person, or undefined when they do not exist or the caller may not see them. */
  async find(context: CommandContext, id: string): Promise<Person | undefined> {
    return (await this.findMany(context, [id]))[0];
  }

  /** Many by id in one query (federation references); unknown and invisible ids are left out. */
  async findMany(context: CommandContext, ids: readonly string[]): Promise<Person[]> {
    const identity = requireReader(context.identity);
    return this.filters.visiblePeople(identity, await this.people.getMany(identity.tenantId, ids));
  }

  /**
   * People, filtered; `communityId` narrows to that community's active members. A community or
   * organisation the caller may not see has no people for it, and the people of an organisation
   * the caller may not see are not listed (see VisibleFilters).
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
    const hiddenOrganizationIds = await this.filters.hiddenOrganizationIds(identity);
    return this.people.search(
      identity.tenantId,
      { ...rest, ...(ids ? { ids } : {}), hiddenOrganizationIds },
      page,
    );
  }

  private async checkOrganization(state: Person): Promise<void> {
    if (!state.organizationId) return;
    const organization = await this.organizations.get(state.tenantId, state.organizationId);
    if (!organization)
      throw badInput('organizationId', `organization ${state.organizationId} does not exist`);
  }
}
