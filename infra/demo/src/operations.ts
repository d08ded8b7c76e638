// The operations the demo sends to the gateway: only public API (infra/supergraph/api.graphql).

export const WORKSPACE_COUNTS = /* GraphQL */ `
  query DemoWorkspaceCounts {
    organizations(first: 1) {
      totalCount
    }
    people(first: 1) {
      totalCount
    }
    communities(first: 1) {
      totalCount
    }
    conferences(first: 1) {
      totalCount
    }
    roundtables(first: 1) {
      totalCount
    }
    recommendations(first: 1) {
      totalCount
    }
    requests(first: 1) {
      totalCount
    }
  }
`;

export const ORGANIZATION_COUNT = /* GraphQL */ `
  query DemoOrganizationCount {
    organizations(first: 1) {
      totalCount
    }
  }
`;

export const FIND_PERSON = /* GraphQL */ `
  query DemoPerson($name: String!) {
    people(filter: { text: $name }, first: 10) {
      nodes {
        id
        fullName
      }
    }
  }
`;

export const FIND_LANDMARKS = /* GraphQL */ `
  query DemoLandmarks($ministry: String!, $conference: String!, $upcoming: String!) {
    ministry: organizations(filter: { text: $ministry, kind: MINISTRY }, first: 1) {
      nodes {
        id
      }
    }
    conference: conferences(filter: { text: $conference }, first: 1) {
      nodes {
        id
      }
    }
    upcoming: roundtables(filter: { text: $upcoming, status: SCHEDULED }, first: 1) {
      nodes {
        id
        version
      }
    }
    overdue: requests(filter: { overdue: true }, first: 1) {
      nodes {
        id
        outgoingNumber
        dueAt
        addressee {
          shortName
        }
      }
    }
  }
`;

export const REGISTER_ORGANIZATION = /* GraphQL */ `
  mutation DemoRegisterOrganization($input: RegisterOrganizationInput!) {
    registerOrganization(input: $input) {
      id
      version
    }
  }
`;

export const REGISTER_PERSON = /* GraphQL */ `
  mutation DemoRegisterPerson($input: RegisterPersonInput!) {
    registerPerson(input: $input) {
      id
      version
    }
  }
`;

export const FORM_COMMUNITY = /* GraphQL */ `
  mutation DemoFormCommunity($input: FormCommunityInput!) {
    formCommunity(input: $input) {
      id
      version
    }
  }
`;

export const GRANT_MEMBERSHIP = /* GraphQL */ `
  mutation DemoGrantMembership($input: GrantMembershipInput!) {
    grantMembership(input: $input) {
      id
      version
    }
  }
`;

export const SCHEDULE_CONFERENCE = /* GraphQL */ `
  mutation DemoScheduleConference($input: ScheduleConferenceInput!) {
    scheduleConference(input: $input) {
      id
      version
    }
  }
`;

export const OPEN_CONFERENCE = /* GraphQL */ `
  mutation DemoOpenConference($id: ID!, $version: Int!, $at: DateTimeISO!) {
    openConference(id: $id, expectedVersion: $version, openedAt: $at) {
      version
    }
  }
`;

export const CLOSE_CONFERENCE = /* GraphQL */ `
  mutation DemoCloseConference($id: ID!, $version: Int!, $at: DateTimeISO!) {
    closeConference(id: $id, expectedVersion: $version, closedAt: $at) {
      version
    }
  }
`;

export const SCHEDULE_ROUNDTABLE = /* GraphQL */ `
  mutation DemoScheduleRoundtable($input: ScheduleRoundtableInput!) {
    scheduleRoundtable(input: $input) {
      id
      version
    }
  }
`;

export const REGISTER_PARTICIPANT = /* GraphQL */ `
  mutation DemoRegisterParticipant($id: ID!, $version: Int!, $input: RegisterParticipantInput!) {
    registerParticipant(roundtableId: $id, expectedVersion: $version, input: $input) {
      version
    }
  }
`;

export const SET_AGENDA = /* GraphQL */ `
  mutation DemoSetAgenda($id: ID!, $version: Int!, $items: [AgendaItemInput!]!) {
    setAgenda(roundtableId: $id, expectedVersion: $version, items: $items) {
      version
      agenda {
        id
        position
      }
    }
  }
`;

export const RECORD_SITTING = /* GraphQL */ `
  mutation DemoRecordSitting($input: RecordSittingInput!) {
    recordSitting(input: $input) {
      id
      version
      statementCount
      resolutions {
        id
        text
      }
    }
  }
`;

export const APPROVE_MINUTES = /* GraphQL */ `
  mutation DemoApproveMinutes($id: ID!, $version: Int!, $at: DateTimeISO!) {
    approveMinutes(id: $id, expectedVersion: $version, approvedAt: $at) {
      minutesApprovedAt
    }
  }
`;

export const ROUNDTABLE_RECOMMENDATIONS = /* GraphQL */ `
  query DemoRoundtableRecommendations($id: ID!) {
    recommendations(filter: { roundtableId: $id }, first: 50) {
      nodes {
        id
        version
        code
        status
        source {
          resolutionId
        }
      }
    }
  }
`;

export const REVISE_RECOMMENDATION = /* GraphQL */ `
  mutation DemoReviseRecommendation($id: ID!, $version: Int!, $input: ReviseRecommendationInput!) {
    reviseRecommendation(id: $id, expectedVersion: $version, input: $input) {
      version
    }
  }
`;

export const ADOPT_RECOMMENDATION = /* GraphQL */ `
  mutation DemoAdoptRecommendation($id: ID!, $version: Int!, $input: AdoptRecommendationInput!) {
    adoptRecommendation(id: $id, expectedVersion: $version, input: $input) {
      version
      status
    }
  }
`;

export const REPORT_PROGRESS = /* GraphQL */ `
  mutation DemoReportProgress(
    $id: ID!
    $version: Int!
    $input: ReportRecommendationProgressInput!
  ) {
    reportRecommendationProgress(id: $id, expectedVersion: $version, input: $input) {
      version
      status
    }
  }
`;

export const MARK_IMPLEMENTED = /* GraphQL */ `
  mutation DemoMarkImplemented(
    $id: ID!
    $version: Int!
    $note: String
    $implementedAt: DateTimeISO
  ) {
    markRecommendationImplemented(
      id: $id
      expectedVersion: $version
      note: $note
      implementedAt: $implementedAt
    ) {
      version
      status
    }
  }
`;

export const RECOMMENDATION_STATE = /* GraphQL */ `
  query DemoRecommendationState($id: ID!) {
    recommendation(id: $id) {
      code
      status
      requests {
        id
        version
        status
        addressee {
          id
        }
      }
    }
  }
`;

export const SET_OUTGOING_NUMBER_PREFIX = /* GraphQL */ `
  mutation DemoSetOutgoingNumberPrefix($prefix: String!) {
    setOutgoingNumberPrefix(prefix: $prefix)
  }
`;

export const EDIT_REQUEST = /* GraphQL */ `
  mutation DemoEditRequest($id: ID!, $version: Int!, $input: EditRequestInput!) {
    editRequest(id: $id, expectedVersion: $version, input: $input) {
      version
    }
  }
`;

export const SUBMIT_REQUEST = /* GraphQL */ `
  mutation DemoSubmitRequest($id: ID!, $version: Int!, $sentAt: DateTimeISO!) {
    submitRequest(id: $id, expectedVersion: $version, sentAt: $sentAt) {
      version
      outgoingNumber
      dueAt
    }
  }
`;

export const REGISTER_REQUEST = /* GraphQL */ `
  mutation DemoRegisterRequest($id: ID!, $version: Int!, $input: RegisterRequestInput!) {
    registerRequest(id: $id, expectedVersion: $version, input: $input) {
      version
      dueAt
    }
  }
`;

export const ANSWER_REQUEST = /* GraphQL */ `
  mutation DemoAnswerRequest($id: ID!, $version: Int!, $input: AnswerRequestInput!) {
    answerRequest(id: $id, expectedVersion: $version, input: $input) {
      version
      status
    }
  }
`;
