import { ConnectionArgs, LongText, pageRequest, toConnection } from '@kollegia/service-kit';
import {
  Arg,
  Args,
  Ctx,
  FieldResolver,
  ID,
  Int,
  Mutation,
  Query,
  Resolver,
  Root,
} from 'type-graphql';

import type { Organization } from '../../domain/organization';
import type { MembersContext } from '../context';
import {
  OrganizationFilterInput,
  RegisterOrganizationInput,
  UpdateOrganizationInput,
} from './organization.input';
import { OrganizationConnection } from './organization.connection';
import { OrganizationType } from './organization.type';

@Resolver(() => OrganizationType)
export class OrganizationResolver {
  @Query(() => OrganizationType, {
    nullable: true,
    description: 'An organisation of your workspace.',
  })
  organization(@Arg('id', () => ID) id: string, @Ctx() ctx: MembersContext) {
    return ctx.useCases.organizations.find(ctx.command, id);
  }

  @Query(() => OrganizationConnection, { description: 'The directory, by name.' })
  async organizations(
    @Args() page: ConnectionArgs,
    @Arg('filter', () => OrganizationFilterInput, { nullable: true })
    filter: OrganizationFilterInput | null,
    @Ctx() ctx: MembersContext,
  ) {
    const { region, ...rest } = filter ?? {};
    return toConnection(
      await ctx.useCases.organizations.search(
        ctx.command,
        { ...rest, subdivision: rest.subdivision ?? region },
        pageRequest(page),
      ),
    );
  }

  @Mutation(() => OrganizationType)
  registerOrganization(@Arg('input') input: RegisterOrganizationInput, @Ctx() ctx: MembersContext) {
    return ctx.useCases.organizations.register(ctx.command, input);
  }

  @Mutation(() => OrganizationType)
  updateOrganization(
    @Arg('id', () => ID) id: string,
    @Arg('expectedVersion', () => Int) expectedVersion: number,
    @Arg('input') input: UpdateOrganizationInput,
    @Ctx() ctx: MembersContext,
  ) {
    return ctx.useCases.organizations.update(ctx.command, id, expectedVersion, input as never);
  }

  @LongText('reason')
  @Mutation(() => OrganizationType)
  archiveOrganization(
    @Arg('id', () => ID) id: string,
    @Arg('expectedVersion', () => Int) expectedVersion: number,
    @Arg('reason', () => String, { nullable: true }) reason: string | null,
    @Ctx() ctx: MembersContext,
  ) {
    return ctx.useCases.organizations.archive(ctx.command, id, expectedVersion, reason);
  }

  @FieldResolver(() => String, {
    description: 'ISO 3166-2 code of the subdivision where it sits.',
    deprecationReason: 'Use subdivision (the same code).',
  })
  region(@Root() organization: Organization): string {
    return organization.subdivision;
  }

  @FieldResolver(() => OrganizationType, { nullable: true })
  parent(@Root() organization: Organization, @Ctx() ctx: MembersContext) {
    return organization.parentId ? ctx.loaders.organizations.load(organization.parentId) : null;
  }

  @FieldResolver(() => OrganizationConnection, { description: 'Its child organisations.' })
  async children(
    @Root() organization: Organization,
    @Args() page: ConnectionArgs,
    @Ctx() ctx: MembersContext,
  ) {
    return toConnection(
      await ctx.useCases.organizations.search(
        ctx.command,
        { parentId: organization.id },
        pageRequest(page),
      ),
    );
  }
}
