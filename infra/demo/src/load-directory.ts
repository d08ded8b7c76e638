import type { LoadContext, Versioned } from './load-context';
import * as op from './operations';

/** Organisations (parents first), people, communities and their memberships. */
export async function loadDirectory(ctx: LoadContext): Promise<void> {
  const { organizations, people, communities } = ctx.workspace;
  // Parents first: the list is in that order (a unit test keeps it so).
  for (const org of organizations) {
    const { key, parent, ...card } = org;
    const created = await ctx.api.run<{ registerOrganization: Versioned }>(
      `register organisation «${org.shortName}»`,
      op.REGISTER_ORGANIZATION,
      { input: { ...card, parentId: parent ? ctx.org(parent) : undefined, published: true } },
    );
    ctx.orgIds.set(key, created.registerOrganization.id);
  }
  for (const person of people) {
    const { key, organization, ...card } = person;
    const created = await ctx.api.run<{ registerPerson: Versioned }>(
      `register person «${person.fullName}»`,
      op.REGISTER_PERSON,
      { input: { ...card, organizationId: ctx.org(organization) } },
    );
    ctx.personIds.set(key, created.registerPerson.id);
  }
  let memberships = 0;
  for (const community of communities) {
    const { key, parent, members, ...card } = community;
    const parentId = parent ? ctx.communityIds.get(parent) : undefined;
    const formed = await ctx.api.run<{ formCommunity: Versioned }>(
      `form community «${community.name}»`,
      op.FORM_COMMUNITY,
      { input: { ...card, parentId, published: true } },
    );
    const communityId = formed.formCommunity.id;
    ctx.communityIds.set(key, communityId);
    for (const member of members) {
      const party = ctx.party(member.party);
      await ctx.api.run(`grant a membership in «${community.name}»`, op.GRANT_MEMBERSHIP, {
        input: {
          communityId,
          memberKind: party.kind,
          memberId: party.id,
          role: member.role,
          since: member.since,
        },
      });
      memberships += 1;
    }
  }
  ctx.log(
    `directory: ${organizations.length} organisations, ${people.length} people, ${communities.length} communities, ${memberships} memberships`,
  );
}
