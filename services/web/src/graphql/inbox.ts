import { graphql } from '../generated';

// The addressee's inbox: requests sent to the organisation the token speaks for, and the items
// under control it answers for or controls.

export const InboxQuery = graphql(`
  query Inbox($first: Int!, $after: String) {
    inbox(first: $first, after: $after) {
      totalCount
      pageInfo {
        endCursor
        hasNextPage
      }
      nodes {
        id
        outgoingNumber
        subject
        kind
        status
        submittedAt
        dueAt
        daysRemaining
        dayCount
        overdue
        deadline {
          stage
          dueOn
        }
      }
    }
  }
`);

export const InboxRequestQuery = graphql(`
  query InboxRequest($id: ID!) {
    request(id: $id) {
      id
      version
      outgoingNumber
      subject
      body
      kind
      status
      submittedAt
      dueAt
      daysRemaining
      dayCount
      overdue
      deadline {
        stage
        dueOn
      }
      timeZone
      incomingNumber
      registeredOn
      answer {
        outcome
        text
        answeredAt
        onTime
      }
    }
  }
`);

export const RequestLetterFileQuery = graphql(`
  query RequestLetterFile($id: ID!, $format: DocumentFormat!) {
    request(id: $id) {
      id
      letter {
        file(format: $format) {
          fileName
          mimeType
          base64
        }
      }
    }
  }
`);

export const RegisterRequestMutation = graphql(`
  mutation RegisterRequest($id: ID!, $expectedVersion: Int!, $input: RegisterRequestInput!) {
    registerRequest(id: $id, expectedVersion: $expectedVersion, input: $input) {
      id
      version
      status
    }
  }
`);

export const AnswerRequestMutation = graphql(`
  mutation AnswerRequest($id: ID!, $expectedVersion: Int!, $input: AnswerRequestInput!) {
    answerRequest(id: $id, expectedVersion: $expectedVersion, input: $input) {
      id
      version
      status
    }
  }
`);

export const AddresseeInboxSubscription = graphql(`
  subscription AddresseeInbox($after: String) {
    addresseeInbox(after: $after) {
      cursor
      type
    }
  }
`);

export const InboxControlItemsQuery = graphql(`
  query InboxControlItems($first: Int!, $after: String) {
    controlItems(first: $first, after: $after, filter: { status: [UNDER_CONTROL] }) {
      totalCount
      pageInfo {
        endCursor
        hasNextPage
      }
      nodes {
        id
        version
        text
        dueDate
        overdue
        status
        controller {
          id
          shortName
        }
        responsible {
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
        source {
          meetingDate
          roundtable {
            id
            title
          }
        }
        progress {
          id
          text
          percent
          reportedAt
        }
      }
    }
  }
`);

export const ReportControlItemProgressMutation = graphql(`
  mutation ReportControlItemProgress(
    $id: ID!
    $expectedVersion: Int!
    $input: ControlItemProgressInput!
  ) {
    reportControlItemProgress(id: $id, expectedVersion: $expectedVersion, input: $input) {
      id
      version
    }
  }
`);

export const MarkControlItemDoneMutation = graphql(`
  mutation MarkControlItemDone($id: ID!, $expectedVersion: Int!, $note: String) {
    markControlItemDone(id: $id, expectedVersion: $expectedVersion, note: $note) {
      id
      version
      status
    }
  }
`);
