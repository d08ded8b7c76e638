import { graphql } from '../generated';

// Conferences, their round tables and the documents to read: the conference's resolutions and a
// round table's minutes; and the secretary's agenda controls on a round table.

export const ConferencesQuery = graphql(`
  query Conferences($first: Int!, $after: String, $text: String) {
    conferences(first: $first, after: $after, filter: { text: $text }) {
      totalCount
      pageInfo {
        endCursor
        hasNextPage
      }
      nodes {
        id
        title
        kind
        status
        startsOn
        endsOn
        city
      }
    }
  }
`);

export const ConferenceQuery = graphql(`
  query Conference($id: ID!, $first: Int!, $after: String) {
    conference(id: $id) {
      id
      title
      kind
      status
      startsOn
      endsOn
      city
      venue
      description
      organizers {
        id
        shortName
      }
      roundtables(first: $first, after: $after) {
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
          participants {
            id
          }
        }
      }
    }
  }
`);

export const ConferenceResolutionsFileQuery = graphql(`
  query ConferenceResolutionsFile($id: ID!, $format: DocumentFormat!) {
    conferenceResolutions(id: $id) {
      title
      file(format: $format) {
        fileName
        mimeType
        base64
      }
    }
  }
`);

export const RoundtableMinutesFileQuery = graphql(`
  query RoundtableMinutesFile($id: ID!, $format: DocumentFormat!) {
    roundtableMinutes(id: $id) {
      title
      file(format: $format) {
        fileName
        mimeType
        base64
      }
    }
  }
`);

export const OpenAgendaItemMutation = graphql(`
  mutation OpenAgendaItem($roundtableId: ID!, $agendaItemId: ID!, $expectedVersion: Int!) {
    openAgendaItem(
      roundtableId: $roundtableId
      agendaItemId: $agendaItemId
      expectedVersion: $expectedVersion
    ) {
      id
      version
    }
  }
`);

export const CloseAgendaItemMutation = graphql(`
  mutation CloseAgendaItem(
    $roundtableId: ID!
    $agendaItemId: ID!
    $expectedVersion: Int!
    $result: String
  ) {
    closeAgendaItem(
      roundtableId: $roundtableId
      agendaItemId: $agendaItemId
      expectedVersion: $expectedVersion
      result: $result
    ) {
      id
      version
    }
  }
`);

export const ProposeResolutionMutation = graphql(`
  mutation ProposeResolution(
    $roundtableId: ID!
    $expectedVersion: Int!
    $input: ProposeResolutionInput!
  ) {
    proposeResolution(
      roundtableId: $roundtableId
      expectedVersion: $expectedVersion
      input: $input
    ) {
      id
      version
    }
  }
`);
