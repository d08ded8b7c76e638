import { graphql } from '../generated';

// The recommendations board's operations: the list, one recommendation's chain, its live changes,
// and what a reader may do there (endorse, take an endorsement back, report progress).

export const RecommendationConferencesQuery = graphql(`
  query RecommendationConferences {
    conferences(first: 100) {
      nodes {
        id
        title
        startsOn
      }
    }
  }
`);

export const RecommendationsQuery = graphql(`
  query Recommendations($first: Int!, $after: String, $filter: RecommendationFilterInput) {
    recommendations(first: $first, after: $after, filter: $filter) {
      totalCount
      pageInfo {
        endCursor
        hasNextPage
      }
      nodes {
        id
        code
        shortTitle
        status
        overdue
        dueDate
        addressees {
          id
          shortName
        }
        requests {
          id
          status
          overdue
          daysRemaining
          dueAt
        }
      }
    }
  }
`);

export const RecommendationPartyFragment = graphql(`
  fragment RecommendationPartyName on RecommendationParty {
    __typename
    ... on Organization {
      id
      shortName
    }
    ... on Person {
      id
      fullName
    }
  }
`);

export const RecommendationQuery = graphql(`
  query Recommendation($id: ID!) {
    recommendation(id: $id) {
      id
      version
      code
      title
      status
      priority
      overdue
      dueDate
      reviewDate
      recommendedText
      legalBasis
      createdAt
      proposedAt
      startedAt
      finishedAt
      implementationNote
      lastProgressPercent
      withdrawnAt
      withdrawalReason
      supersededAt
      supersessionReason
      supersededBy {
        id
        code
        shortTitle
      }
      source {
        meetingDate
        resolutionId
        conference {
          id
          title
        }
        roundtable {
          id
          title
          startsAt
          resolutions {
            id
            text
          }
        }
      }
      addressees {
        id
        shortName
      }
      responsible {
        ...RecommendationPartyName
      }
      decision {
        decidedAt
        decidedText
        decidedBy {
          ...RecommendationPartyName
        }
      }
      rejection {
        decidedAt
        reason
      }
      endorsements {
        comment
        endorsedAt
        party {
          ...RecommendationPartyName
        }
      }
      requests {
        id
        version
        status
        subject
        outgoingNumber
        submittedAt
        incomingNumber
        registeredOn
        overdue
        daysRemaining
        dueAt
        withdrawalReason
        deadline {
          dueOn
          stage
        }
        addressee {
          id
          shortName
        }
        answer {
          answeredAt
          outcome
          onTime
          text
        }
      }
      progressReports(first: 100) {
        totalCount
        nodes {
          id
          percent
          text
          reportedAt
          author {
            ...RecommendationPartyName
          }
        }
      }
      timeline(first: 100) {
        totalCount
        nodes {
          id
          type
          status
          occurredAt
          data
        }
      }
    }
  }
`);

export const RecommendationChangedSubscription = graphql(`
  subscription RecommendationChanged($id: ID!, $after: String) {
    recommendationChanged(id: $id, after: $after) {
      cursor
      type
    }
  }
`);

export const EndorseRecommendationMutation = graphql(`
  mutation EndorseRecommendation(
    $id: ID!
    $expectedVersion: Int!
    $party: RecommendationPartyInput
  ) {
    endorseRecommendation(id: $id, expectedVersion: $expectedVersion, party: $party) {
      id
      version
    }
  }
`);

export const WithdrawRecommendationEndorsementMutation = graphql(`
  mutation WithdrawRecommendationEndorsement(
    $id: ID!
    $expectedVersion: Int!
    $party: RecommendationPartyInput
  ) {
    withdrawRecommendationEndorsement(id: $id, expectedVersion: $expectedVersion, party: $party) {
      id
      version
    }
  }
`);

export const ReportRecommendationProgressMutation = graphql(`
  mutation ReportRecommendationProgress(
    $id: ID!
    $expectedVersion: Int!
    $input: ReportRecommendationProgressInput!
  ) {
    reportRecommendationProgress(id: $id, expectedVersion: $expectedVersion, input: $input) {
      id
      version
    }
  }
`);
