import { badInput } from '@kollegia/service-kit/domain';
import type { Page, PageRequest } from '@kollegia/service-kit';

import { jurisdictionFilter } from '../domain/jurisdiction';
import {
  archiveOrganization,
  registerOrganization,
  updateOrganization,
  type Organization,
  type OrganizationCard,
} from '../domain/organization';
import type { OrganizationFilter, OrganizationRepository } from '../db/organization.repository';
import { newId, type CommandContext } from './context';
import { organizationEvents } from './organization-events';
import { requireDirectoryEditor, requireReader, seesInternal } from './permissions';
import type { VisibleFilters } from './visible-filters';

/**
 * The organisation use cases: load → decide → save (state and events in one write).
 * Permissions are checked here, so every entry point (GraphQL, scripts) gets the same rules.
 */
export class OrganizationUseCases {
  constructor(
    private readonly organizations: OrganizationRepository,
    private readonly filters: VisibleFilters,
  ) {}

  async register(context: CommandContext, card: OrganizationCard): Promise<Organization> {
    const identity = requireDirectoryEditor(context.identity);
    const { state, changes } = registerOrganization(card, {
      id: newId(),
      tenantId: identity.tenantId,
      now: context.now,
    });
    await this.checkParent(state);
    await this.organizations.insert(state, organizationEvents(state, changes, context));
    return state;
  }

  async update(
    context: CommandContext,
    id: string,
    expectedVersion: number,
    patch: Partial<OrganizationCard>,
  ): Promise<Organization> {
    const current = await this.organizations.getForChange(
      requireDirectoryEditor(context.identity).tenantId,
      id,
      expectedVersion,
    );
    const { state, changes } = updateOrganization(current, patch, context.now);
    if (changes.length === 0) return current;
    const next = { ...state, version: expectedVersion + 1 };
    await this.checkParent(next);
    return this.organizations.update(
      next,
      expectedVersion,
      organizationEvents(next, changes, context),
    );
  }

  async archive(
    context: CommandContext,
    id: string,
    expectedVersion: number,
    reason?: string | null,
  ): Promise<Organization> {
    const current = await this.organizations.getForChange(
      requireDirectoryEditor(context.identity).tenantId,
      id,
      expectedVersion,
    );
    const { state, changes } = archiveOrganization(current, reason, context.now);
    const next = { ...state, version: expectedVersion + 1 };
    return this.organizations.update(
      next,
      expectedVersion,
      organizationEvents(next, changes, context),
    );
  }

  /** One organisation, or undefined when it does not exist or the caller may not see it. */
  async find(context: CommandContext, id: string): Promise<Organization | undefined> {
    const identity = requireReader(context.identity);
    const found = await this.organizations.get(identity.tenantId, id);
    return found && (found.published || seesInternal(identity)) ? found : undefined;
  }

  /** Many by id in one query (federation references); unknown and invisible ids are left out. */
  async findMany(context: CommandContext, ids: readonly string[]): Promise<Organization[]> {
    const identity = requireReader(context.identity);
    const found = await this.organizations.getMany(identity.tenantId, ids);
    return found.filter((o) => o.published || seesInternal(identity));
  }

  /**
   * The directory, filtered; `communityId` narrows it to that community's active members (none
   * of a community the caller may not see, see VisibleFilters). A country or subdivision that is
   * not an ISO code is BAD_USER_INPUT.
   */
  async search(
    context: CommandContext,
    filter: Omit<OrganizationFilter, 'country' | 'subdivision'> & {
      communityId?: string | null;
      country?: string | null;
      subdivision?: string | null;
    },
    page: PageRequest,
  ): Promise<Page<Organization>> {
    const identity = requireReader(context.identity);
    const { communityId, country, subdivision, ...rest } = filter;
    const jurisdiction = jurisdictionFilter({ country, subdivision });
    const ids = communityId
      ? await this.filters.communityMemberIds(identity, communityId, 'ORGANIZATION')
      : undefined;
    return this.organizations.search(
      identity.tenantId,
      { ...rest, ...jurisdiction, ...(ids ? { ids } : {}), publishedOnly: !seesInternal(identity) },
      page,
    );
  }

  private async checkParent(state: Organization): Promise<void> {
    if (!state.parentId) return;
    const parent = await this.organizations.get(state.tenantId, state.parentId);
    if (!parent) throw badInput('parentId', `organization ${state.parentId} does not exist`);
    if (parent.status === 'ARCHIVED')
      throw badInput('parentId', `organization ${state.parentId} is archived`);
    // Walk up: the new parent must not be this organisation's descendant.
    let ancestor: Organization | undefined = parent;
    for (let depth = 0; ancestor?.parentId && depth < 50; depth += 1) {
      if (ancestor.parentId === state.id)
        throw badInput('parentId', 'would make the hierarchy a cycle');
      ancestor = await this.organizations.get(state.tenantId, ancestor.parentId);
    }
  }
}
