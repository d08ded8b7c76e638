import { z } from 'zod';

/** What an organisation is: a business, a government body, an intermediary or another kind. */
export const organizationKindSchema = z.enum([
  'ENTERPRISE',
  'MINISTRY',
  'AGENCY',
  'PARLIAMENTARY_COMMITTEE',
  'REGIONAL_AUTHORITY',
  'ASSOCIATION',
  'CLUSTER',
  'TECHNOPARK',
  'COMPETENCE_CENTER',
  'BANK',
  'UNIVERSITY',
  'RESEARCH_INSTITUTE',
  'IT_VENDOR',
  'EXPERT_CLUB',
  'PROJECT_OFFICE',
  'MEDIA',
  'OTHER',
]);
/** What an organisation is. */
export type OrganizationKind = z.infer<typeof organizationKindSchema>;

/** Whether an organisation is still in the directory's active part. */
export const organizationStatusSchema = z.enum(['ACTIVE', 'ARCHIVED']);
/** Whether an organisation is still in the directory's active part. */
export type OrganizationStatus = z.infer<typeof organizationStatusSchema>;

/** What a community is. */
export const communityKindSchema = z.enum([
  'ASSOCIATION',
  'CLUSTER',
  'WORKING_GROUP',
  'COMPETENCE_CENTER',
  'EXPERT_COUNCIL',
  'COMMITTEE',
]);
/** What a community is. */
export type CommunityKind = z.infer<typeof communityKindSchema>;

/** Whether a community still exists. */
export const communityStatusSchema = z.enum(['ACTIVE', 'DISSOLVED']);
/** Whether a community still exists. */
export type CommunityStatus = z.infer<typeof communityStatusSchema>;

/** A member's role in a community. */
export const membershipRoleSchema = z.enum([
  'CHAIR',
  'DEPUTY_CHAIR',
  'SECRETARY',
  'MEMBER',
  'OBSERVER',
  'EXPERT',
]);
/** A member's role in a community. */
export type MembershipRole = z.infer<typeof membershipRoleSchema>;

/** Whether a member of a community is an organisation or a person. */
export const memberKindSchema = z.enum(['ORGANIZATION', 'PERSON']);
/** Whether a member of a community is an organisation or a person. */
export type MemberKind = z.infer<typeof memberKindSchema>;
