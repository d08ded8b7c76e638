import { Directive, Field, ID, ObjectType } from 'type-graphql';

/**
 * The members service's `Organization`, referenced by id. Resolvable here because this subgraph
 * contributes `Organization.requestsReceived` and `Organization.responseStats`; every other field
 * comes from members.
 */
@Directive('@key(fields: "id")')
@ObjectType('Organization')
export class OrganizationRef {
  @Field(() => ID)
  id: string;
}

export const organizationRef = (id: string): OrganizationRef => ({ id });
