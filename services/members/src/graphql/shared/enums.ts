import {
  communityKindSchema,
  communityStatusSchema,
  memberKindSchema,
  membershipRoleSchema,
  organizationKindSchema,
  organizationStatusSchema,
} from '@kollegia/events';
import { registerEnumType } from 'type-graphql';

/** The GraphQL enums, from the same zod enums the event contracts use. */
export const OrganizationKind = organizationKindSchema.enum;
export const OrganizationStatus = organizationStatusSchema.enum;
export const CommunityKind = communityKindSchema.enum;
export const CommunityStatus = communityStatusSchema.enum;
export const MembershipRole = membershipRoleSchema.enum;
export const MemberKind = memberKindSchema.enum;
export const MembershipStatus = { ACTIVE: 'ACTIVE', REVOKED: 'REVOKED' } as const;

registerEnumType(OrganizationKind, {
  name: 'OrganizationKind',
  description: 'What kind of body an organisation is.',
});
registerEnumType(OrganizationStatus, { name: 'OrganizationStatus' });
registerEnumType(CommunityKind, { name: 'CommunityKind' });
registerEnumType(CommunityStatus, { name: 'CommunityStatus' });
registerEnumType(MembershipRole, { name: 'MembershipRole' });
registerEnumType(MemberKind, {
  name: 'MemberKind',
  description: 'Whether a member is an organisation or a person.',
});
registerEnumType(MembershipStatus, { name: 'MembershipStatus' });
