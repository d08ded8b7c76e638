import { ConnectionArgs, pageRequest, toConnection } from '@kollegia/service-kit';
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

import { seesContacts } from '../../application/permissions';
import type { Person } from '../../domain/person';
import type { MembersContext } from '../context';
import { OrganizationType } from '../organization/organization.type';
import { PersonConnection } from './person.connection';
import { PersonFilterInput, RegisterPersonInput, UpdatePersonInput } from './person.input';
import { ContactsType, PersonType } from './person.type';

@Resolver(() => PersonType)
export class PersonResolver {
  @Query(() => PersonType, { nullable: true })
  person(@Arg('id', () => ID) id: string, @Ctx() ctx: MembersContext) {
    return ctx.useCases.people.find(ctx.command, id);
  }

  @Query(() => PersonConnection, { description: 'People, by name.' })
  async people(
    @Args() page: ConnectionArgs,
    @Arg('filter', () => PersonFilterInput, { nullable: true }) filter: PersonFilterInput | null,
    @Ctx() ctx: MembersContext,
  ) {
    return toConnection(
      await ctx.useCases.people.search(ctx.command, filter ?? {}, pageRequest(page)),
    );
  }

  @Mutation(() => PersonType)
  registerPerson(@Arg('input') input: RegisterPersonInput, @Ctx() ctx: MembersContext) {
    return ctx.useCases.people.register(ctx.command, input);
  }

  @Mutation(() => PersonType)
  updatePerson(
    @Arg('id', () => ID) id: string,
    @Arg('expectedVersion', () => Int) expectedVersion: number,
    @Arg('input') input: UpdatePersonInput,
    @Ctx() ctx: MembersContext,
  ) {
    return ctx.useCases.people.update(ctx.command, id, expectedVersion, input as never);
  }

  @FieldResolver(() => ContactsType, {
    nullable: true,
    description: 'Null unless you are a member, secretary or admin of the workspace.',
  })
  contacts(@Root() person: Person, @Ctx() ctx: MembersContext) {
    return seesContacts(ctx.command.identity) ? person.contacts : null;
  }

  @FieldResolver(() => OrganizationType, { nullable: true })
  organization(@Root() person: Person, @Ctx() ctx: MembersContext) {
    return person.organizationId ? ctx.loaders.organizations.load(person.organizationId) : null;
  }
}
