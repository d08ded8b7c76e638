import type { CommunityRepository } from '../db/community.repository';
import type { MembershipRepository } from '../db/membership.repository';
import type { OrganizationRepository } from '../db/organization.repository';
import type { PersonRepository } from '../db/person.repository';
import { CommunityUseCases } from './communities';
import { MembershipUseCases } from './memberships';
import { OrganizationUseCases } from './organizations';
import { PersonUseCases } from './people';

export interface MembersRepositories {
  organizations: OrganizationRepository;
  people: PersonRepository;
  communities: CommunityRepository;
  memberships: MembershipRepository;
}

/** Every use case of the members service, wired to its repositories. */
export class MembersUseCases {
  readonly organizations: OrganizationUseCases;
  readonly people: PersonUseCases;
  readonly communities: CommunityUseCases;
  readonly memberships: MembershipUseCases;

  constructor(repos: MembersRepositories) {
    this.organizations = new OrganizationUseCases(repos.organizations, repos.memberships);
    this.people = new PersonUseCases(repos.people, repos.organizations, repos.memberships);
    this.communities = new CommunityUseCases(repos.communities);
    this.memberships = new MembershipUseCases(
      repos.memberships,
      repos.communities,
      repos.organizations,
      repos.people,
    );
  }
}
