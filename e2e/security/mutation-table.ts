import type { Role } from '@kollegia/service-kit';

import { today, type LiveRoundtable, type Ref, type Workspace } from './workspace';

/**
 * The callers of the role table: each role of DESIGN.md section 2, the addressee twice — speaking
 * for the organisation the target concerns, and for another one.
 */
export const COLUMNS = [
  'admin',
  'secretary',
  'member',
  'addressee',
  'other addressee',
  'partner',
] as const;
export type Column = (typeof COLUMNS)[number];

const STAFF: Column[] = ['admin', 'secretary'];
const ADDRESSEE_SIDE: Column[] = ['admin', 'secretary', 'addressee'];

/**
 * Who may call each mutation of the public API — written from DESIGN.md section 2 and the
 * services' permissions modules, not from what the system answers:
 * - the directory (members) is kept by admins and secretaries;
 * - secretaries and admins run conferences, round tables and their minutes (roundtables), draft,
 *   adopt, reject, withdraw, supersede and mark recommendations, and draft, send, close and
 *   withdraw requests;
 * - members endorse (and take back their endorsements);
 * - an addressee registers, answers and extends the deadline of requests sent to its own
 *   organisation, and reports progress on recommendations addressed to it — nothing else;
 * - partners are read-only;
 * - deadline policies and the outgoing number prefix are workspace settings: admins only.
 */
export const EXPECTED_ALLOWED: Record<string, Column[]> = {
  registerOrganization: STAFF,
  updateOrganization: STAFF,
  archiveOrganization: STAFF,
  registerPerson: STAFF,
  updatePerson: STAFF,
  formCommunity: STAFF,
  updateCommunity: STAFF,
  dissolveCommunity: STAFF,
  grantMembership: STAFF,
  changeMembershipRole: STAFF,
  revokeMembership: STAFF,
  scheduleConference: STAFF,
  updateConference: STAFF,
  openConference: STAFF,
  closeConference: STAFF,
  scheduleRoundtable: STAFF,
  updateRoundtable: STAFF,
  rescheduleRoundtable: STAFF,
  cancelRoundtable: STAFF,
  startRoundtable: STAFF,
  concludeRoundtable: STAFF,
  setAgenda: STAFF,
  openAgendaItem: STAFF,
  closeAgendaItem: STAFF,
  deferAgendaItem: STAFF,
  registerParticipant: STAFF,
  removeParticipant: STAFF,
  markAttendance: STAFF,
  recordStatement: STAFF,
  recordStatements: STAFF,
  proposeResolution: STAFF,
  amendResolution: STAFF,
  withdrawResolution: STAFF,
  draftRecommendation: STAFF,
  reviseRecommendation: STAFF,
  proposeRecommendation: STAFF,
  adoptRecommendation: STAFF,
  rejectRecommendation: STAFF,
  withdrawRecommendation: STAFF,
  supersedeRecommendation: STAFF,
  endorseRecommendation: ['admin', 'secretary', 'member'],
  withdrawRecommendationEndorsement: ['admin', 'secretary', 'member'],
  reportRecommendationProgress: ADDRESSEE_SIDE,
  markRecommendationImplemented: STAFF,
  markRecommendationPartlyImplemented: STAFF,
  recordSitting: STAFF,
  correctStatement: STAFF,
  recordAgendaResult: STAFF,
  approveMinutes: STAFF,
  redateSitting: STAFF,
  // Items under control: the responsible organisation reports, the controlling one (an addressee
  // of the tenant, in the table the addressee column's organisation) extends, closes, removes.
  reportControlItemProgress: ADDRESSEE_SIDE,
  extendControlItem: ADDRESSEE_SIDE,
  markControlItemDone: ADDRESSEE_SIDE,
  removeFromControl: ADDRESSEE_SIDE,
  draftRequest: STAFF,
  editRequest: STAFF,
  submitRequest: STAFF,
  registerRequest: ADDRESSEE_SIDE,
  extendRequestDeadline: ADDRESSEE_SIDE,
  answerRequest: ADDRESSEE_SIDE,
  closeRequest: STAFF,
  withdrawRequest: STAFF,
  setDeadlinePolicy: ['admin'],
  setOutgoingNumberPrefix: ['admin'],
};

/** What the table's targets are made of: one tenant's directory, known to every service. */
export interface Directory {
  /** The organisation targets are addressed to; the addressee column speaks for it. */
  addressee: Ref;
  /** Another organisation; the other addressee column speaks for it. */
  other: Ref;
  /** People every service knows: moderators, participants, speakers. */
  people: Ref[];
  community: Ref;
}

/** The ids a call needs, and the entity whose version a refused call must leave as it was. */
export interface Target {
  ids: Record<string, string>;
  /** `[root field, id]` of the entity to re-read (`['request', id]`); none for creations. */
  watch?: [string, string];
}

/** One mutation of the table: a target to call it on, and the call. */
export interface MutationCase {
  mutation: string;
  /**
   * One target for every caller (`shared`, a change that can be repeated), or a fresh one per
   * caller the table allows (a transition that happens once).
   */
  targets: 'shared' | 'fresh';
  target(ws: Workspace, dir: Directory): Promise<Target>;
  /** The operation, for the call with this index on this target and the current version. */
  call(
    t: Target,
    version: number,
    index: number,
    ws: Workspace,
  ): { query: string; variables: Record<string, unknown> };
}

const op = (query: string, variables: Record<string, unknown> = {}) => ({ query, variables });
const none = async (): Promise<Target> => ({ ids: {} });
const on = (field: string, entity: Ref, more: Record<string, string> = {}): Target => ({
  ids: { id: entity.id, ...more },
  watch: [field, entity.id],
});
const rt = (entity: LiveRoundtable, more: Record<string, string> = {}) =>
  on('roundtable', entity, more);
/** `mutation($id, $v) { name(id: $id, expectedVersion: $v<extra>) { id } }` */
const byId =
  (name: string, extra = '', declare = '') =>
  (t: Target, v: number, _i: number, ws: Workspace) =>
    op(
      `mutation($id: ID!, $v: Int!${declare}) { ${name}(id: $id, expectedVersion: $v${extra}) { id } }`,
      {
        id: t.ids.id,
        v,
        reason: ws.name('Причина'),
      },
    );
const withReason = (name: string, required = false) =>
  byId(name, ', reason: $reason', `, $reason: String${required ? '!' : ''}`);

/** An item the addressee column's organisation took under control and answers for. */
const controlled = (dir: Directory) => ({
  moderator: dir.people[0]!.id,
  controllerId: dir.addressee.id,
  responsibleId: dir.addressee.id,
});

/** The cases, one per mutation of the public API. */
export const MUTATION_CASES: MutationCase[] = [
  // members: the directory
  {
    mutation: 'registerOrganization',
    targets: 'shared',
    target: none,
    call: (_t, _v, _i, ws) =>
      op(
        `mutation($n: String!) { registerOrganization(input: { name: $n, kind: OTHER, region: "RU-MOW" }) { id } }`,
        { n: ws.name('Орг') },
      ),
  },
  {
    mutation: 'updateOrganization',
    targets: 'shared',
    target: async (ws) => on('organization', await ws.organization()),
    call: (t, v, _i, ws) =>
      op(
        `mutation($id: ID!, $v: Int!, $s: String) { updateOrganization(id: $id, expectedVersion: $v, input: { shortName: $s }) { id } }`,
        { id: t.ids.id, v, s: ws.name('Орг') },
      ),
  },
  {
    mutation: 'archiveOrganization',
    targets: 'fresh',
    target: async (ws) => on('organization', await ws.organization()),
    call: withReason('archiveOrganization'),
  },
  {
    mutation: 'registerPerson',
    targets: 'shared',
    target: none,
    call: (_t, _v, _i, ws) =>
      op(`mutation($n: String!) { registerPerson(input: { fullName: $n }) { id } }`, {
        n: ws.name('Петров Пётр'),
      }),
  },
  {
    mutation: 'updatePerson',
    targets: 'shared',
    target: async (ws) => on('person', await ws.person()),
    call: (t, v, _i, ws) =>
      op(
        `mutation($id: ID!, $v: Int!, $p: String) { updatePerson(id: $id, expectedVersion: $v, input: { position: $p }) { id } }`,
        { id: t.ids.id, v, p: ws.name('Должность') },
      ),
  },
  {
    mutation: 'formCommunity',
    targets: 'shared',
    target: none,
    call: (_t, _v, _i, ws) =>
      op(
        `mutation($n: String!) { formCommunity(input: { name: $n, kind: WORKING_GROUP }) { id } }`,
        { n: ws.name('Группа') },
      ),
  },
  {
    mutation: 'updateCommunity',
    targets: 'shared',
    target: async (ws) => on('community', await ws.community()),
    call: (t, v, _i, ws) =>
      op(
        `mutation($id: ID!, $v: Int!, $d: String) { updateCommunity(id: $id, expectedVersion: $v, input: { description: $d }) { id } }`,
        { id: t.ids.id, v, d: ws.name('Описание') },
      ),
  },
  {
    mutation: 'dissolveCommunity',
    targets: 'fresh',
    target: async (ws) => on('community', await ws.community()),
    call: withReason('dissolveCommunity'),
  },
  {
    mutation: 'grantMembership',
    targets: 'fresh',
    target: async (ws, dir) => ({
      ids: { community: dir.community.id, org: (await ws.organization()).id },
    }),
    call: (t) =>
      op(
        `mutation($c: ID!, $m: ID!) { grantMembership(input: { communityId: $c, memberId: $m, memberKind: ORGANIZATION, role: MEMBER }) { id } }`,
        { c: t.ids.community, m: t.ids.org },
      ),
  },
  {
    mutation: 'changeMembershipRole',
    targets: 'shared',
    target: async (ws, dir) =>
      on('membership', await ws.membership(dir.community.id, (await ws.organization()).id)),
    call: (t, v, i) =>
      op(
        `mutation($id: ID!, $v: Int!, $r: MembershipRole!) { changeMembershipRole(id: $id, expectedVersion: $v, role: $r) { id } }`,
        { id: t.ids.id, v, r: i % 2 ? 'EXPERT' : 'OBSERVER' },
      ),
  },
  {
    mutation: 'revokeMembership',
    targets: 'fresh',
    target: async (ws, dir) =>
      on('membership', await ws.membership(dir.community.id, (await ws.organization()).id)),
    call: withReason('revokeMembership'),
  },
  // roundtables: conferences, round tables, minutes
  {
    mutation: 'scheduleConference',
    targets: 'shared',
    target: none,
    call: (_t, _v, _i, ws) =>
      op(
        `mutation($t: String!) { scheduleConference(input: { title: $t, kind: SEMINAR, startsOn: "2025-03-01", endsOn: "2025-03-01", city: "Казань" }) { id } }`,
        { t: ws.name('Семинар') },
      ),
  },
  {
    mutation: 'updateConference',
    targets: 'shared',
    target: async (ws) => on('conference', await ws.conference()),
    call: (t, v, _i, ws) =>
      op(
        `mutation($id: ID!, $v: Int!, $p: String) { updateConference(id: $id, expectedVersion: $v, input: { venue: $p }) { id } }`,
        { id: t.ids.id, v, p: ws.name('Зал') },
      ),
  },
  {
    mutation: 'openConference',
    targets: 'fresh',
    target: async (ws) => on('conference', await ws.conference()),
    call: byId('openConference'),
  },
  {
    mutation: 'closeConference',
    targets: 'fresh',
    target: async (ws) => on('conference', await ws.conference('OPEN')),
    call: byId('closeConference'),
  },
  {
    mutation: 'scheduleRoundtable',
    targets: 'shared',
    target: async (_ws, dir) => ({ ids: { moderator: dir.people[0]!.id } }),
    call: (t, _v, _i, ws) =>
      op(
        `mutation($t: String!, $p: ID!) { scheduleRoundtable(input: { title: $t, format: PANEL_DISCUSSION, startsAt: "2025-03-01T09:00:00Z", moderator: { kind: PERSON, id: $p } }) { id } }`,
        { t: ws.name('Панель'), p: t.ids.moderator },
      ),
  },
  {
    mutation: 'updateRoundtable',
    targets: 'shared',
    target: async (ws, dir) => rt(await ws.roundtable({ moderator: dir.people[0]!.id })),
    call: (t, v, _i, ws) =>
      op(
        `mutation($id: ID!, $v: Int!, $d: String) { updateRoundtable(id: $id, expectedVersion: $v, input: { description: $d }) { id } }`,
        { id: t.ids.id, v, d: ws.name('Описание') },
      ),
  },
  {
    mutation: 'rescheduleRoundtable',
    targets: 'shared',
    target: async (ws, dir) => rt(await ws.roundtable({ moderator: dir.people[0]!.id })),
    call: (t, v, _i, ws) =>
      op(
        `mutation($id: ID!, $v: Int!, $p: String) { rescheduleRoundtable(id: $id, expectedVersion: $v, input: { venue: $p }) { id } }`,
        { id: t.ids.id, v, p: ws.name('Зал') },
      ),
  },
  {
    mutation: 'cancelRoundtable',
    targets: 'fresh',
    target: async (ws, dir) => rt(await ws.roundtable({ moderator: dir.people[0]!.id })),
    call: withReason('cancelRoundtable', true),
  },
  {
    mutation: 'startRoundtable',
    targets: 'fresh',
    target: async (ws, dir) => rt(await ws.roundtable({ moderator: dir.people[0]!.id })),
    call: byId('startRoundtable'),
  },
  {
    mutation: 'concludeRoundtable',
    targets: 'fresh',
    target: async (ws, dir) =>
      rt(await ws.roundtable({ moderator: dir.people[0]!.id, status: 'LIVE' })),
    call: byId('concludeRoundtable'),
  },
  {
    mutation: 'setAgenda',
    targets: 'shared',
    target: async (ws, dir) => rt(await ws.roundtable({ moderator: dir.people[0]!.id })),
    call: (t, v, _i, ws) =>
      op(
        `mutation($id: ID!, $v: Int!, $q: String!) { setAgenda(roundtableId: $id, expectedVersion: $v, items: [{ title: $q }]) { id } }`,
        { id: t.ids.id, v, q: ws.name('Вопрос') },
      ),
  },
  {
    mutation: 'openAgendaItem',
    targets: 'fresh',
    target: async (ws, dir) => {
      const live = await ws.roundtable({ moderator: dir.people[0]!.id, status: 'LIVE' });
      return rt(live, { item: live.agenda[0]! });
    },
    call: (t, v) =>
      op(
        `mutation($id: ID!, $v: Int!, $a: ID!) { openAgendaItem(roundtableId: $id, expectedVersion: $v, agendaItemId: $a) { id } }`,
        { id: t.ids.id, v, a: t.ids.item },
      ),
  },
  {
    mutation: 'closeAgendaItem',
    targets: 'fresh',
    target: async (ws, dir) => {
      const live = await ws.roundtable({ moderator: dir.people[0]!.id, status: 'LIVE' });
      await ws.data(
        `mutation($id: ID!, $v: Int!, $a: ID!) { openAgendaItem(roundtableId: $id, expectedVersion: $v, agendaItemId: $a) { id } }`,
        { id: live.id, v: live.version, a: live.agenda[0] },
      );
      return rt(live, { item: live.agenda[0]! });
    },
    call: (t, v) =>
      op(
        `mutation($id: ID!, $v: Int!, $a: ID!) { closeAgendaItem(roundtableId: $id, expectedVersion: $v, agendaItemId: $a) { id } }`,
        { id: t.ids.id, v, a: t.ids.item },
      ),
  },
  {
    mutation: 'deferAgendaItem',
    targets: 'shared',
    target: async (ws, dir) => {
      const live = await ws.roundtable({
        moderator: dir.people[0]!.id,
        status: 'LIVE',
        agenda: COLUMNS.length,
      });
      return rt(live, Object.fromEntries(live.agenda.map((id, i) => [`item${i}`, id])));
    },
    call: (t, v, i, ws) =>
      op(
        `mutation($id: ID!, $v: Int!, $a: ID!, $r: String) { deferAgendaItem(roundtableId: $id, expectedVersion: $v, agendaItemId: $a, reason: $r) { id } }`,
        { id: t.ids.id, v, a: t.ids[`item${i}`], r: ws.name('Причина') },
      ),
  },
  {
    mutation: 'registerParticipant',
    targets: 'shared',
    target: async (ws, dir) =>
      rt(
        await ws.roundtable({ moderator: dir.people[0]!.id }),
        Object.fromEntries(dir.people.map((p, i) => [`person${i}`, p.id])),
      ),
    call: (t, v, i) =>
      op(
        `mutation($id: ID!, $v: Int!, $p: ID) { registerParticipant(roundtableId: $id, expectedVersion: $v, input: { personId: $p, role: PARTICIPANT }) { id } }`,
        { id: t.ids.id, v, p: t.ids[`person${i + 1}`] },
      ),
  },
  {
    mutation: 'removeParticipant',
    targets: 'shared',
    target: async (ws, dir) => {
      const table = await ws.roundtable({
        moderator: dir.people[0]!.id,
        participants: dir.people.slice(1, COLUMNS.length + 1).map((p) => p.id),
      });
      return rt(
        table,
        Object.fromEntries(table.participants.map((id, i) => [`participant${i}`, id])),
      );
    },
    call: (t, v, i, ws) =>
      op(
        `mutation($id: ID!, $v: Int!, $p: ID!, $r: String) { removeParticipant(roundtableId: $id, expectedVersion: $v, participantId: $p, reason: $r) { id } }`,
        { id: t.ids.id, v, p: t.ids[`participant${i}`], r: ws.name('Причина') },
      ),
  },
  {
    mutation: 'markAttendance',
    targets: 'shared',
    target: async (ws, dir) => {
      const table = await ws.roundtable({
        moderator: dir.people[0]!.id,
        participants: [dir.people[1]!.id],
      });
      return rt(table, { participant: table.participants[0]! });
    },
    call: (t, v, i) =>
      op(
        `mutation($id: ID!, $v: Int!, $p: ID!, $a: Attendance!) { markAttendance(roundtableId: $id, expectedVersion: $v, participantId: $p, attendance: $a) { id } }`,
        { id: t.ids.id, v, p: t.ids.participant, a: i % 2 ? 'ATTENDED' : 'ABSENT' },
      ),
  },
  {
    mutation: 'recordStatement',
    targets: 'shared',
    target: async (ws, dir) =>
      rt(await ws.roundtable({ moderator: dir.people[0]!.id, status: 'LIVE' }), {
        speaker: dir.people[0]!.id,
      }),
    call: (t, _v, _i, ws) =>
      op(
        `mutation($id: ID!, $p: ID!, $s: String!) { recordStatement(roundtableId: $id, input: { speaker: { kind: PERSON, id: $p }, text: $s }) { id } }`,
        { id: t.ids.id, p: t.ids.speaker, s: ws.name('Реплика') },
      ),
  },
  {
    mutation: 'recordStatements',
    targets: 'shared',
    target: async (ws, dir) =>
      rt(await ws.roundtable({ moderator: dir.people[0]!.id, status: 'LIVE' }), {
        speaker: dir.people[0]!.id,
      }),
    call: (t, _v, _i, ws) =>
      op(
        `mutation($id: ID!, $p: ID!, $s: String!) { recordStatements(roundtableId: $id, statements: [{ speaker: { kind: PERSON, id: $p }, text: $s }]) { id } }`,
        { id: t.ids.id, p: t.ids.speaker, s: ws.name('Реплика') },
      ),
  },
  {
    mutation: 'proposeResolution',
    targets: 'shared',
    target: async (ws, dir) =>
      rt(await ws.roundtable({ moderator: dir.people[0]!.id, status: 'LIVE' })),
    call: (t, v, _i, ws) =>
      op(
        `mutation($id: ID!, $v: Int!, $s: String!) { proposeResolution(roundtableId: $id, expectedVersion: $v, input: { kind: DECISION, text: $s }) { id } }`,
        { id: t.ids.id, v, s: ws.name('Решение') },
      ),
  },
  {
    mutation: 'amendResolution',
    targets: 'shared',
    target: async (ws, dir) => {
      const live = await ws.roundtable({ moderator: dir.people[0]!.id, status: 'LIVE' });
      return rt(live, { resolution: live.resolutions[0]! });
    },
    call: (t, v, _i, ws) =>
      op(
        `mutation($id: ID!, $v: Int!, $r: ID!, $s: String) { amendResolution(roundtableId: $id, expectedVersion: $v, resolutionId: $r, input: { text: $s }) { id } }`,
        { id: t.ids.id, v, r: t.ids.resolution, s: ws.name('Решение') },
      ),
  },
  {
    mutation: 'withdrawResolution',
    targets: 'fresh',
    target: async (ws, dir) => {
      const live = await ws.roundtable({ moderator: dir.people[0]!.id, status: 'LIVE' });
      return rt(live, { resolution: live.resolutions[0]! });
    },
    call: (t, v, _i, ws) =>
      op(
        `mutation($id: ID!, $v: Int!, $r: ID!, $s: String) { withdrawResolution(roundtableId: $id, expectedVersion: $v, resolutionId: $r, reason: $s) { id } }`,
        { id: t.ids.id, v, r: t.ids.resolution, s: ws.name('Причина') },
      ),
  },
  // recommendations
  {
    mutation: 'draftRecommendation',
    targets: 'shared',
    target: async (_ws, dir) => ({ ids: { addressee: dir.addressee.id } }),
    call: (t, _v, _i, ws) =>
      op(
        `mutation($t: String!, $a: ID!) { draftRecommendation(input: { title: $t, recommendedText: $t, actionType: OTHER, addresseeIds: [$a] }) { id } }`,
        { t: ws.name('Рекомендация'), a: t.ids.addressee },
      ),
  },
  {
    mutation: 'reviseRecommendation',
    targets: 'shared',
    target: async (ws, dir) =>
      on('recommendation', await ws.recommendation({ addresseeIds: [dir.addressee.id] })),
    call: (t, v, _i, ws) =>
      op(
        `mutation($id: ID!, $v: Int!, $t: String) { reviseRecommendation(id: $id, expectedVersion: $v, input: { title: $t }) { id } }`,
        { id: t.ids.id, v, t: ws.name('Рекомендация') },
      ),
  },
  {
    mutation: 'proposeRecommendation',
    targets: 'fresh',
    target: async (ws, dir) =>
      on('recommendation', await ws.recommendation({ addresseeIds: [dir.addressee.id] })),
    call: byId('proposeRecommendation'),
  },
  {
    mutation: 'adoptRecommendation',
    targets: 'fresh',
    target: async (ws, dir) =>
      on(
        'recommendation',
        await ws.recommendation({ addresseeIds: [dir.addressee.id], status: 'PROPOSED' }),
        { decidedBy: dir.addressee.id },
      ),
    call: (t, v) =>
      op(
        `mutation($id: ID!, $v: Int!, $o: ID!) { adoptRecommendation(id: $id, expectedVersion: $v, input: { decidedBy: { kind: ORGANIZATION, id: $o } }) { id } }`,
        { id: t.ids.id, v, o: t.ids.decidedBy },
      ),
  },
  {
    mutation: 'rejectRecommendation',
    targets: 'fresh',
    target: async (ws, dir) =>
      on(
        'recommendation',
        await ws.recommendation({ addresseeIds: [dir.addressee.id], status: 'PROPOSED' }),
        { decidedBy: dir.addressee.id },
      ),
    call: (t, v, _i, ws) =>
      op(
        `mutation($id: ID!, $v: Int!, $o: ID!, $r: String!) { rejectRecommendation(id: $id, expectedVersion: $v, input: { decidedBy: { kind: ORGANIZATION, id: $o }, reason: $r }) { id } }`,
        { id: t.ids.id, v, o: t.ids.decidedBy, r: ws.name('Причина') },
      ),
  },
  {
    mutation: 'withdrawRecommendation',
    targets: 'fresh',
    target: async (ws, dir) =>
      on('recommendation', await ws.recommendation({ addresseeIds: [dir.addressee.id] })),
    call: withReason('withdrawRecommendation'),
  },
  {
    mutation: 'supersedeRecommendation',
    targets: 'fresh',
    target: async (ws, dir) =>
      on(
        'recommendation',
        await ws.recommendation({ addresseeIds: [dir.addressee.id], status: 'PROPOSED' }),
        {
          successor: (await ws.recommendation({ addresseeIds: [dir.addressee.id] })).id,
        },
      ),
    call: (t, v) =>
      op(
        `mutation($id: ID!, $v: Int!, $s: ID!) { supersedeRecommendation(id: $id, expectedVersion: $v, supersededBy: $s) { id } }`,
        { id: t.ids.id, v, s: t.ids.successor },
      ),
  },
  {
    mutation: 'endorseRecommendation',
    targets: 'shared',
    target: async (ws, dir) =>
      on(
        'recommendation',
        await ws.recommendation({ addresseeIds: [dir.addressee.id], status: 'PROPOSED' }),
      ),
    call: byId('endorseRecommendation'),
  },
  {
    mutation: 'withdrawRecommendationEndorsement',
    targets: 'shared',
    target: async (ws, dir) => {
      const recommendation = await ws.recommendation({
        addresseeIds: [dir.addressee.id],
        status: 'PROPOSED',
      });
      // Those the table allows to take an endorsement back each have one to take back: an
      // endorsement by the directory person the column's account is linked to.
      for (const role of ['admin', 'secretary', 'member'] as const) {
        const version = (await ws.version('recommendation', recommendation.id))!;
        await ws.data(
          `mutation($id: ID!, $v: Int!, $p: RecommendationPartyInput!) { endorseRecommendation(id: $id, expectedVersion: $v, party: $p) { id } }`,
          { id: recommendation.id, v: version, p: { kind: 'PERSON', id: callerPerson(role, dir) } },
        );
      }
      return on('recommendation', recommendation);
    },
    call: byId('withdrawRecommendationEndorsement'),
  },
  {
    mutation: 'reportRecommendationProgress',
    targets: 'shared',
    target: async (ws, dir) =>
      on(
        'recommendation',
        await ws.recommendation({ addresseeIds: [dir.addressee.id], status: 'ADOPTED' }),
      ),
    call: (t, v, _i, ws) =>
      op(
        `mutation($id: ID!, $v: Int!, $s: String!) { reportRecommendationProgress(id: $id, expectedVersion: $v, input: { percent: 10, text: $s }) { id } }`,
        { id: t.ids.id, v, s: ws.name('Ход работы') },
      ),
  },
  {
    mutation: 'markRecommendationImplemented',
    targets: 'fresh',
    target: async (ws, dir) =>
      on(
        'recommendation',
        await ws.recommendation({ addresseeIds: [dir.addressee.id], status: 'ADOPTED' }),
      ),
    call: byId('markRecommendationImplemented'),
  },
  {
    mutation: 'markRecommendationPartlyImplemented',
    targets: 'fresh',
    target: async (ws, dir) =>
      on(
        'recommendation',
        await ws.recommendation({ addresseeIds: [dir.addressee.id], status: 'ADOPTED' }),
      ),
    call: (t, v, _i, ws) =>
      op(
        `mutation($id: ID!, $v: Int!, $n: String!) { markRecommendationPartlyImplemented(id: $id, expectedVersion: $v, note: $n) { id } }`,
        { id: t.ids.id, v, n: ws.name('Сделано не всё') },
      ),
  },
  // roundtables: minutes typed up after the sitting
  {
    mutation: 'recordSitting',
    targets: 'shared',
    target: async (_ws, dir) => ({ ids: { moderator: dir.people[0]!.id } }),
    call: (t, _v, _i, ws) =>
      op(`mutation($i: RecordSittingInput!) { recordSitting(input: $i) { id } }`, {
        i: {
          title: ws.name('Рабочее совещание'),
          format: 'WORKING_MEETING',
          moderator: { kind: 'PERSON', id: t.ids.moderator },
          startedAt: '2025-04-15T10:00:00+03:00',
          concludedAt: '2025-04-15T12:00:00+03:00',
        },
      }),
  },
  {
    mutation: 'correctStatement',
    targets: 'shared',
    target: async (ws, dir) => {
      const sitting = await ws.sitting({ moderator: dir.people[0]!.id });
      return rt(sitting, { statement: sitting.statements[0]! });
    },
    call: (t, _v, _i, ws) =>
      op(
        `mutation($id: ID!, $s: ID!, $x: String!) { correctStatement(roundtableId: $id, statementId: $s, input: { text: $x }) { id } }`,
        { id: t.ids.id, s: t.ids.statement, x: ws.name('Исправленная реплика') },
      ),
  },
  {
    mutation: 'recordAgendaResult',
    targets: 'shared',
    target: async (ws, dir) => {
      const sitting = await ws.sitting({ moderator: dir.people[0]!.id });
      return rt(sitting, { item: sitting.agenda[0]! });
    },
    call: (t, v, _i, ws) =>
      op(
        `mutation($id: ID!, $v: Int!, $a: ID!, $r: String) { recordAgendaResult(roundtableId: $id, expectedVersion: $v, agendaItemId: $a, result: $r) { id } }`,
        { id: t.ids.id, v, a: t.ids.item, r: ws.name('Итог') },
      ),
  },
  {
    mutation: 'redateSitting',
    targets: 'shared',
    target: async (ws, dir) => rt(await ws.sitting({ moderator: dir.people[0]!.id })),
    call: (t, v) =>
      op(
        `mutation($id: ID!, $v: Int!) { redateSitting(input: { id: $id, expectedVersion: $v, startedAt: "2025-04-15T11:00:00+03:00", concludedAt: "2025-04-15T13:00:00+03:00" }) { id } }`,
        { id: t.ids.id, v },
      ),
  },
  {
    mutation: 'approveMinutes',
    targets: 'fresh',
    target: async (ws, dir) => rt(await ws.sitting({ moderator: dir.people[0]!.id })),
    call: byId('approveMinutes'),
  },
  // recommendations: items under control
  {
    mutation: 'reportControlItemProgress',
    targets: 'shared',
    target: async (ws, dir) => on('controlItem', await ws.controlItem(controlled(dir))),
    call: (t, v, _i, ws) =>
      op(
        `mutation($id: ID!, $v: Int!, $s: String!) { reportControlItemProgress(id: $id, expectedVersion: $v, input: { percent: 10, text: $s }) { id } }`,
        { id: t.ids.id, v, s: ws.name('Ход работы') },
      ),
  },
  {
    mutation: 'extendControlItem',
    targets: 'shared',
    target: async (ws, dir) => on('controlItem', await ws.controlItem(controlled(dir))),
    call: (t, v, i) =>
      op(
        `mutation($id: ID!, $v: Int!, $d: String!) { extendControlItem(id: $id, expectedVersion: $v, input: { dueDate: $d }) { id } }`,
        { id: t.ids.id, v, d: `2031-01-${String(10 + i).padStart(2, '0')}` },
      ),
  },
  {
    mutation: 'markControlItemDone',
    targets: 'fresh',
    target: async (ws, dir) => on('controlItem', await ws.controlItem(controlled(dir))),
    call: byId('markControlItemDone'),
  },
  {
    mutation: 'removeFromControl',
    targets: 'fresh',
    target: async (ws, dir) => on('controlItem', await ws.controlItem(controlled(dir))),
    call: withReason('removeFromControl', true),
  },
  // requests
  {
    mutation: 'draftRequest',
    targets: 'shared',
    target: async (_ws, dir) => ({ ids: { addressee: dir.addressee.id } }),
    call: (t, _v, _i, ws) =>
      op(
        `mutation($a: ID!, $s: String!) { draftRequest(input: { addresseeId: $a, kind: QUESTION, subject: $s, body: $s }) { id } }`,
        { a: t.ids.addressee, s: ws.name('Вопрос') },
      ),
  },
  {
    mutation: 'editRequest',
    targets: 'shared',
    target: async (ws, dir) => on('request', await ws.request({ addresseeId: dir.addressee.id })),
    call: (t, v, _i, ws) =>
      op(
        `mutation($id: ID!, $v: Int!, $s: String) { editRequest(id: $id, expectedVersion: $v, input: { subject: $s }) { id } }`,
        { id: t.ids.id, v, s: ws.name('Тема') },
      ),
  },
  {
    mutation: 'submitRequest',
    targets: 'fresh',
    target: async (ws, dir) => on('request', await ws.request({ addresseeId: dir.addressee.id })),
    call: byId('submitRequest'),
  },
  {
    mutation: 'registerRequest',
    targets: 'fresh',
    target: async (ws, dir) =>
      on('request', await ws.request({ addresseeId: dir.addressee.id, status: 'SUBMITTED' })),
    call: (t, v, _i, ws) =>
      op(
        `mutation($id: ID!, $v: Int!, $n: String!, $d: String!) { registerRequest(id: $id, expectedVersion: $v, input: { incomingNumber: $n, registeredOn: $d }) { id } }`,
        { id: t.ids.id, v, n: ws.name('ВХ'), d: today() },
      ),
  },
  {
    mutation: 'extendRequestDeadline',
    targets: 'fresh',
    target: async (ws, dir) =>
      on('request', await ws.request({ addresseeId: dir.addressee.id, status: 'REGISTERED' })),
    call: (t, v, _i, ws) =>
      op(
        `mutation($id: ID!, $v: Int!, $r: String!) { extendRequestDeadline(id: $id, expectedVersion: $v, input: { days: 10, reason: $r }) { id } }`,
        { id: t.ids.id, v, r: ws.name('Причина') },
      ),
  },
  {
    mutation: 'answerRequest',
    targets: 'fresh',
    target: async (ws, dir) =>
      on('request', await ws.request({ addresseeId: dir.addressee.id, status: 'REGISTERED' })),
    call: (t, v, _i, ws) =>
      op(
        `mutation($id: ID!, $v: Int!, $s: String!) { answerRequest(id: $id, expectedVersion: $v, input: { outcome: INFORMATION_ONLY, text: $s }) { id } }`,
        { id: t.ids.id, v, s: ws.name('Ответ') },
      ),
  },
  {
    mutation: 'closeRequest',
    targets: 'fresh',
    target: async (ws, dir) =>
      on('request', await ws.request({ addresseeId: dir.addressee.id, status: 'ANSWERED' })),
    call: byId('closeRequest'),
  },
  {
    mutation: 'withdrawRequest',
    targets: 'fresh',
    target: async (ws, dir) => on('request', await ws.request({ addresseeId: dir.addressee.id })),
    call: withReason('withdrawRequest', true),
  },
  {
    mutation: 'setDeadlinePolicy',
    targets: 'shared',
    target: none,
    call: () =>
      op(
        `mutation { setDeadlinePolicy(addresseeKind: MEDIA, input: { registrationDays: 3, answerDays: 30 }) { __typename } }`,
      ),
  },
  {
    mutation: 'setOutgoingNumberPrefix',
    targets: 'shared',
    target: none,
    call: () => op(`mutation { setOutgoingNumberPrefix(prefix: "СЕК") }`),
  },
];

/** The directory person a column's account is linked to (its token's `person`): one each. */
export function callerPerson(column: Column, dir: Directory): string {
  return dir.people[COLUMNS.indexOf(column)]!.id;
}

/** The subject of a column's token: each column acts as a different user. */
export function callerSubject(column: Column | Role): string {
  return `table-${column.replace(' ', '-')}`;
}
