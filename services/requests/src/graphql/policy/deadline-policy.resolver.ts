import { withoutUndefined } from '@kollegia/service-kit/domain';
import { Arg, Ctx, Mutation, Query, Resolver } from 'type-graphql';

import type { EffectivePolicy } from '../../application/deadline-policies';
import { jurisdictionOf } from '../../domain/calendars/production-calendar';
import type { DeadlinePolicy } from '../../domain/deadline';
import { DEADLINE_PROCEDURES } from '../../domain/procedures';
import type { RequestsContext } from '../context';
import { OrganizationKind } from '../shared/enums';
import { RequestDeadlinePolicyInput } from './deadline-policy.input';
import { RequestDeadlinePolicyType } from './deadline-policy.type';

function toType({ addresseeKind, policy, stored }: EffectivePolicy): RequestDeadlinePolicyType {
  return {
    ...(addresseeKind ? { addresseeKind } : {}),
    ...policy,
    law: DEADLINE_PROCEDURES[policy.jurisdiction].law,
    holidays: [...policy.holidays],
    workingWeekendDays: [...policy.workingWeekendDays],
    customized: stored !== undefined,
    ...(stored ? { version: stored.version, updatedAt: stored.updatedAt } : {}),
  };
}

/** Nulls in the input mean "not set": the setting is inherited. */
function settingsOf(input: RequestDeadlinePolicyInput): Partial<DeadlinePolicy> {
  return withoutUndefined(
    Object.fromEntries(
      Object.entries(input).map(([key, value]) => [key, value ?? undefined]),
    ) as Partial<DeadlinePolicy>,
  );
}

@Resolver(() => RequestDeadlinePolicyType)
export class DeadlinePolicyResolver {
  @Query(() => RequestDeadlinePolicyType, {
    description:
      'The deadline policy in force for a kind of addressee (or the workspace default) of a country.',
  })
  async deadlinePolicy(
    @Arg('addresseeKind', () => OrganizationKind, { nullable: true })
    addresseeKind: keyof typeof OrganizationKind | null,
    @Arg('country', () => String, {
      nullable: true,
      description:
        'The addressees’ country (ISO 3166-1 alpha-2); its procedure if one ships (BY), else Russia’s.',
    })
    country: string | null,
    @Ctx() ctx: RequestsContext,
  ) {
    return toType(
      await ctx.useCases.policies.get(
        ctx.command,
        addresseeKind ?? undefined,
        jurisdictionOf(country),
      ),
    );
  }

  @Mutation(() => RequestDeadlinePolicyType, {
    description:
      'Sets the deadline policy for a kind of addressee (or the workspace default); admins only. Applies to deadlines computed from now on.',
  })
  async setDeadlinePolicy(
    @Arg('addresseeKind', () => OrganizationKind, { nullable: true })
    addresseeKind: keyof typeof OrganizationKind | null,
    @Arg('input') input: RequestDeadlinePolicyInput,
    @Ctx() ctx: RequestsContext,
  ) {
    return toType(
      await ctx.useCases.policies.set(ctx.command, addresseeKind ?? undefined, settingsOf(input)),
    );
  }

  @Query(() => String, {
    description: 'What the workspace’s outgoing numbers start with, e.g. АКИТ in АКИТ-2016/014.',
  })
  async outgoingNumberPrefix(@Ctx() ctx: RequestsContext) {
    return ctx.useCases.requests.numberPrefix(ctx.command);
  }

  @Mutation(() => String, {
    description: 'Sets what the workspace’s outgoing numbers start with; admins only.',
  })
  setOutgoingNumberPrefix(@Arg('prefix') prefix: string, @Ctx() ctx: RequestsContext) {
    return ctx.useCases.requests.setNumberPrefix(ctx.command, prefix);
  }
}
