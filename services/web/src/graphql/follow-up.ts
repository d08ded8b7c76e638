import { graphql } from '../generated';

// The follow-up journey's steps the board takes: a sitting started and concluded, a proposed
// recommendation adopted or rejected, and a request about an adopted one drafted and sent.

export const StartRoundtableMutation = graphql(`
  mutation StartRoundtable($id: ID!, $expectedVersion: Int!) {
    startRoundtable(id: $id, expectedVersion: $expectedVersion) {
      id
      version
      status
    }
  }
`);

export const ConcludeRoundtableMutation = graphql(`
  mutation ConcludeRoundtable($id: ID!, $expectedVersion: Int!) {
    concludeRoundtable(id: $id, expectedVersion: $expectedVersion) {
      id
      version
      status
    }
  }
`);

/** The association and its bodies, to say who decided (organisations of kind ASSOCIATION). */
export const DecidingOrganizationsQuery = graphql(`
  query DecidingOrganizations {
    organizations(first: 100, filter: { kind: ASSOCIATION }) {
      nodes {
        id
        name
        shortName
      }
    }
  }
`);

export const AdoptRecommendationMutation = graphql(`
  mutation AdoptRecommendation(
    $id: ID!
    $expectedVersion: Int!
    $input: AdoptRecommendationInput!
  ) {
    adoptRecommendation(id: $id, expectedVersion: $expectedVersion, input: $input) {
      id
      version
      status
    }
  }
`);

export const RejectRecommendationMutation = graphql(`
  mutation RejectRecommendation(
    $id: ID!
    $expectedVersion: Int!
    $input: RejectRecommendationInput!
  ) {
    rejectRecommendation(id: $id, expectedVersion: $expectedVersion, input: $input) {
      id
      version
      status
    }
  }
`);

export const DraftRequestMutation = graphql(`
  mutation DraftRequest($input: DraftRequestInput!) {
    draftRequest(input: $input) {
      id
      version
      status
    }
  }
`);

export const SubmitRequestMutation = graphql(`
  mutation SubmitRequest($id: ID!, $expectedVersion: Int!) {
    submitRequest(id: $id, expectedVersion: $expectedVersion) {
      id
      version
      status
      outgoingNumber
    }
  }
`);
