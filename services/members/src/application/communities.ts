import type { Page, PageRequest } from '@kollegia/service-kit';
import { badInput } from '@kollegia/service-kit/domain';

import type { CommunityFilter, CommunityRepository } from '../db/community.repository';
import {
  dissolveCommunity,
  EXPIRED_REASON,
  formCommunity,
  isExpired,
  updateCommunity,
  type Community,
  type CommunityCard,
} from '../domain/community';
import { communityEvents } from './community-events';
import { newId, type CommandContext } from './context';
import { requireDirectoryEditor, requireReader, seesInternal } from './permissions';

export class CommunityUseCases {
  constructor(private readonly communities: CommunityRepository) {}

  async form(context: CommandContext, card: CommunityCard): Promise<Community> {
    const identity = requireDirectoryEditor(context.identity);
    const { state, changes } = formCommunity(card, {
      id: newId(),
      tenantId: identity.tenantId,
      now: context.now,
    });
    await this.checkParent(state);
    await this.communities.insert(state, communityEvents(state, changes, context));
    return state;
  }

  async update(
    context: CommandContext,
    id: string,
    expectedVersion: number,
    patch: Partial<CommunityCard>,
  ): Promise<Community> {
    const identity = requireDirectoryEditor(context.identity);
    const current = await this.communities.getForChange(identity.tenantId, id, expectedVersion);
    const { state, changes } = updateCommunity(current, patch, context.now);
    if (changes.length === 0) return current;
    const next = { ...state, version: expectedVersion + 1 };
    await this.checkParent(next);
    return this.communities.update(next, expectedVersion, communityEvents(next, changes, context));
  }

  async dissolve(
    context: CommandContext,
    id: string,
    expectedVersion: number,
    reason?: string | null,
  ): Promise<Community> {
    const identity = requireDirectoryEditor(context.identity);
    const current = await this.communities.getForChange(identity.tenantId, id, expectedVersion);
    const { state, changes } = dissolveCommunity(current, reason, context.now);
    const next = { ...state, version: expectedVersion + 1 };
    return this.communities.update(next, expectedVersion, communityEvents(next, changes, context));
  }

  async find(context: CommandContext, id: string): Promise<Community | undefined> {
    const identity = requireReader(context.identity);
    const found = await this.communities.get(identity.tenantId, id);
    return found && (found.published || seesInternal(identity)) ? found : undefined;
  }

  async findMany(context: CommandContext, ids: readonly string[]): Promise<Community[]> {
    const identity = requireReader(context.identity);
    return (await this.communities.getMany(identity.tenantId, ids)).filter(
      (c) => c.published || seesInternal(identity),
    );
  }

  async search(
    context: CommandContext,
    filter: CommunityFilter,
    page: PageRequest,
  ): Promise<Page<Community>> {
    const identity = requireReader(context.identity);
    return this.communities.search(
      identity.tenantId,
      { ...filter, publishedOnly: !seesInternal(identity) },
      page,
    );
  }

  /**
   * Dissolves temporary communities past their last day. Runs periodically; a community changed
   * meanwhile fails its version check and is picked up next time, so it is dissolved once.
   */
  async dissolveExpired(now: Date, limit = 100): Promise<number> {
    let dissolved = 0;
    for (const community of await this.communities.expired(now.toISOString().slice(0, 10), limit)) {
      if (!isExpired(community, now)) continue;
      const context: CommandContext = {
        identity: null,
        now,
        correlationId: `expiry:${community.id}`,
      };
      const { state, changes } = dissolveCommunity(community, EXPIRED_REASON, now);
      const next = { ...state, version: community.version + 1 };
      try {
        await this.communities.update(
          next,
          community.version,
          communityEvents(next, changes, context),
        );
        dissolved += 1;
      } catch (error) {
        if ((error as { code?: string }).code !== 'CONFLICT') throw error;
      }
    }
    return dissolved;
  }

  private async checkParent(state: Community): Promise<void> {
    if (!state.parentId) return;
    const parent = await this.communities.get(state.tenantId, state.parentId);
    if (!parent) throw badInput('parentId', `community ${state.parentId} does not exist`);
    let ancestor: Community | undefined = parent;
    for (let depth = 0; ancestor?.parentId && depth < 50; depth += 1) {
      if (ancestor.parentId === state.id)
        throw badInput('parentId', 'would make the hierarchy a cycle');
      ancestor = await this.communities.get(state.tenantId, ancestor.parentId);
    }
  }
}
