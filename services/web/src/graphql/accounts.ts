import { graphql } from '../generated';

/**
 * The organisations an addressee's clerk may speak for, to pick when inviting one: ministries,
 * agencies and parliamentary committees of the directory (the first 100 of each kind).
 */
export const AddresseeOrganizationsQuery = graphql(`
  query AddresseeOrganizations {
    ministries: organizations(first: 100, filter: { kind: MINISTRY }) {
      edges {
        node {
          id
          name
          shortName
        }
      }
    }
    agencies: organizations(first: 100, filter: { kind: AGENCY }) {
      edges {
        node {
          id
          name
          shortName
        }
      }
    }
    committees: organizations(first: 100, filter: { kind: PARLIAMENTARY_COMMITTEE }) {
      edges {
        node {
          id
          name
          shortName
        }
      }
    }
  }
`);
