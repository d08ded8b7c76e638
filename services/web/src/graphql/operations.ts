import { graphql } from '../generated';

// Every operation the board sends; GraphQL Code Generator types each from api.graphql.

export const DirectoryOrganizationsQuery = graphql(`
  query DirectoryOrganizations($first: Int!, $after: String, $text: String) {
    organizations(first: $first, after: $after, filter: { text: $text }) {
      totalCount
      pageInfo {
        endCursor
        hasNextPage
      }
      nodes {
        id
        name
        shortName
        kind
        subdivision
      }
    }
  }
`);

export const DirectoryPeopleQuery = graphql(`
  query DirectoryPeople($first: Int!, $after: String, $text: String) {
    people(first: $first, after: $after, filter: { text: $text }) {
      totalCount
      pageInfo {
        endCursor
        hasNextPage
      }
      nodes {
        id
        fullName
        position
        organization {
          id
          shortName
        }
      }
    }
  }
`);

export const DirectoryWorkingGroupsQuery = graphql(`
  query DirectoryWorkingGroups($first: Int!, $after: String, $text: String) {
    communities(first: $first, after: $after, filter: { text: $text, kind: WORKING_GROUP }) {
      totalCount
      pageInfo {
        endCursor
        hasNextPage
      }
      nodes {
        id
        name
        status
        validUntil
        members(first: 1) {
          totalCount
        }
      }
    }
  }
`);

export const RoundtablesQuery = graphql(`
  query Roundtables($first: Int!, $after: String, $text: String) {
    roundtables(first: $first, after: $after, filter: { text: $text }) {
      totalCount
      pageInfo {
        endCursor
        hasNextPage
      }
      nodes {
        id
        title
        status
        startsAt
        venue
        conference {
          id
          title
        }
      }
    }
  }
`);

export const RoundtableQuery = graphql(`
  query Roundtable($id: ID!) {
    roundtable(id: $id) {
      id
      version
      title
      status
      startsAt
      endsAt
      venue
      statementCount
      conference {
        id
        title
      }
      moderator {
        __typename
        ... on Person {
          id
          fullName
        }
        ... on Organization {
          id
          shortName
        }
      }
      agenda {
        id
        position
        title
        status
        result
      }
      resolutions {
        id
        kind
        status
        text
        agendaItemIds
        dueDate
      }
      participants {
        id
        role
        attendance
        person {
          id
          fullName
        }
        organization {
          id
          shortName
        }
        delegation {
          description
        }
      }
    }
  }
`);

export const MinutesQuery = graphql(`
  query Minutes($id: ID!, $first: Int!, $after: String) {
    roundtable(id: $id) {
      id
      statements(first: $first, after: $after) {
        pageInfo {
          endCursor
          hasNextPage
        }
        nodes {
          ...MinutesLine
        }
      }
    }
  }
`);

export const MinutesLineFragment = graphql(`
  fragment MinutesLine on Statement {
    id
    sequence
    revision
    text
    occurredAt
    speaker {
      __typename
      ... on Person {
        id
        fullName
      }
      ... on Organization {
        id
        shortName
      }
    }
  }
`);

export const RoundtableLiveSubscription = graphql(`
  subscription RoundtableLive($id: ID!, $after: String) {
    roundtableLive(roundtableId: $id, after: $after) {
      cursor
      type
    }
  }
`);

export const RecordStatementMutation = graphql(`
  mutation RecordStatement($roundtableId: ID!, $input: RecordStatementInput!) {
    recordStatement(roundtableId: $roundtableId, input: $input) {
      ...MinutesLine
    }
  }
`);
