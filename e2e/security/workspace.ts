import type { Role } from '@kollegia/service-kit';
import { expectEventually } from '@kollegia/testing';

import { codeOf, type Client } from './client';
import type { TokenForge } from './tokens';

/** An entity as the builders return it: what a later call needs. */
export interface Ref {
  id: string;
  version: number;
}

export interface LiveRoundtable extends Ref {
  agenda: string[];
  participants: string[];
  resolutions: string[];
}

/** How long a reference to a fresh organisation or person may take to reach another service. */
const DIRECTORY_PROPAGATION_MS = 60_000;

/** Today in Moscow, where the test tenants' deadlines run: `YYYY-MM-DD`. */
export const today = () =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Moscow' }).format(new Date());

/**
 * Builds a tenant's data through the gateway, as its admin, the way its users would: each builder
 * makes one entity in the state asked for and returns its id and version. Every text carries
 * `marker`, so that another tenant's answers can be searched for it.
 */
export class Workspace {
  private count = 0;
  private calls = 0;

  constructor(
    private readonly client: Client,
    private readonly forge: TokenForge,
    readonly tenant: string,
    readonly marker: string,
  ) {}

  /** A caller of this tenant; an addressee speaks for `org`. */
  bearer(role: Role, org?: string, sub?: string): string {
    return this.forge.bearer({
      tenant: this.tenant,
      role,
      ...(org ? { org } : {}),
      ...(sub ? { sub } : {}),
    });
  }

  /**
   * One of several users of a role that set the tenant up: the gateway's rate limit counts per
   * user, and the tier makes more calls a minute than one user may.
   */
  private setupUser(role: Role): string {
    this.calls += 1;
    return `setup-${role}-${this.calls % 8}`;
  }

  /** A name no other call uses, with the tenant's marker. */
  name(what: string): string {
    this.count += 1;
    return `${what} ${this.marker} ${this.count}`;
  }

  /** Runs an operation as `role` (admin by default); fails on any error. */

  async data(
    query: string,
    variables: Record<string, unknown> = {},
    role: Role = 'admin',
    org?: string,
    sub = this.setupUser(role),
  ): Promise<any> {
    const reply = await this.client.post(
      `setup ${this.tenant}`,
      this.client.gatewayUrl,
      { query, variables },
      this.bearer(role, org, sub),
      { tenant: this.tenant },
    );
    if (reply.status !== 200 || reply.json?.errors?.length || !reply.json?.data) {
      throw new Error(
        `setup of ${this.tenant} failed (${reply.status}): ${reply.text.slice(0, 500)}\n${query}`,
      );
    }
    return reply.json.data;
  }

  /**
   * Runs an operation that names organisations or people from the directory, again while
   * another service has not heard of them yet (BAD_USER_INPUT or NOT_FOUND for the reference).
   */

  referencing(query: string, variables: Record<string, unknown>): Promise<any> {
    return expectEventually(
      async () => {
        const reply = await this.client.post(
          `setup ${this.tenant}`,
          this.client.gatewayUrl,
          { query, variables },
          this.bearer('admin', undefined, this.setupUser('admin')),
          { tenant: this.tenant },
        );
        const code = codeOf(reply.json);
        if (code === 'BAD_USER_INPUT' || code === 'NOT_FOUND') throw new Error(reply.text);
        if (reply.status !== 200 || code || !reply.json?.data) {
          // Anything else is not about the directory: stop waiting.
          return {
            failed: `setup of ${this.tenant} failed (${reply.status}): ${reply.text.slice(0, 500)}\n${query}`,
          };
        }
        return { data: reply.json.data };
      },
      { timeoutMs: DIRECTORY_PROPAGATION_MS, intervalMs: 200 },
    ).then((result) => {
      if ('failed' in result) throw new Error(result.failed);
      return result.data;
    });
  }

  async organization(options: { published?: boolean; kind?: string } = {}): Promise<Ref> {
    const { registerOrganization } = await this.data(
      `mutation($i: RegisterOrganizationInput!) { registerOrganization(input: $i) { id version } }`,
      {
        i: {
          name: this.name('Организация'),
          shortName: this.name('Орг'),
          kind: options.kind ?? 'MINISTRY',
          region: 'RU-MOW',
          industries: [this.name('отрасль')],
          website: `https://${this.marker.toLowerCase()}.example.org`,
          published: options.published ?? true,
        },
      },
    );
    return registerOrganization;
  }

  async person(organizationId?: string): Promise<Ref> {
    const { registerPerson } = await this.data(
      `mutation($i: RegisterPersonInput!) { registerPerson(input: $i) { id version } }`,
      {
        i: {
          fullName: this.name('Иванов Иван'),
          position: this.name('Директор'),
          email: `${this.marker.toLowerCase()}.${this.count}@example.org`,
          expertise: [this.name('экспертиза')],
          ...(organizationId ? { organizationId } : {}),
        },
      },
    );
    return registerPerson;
  }

  async community(published = true): Promise<Ref> {
    const { formCommunity } = await this.data(
      `mutation($i: FormCommunityInput!) { formCommunity(input: $i) { id version } }`,
      {
        i: {
          name: this.name('Кластер'),
          kind: 'CLUSTER',
          description: this.name('Описание'),
          published,
        },
      },
    );
    return formCommunity;
  }

  async membership(communityId: string, organizationId: string): Promise<Ref> {
    const { grantMembership } = await this.data(
      `mutation($i: GrantMembershipInput!) { grantMembership(input: $i) { id version } }`,
      {
        i: {
          communityId,
          memberId: organizationId,
          memberKind: 'ORGANIZATION',
          role: 'MEMBER',
          since: '2020-01-01',
        },
      },
    );
    return grantMembership;
  }

  async conference(
    status: 'PLANNED' | 'OPEN' | 'CLOSED' = 'PLANNED',
    organizerIds: string[] = [],
  ): Promise<Ref> {
    const input = {
      title: this.name('Конференция'),
      kind: 'CONFERENCE',
      startsOn: '2024-11-10',
      endsOn: '2024-11-11',
      city: 'Москва',
      venue: this.name('Зал'),
      published: true,
      organizerIds,
    };
    const query = `mutation($i: ScheduleConferenceInput!) { scheduleConference(input: $i) { id version } }`;
    let conference: Ref = organizerIds.length
      ? (await this.referencing(query, { i: input })).scheduleConference
      : (await this.data(query, { i: input })).scheduleConference;
    if (status !== 'PLANNED') conference = await this.transition('openConference', conference);
    if (status === 'CLOSED') conference = await this.transition('closeConference', conference);
    return conference;
  }

  /** `mutation { <name>(id, expectedVersion) { id version } }` on an entity. */
  async transition(name: string, entity: Ref, extra = ''): Promise<Ref> {
    const data = await this.data(
      `mutation($id: ID!, $v: Int!) { ${name}(id: $id, expectedVersion: $v${extra}) { id version } }`,
      { id: entity.id, v: entity.version },
    );
    return data[name];
  }

  /**
   * A round table moderated by `moderator`, with an agenda of `agenda` questions and the people
   * of `participants` registered; LIVE with a proposed resolution, or CONCLUDED, when asked.
   */
  async roundtable(options: {
    moderator: string;
    status?: 'SCHEDULED' | 'LIVE' | 'CONCLUDED';
    conferenceId?: string;
    agenda?: number;
    participants?: string[];
    addresseeIds?: string[];
    published?: boolean;
  }): Promise<LiveRoundtable> {
    const { scheduleRoundtable } = await this.referencing(
      `mutation($i: ScheduleRoundtableInput!) { scheduleRoundtable(input: $i) { id version } }`,
      {
        i: {
          title: this.name('Круглый стол'),
          format: 'ROUND_TABLE',
          startsAt: '2024-11-10T08:00:00Z',
          moderator: { kind: 'PERSON', id: options.moderator },
          published: options.published ?? true,
          description: this.name('Повестка'),
          ...(options.conferenceId ? { conferenceId: options.conferenceId } : {}),
        },
      },
    );
    let rt: LiveRoundtable = {
      ...scheduleRoundtable,
      agenda: [],
      participants: [],
      resolutions: [],
    };
    const items = options.agenda ?? 1;
    const { setAgenda } = await this.data(
      `mutation($id: ID!, $v: Int!, $items: [AgendaItemInput!]!) { setAgenda(roundtableId: $id, expectedVersion: $v, items: $items) { version agenda { id } } }`,
      {
        id: rt.id,
        v: rt.version,
        items: Array.from({ length: items }, () => ({ title: this.name('Вопрос') })),
      },
    );
    rt = {
      ...rt,
      version: setAgenda.version,
      agenda: setAgenda.agenda.map((item: { id: string }) => item.id),
    };
    for (const personId of options.participants ?? []) {
      const { registerParticipant } = await this.referencing(
        `mutation($id: ID!, $v: Int!, $i: RegisterParticipantInput!) { registerParticipant(roundtableId: $id, expectedVersion: $v, input: $i) { version participants { id } } }`,
        { id: rt.id, v: rt.version, i: { personId, role: 'SPEAKER' } },
      );
      rt = {
        ...rt,
        version: registerParticipant.version,
        participants: registerParticipant.participants.map((p: { id: string }) => p.id),
      };
    }
    const status = options.status ?? 'SCHEDULED';
    if (status === 'SCHEDULED') return rt;
    rt = { ...rt, ...(await this.transition('startRoundtable', rt)) };
    await this.data(
      `mutation($id: ID!, $s: [RecordStatementInput!]!) { recordStatements(roundtableId: $id, statements: $s) { id } }`,
      {
        id: rt.id,
        s: [{ speaker: { kind: 'PERSON', id: options.moderator }, text: this.name('Выступление') }],
      },
    );
    const { roundtable } = await this.data(`query($id: ID!) { roundtable(id: $id) { version } }`, {
      id: rt.id,
    });
    const { proposeResolution } = await this.referencing(
      `mutation($id: ID!, $v: Int!, $i: ProposeResolutionInput!) { proposeResolution(roundtableId: $id, expectedVersion: $v, input: $i) { version resolutions { id } } }`,
      {
        id: rt.id,
        v: roundtable.version,
        i: {
          kind: 'DECISION',
          text: this.name('Решение'),
          addresseeIds: options.addresseeIds ?? [],
        },
      },
    );
    rt = {
      ...rt,
      version: proposeResolution.version,
      resolutions: proposeResolution.resolutions.map((r: { id: string }) => r.id),
    };
    if (status === 'LIVE') return rt;
    return { ...rt, ...(await this.transition('concludeRoundtable', rt)) };
  }

  /**
   * A sitting recorded after the fact (`recordSitting`), CONCLUDED with its minutes open to
   * corrections: one question, one statement, and — with `controllerId` — a resolution that
   * organisation takes under control, `responsibleId` answering for it.
   */
  async sitting(options: {
    moderator: string;
    controllerId?: string;
    responsibleId?: string;
  }): Promise<LiveRoundtable & { statements: string[] }> {
    const speaker = { kind: 'PERSON', id: options.moderator };
    const { recordSitting } = await this.referencing(
      `mutation($i: RecordSittingInput!) { recordSitting(input: $i) { id version agenda { id } statements(first: 10) { nodes { id } } } }`,
      {
        i: {
          title: this.name('Рабочее совещание'),
          format: 'WORKING_MEETING',
          moderator: speaker,
          published: true,
          startedAt: '2025-04-15T10:00:00+03:00',
          concludedAt: '2025-04-15T12:00:00+03:00',
          agenda: [{ title: this.name('Вопрос'), result: this.name('Итог') }],
          statements: [
            {
              speaker,
              question: 1,
              text: this.name('Выступление'),
              occurredAt: '2025-04-15T10:05:00+03:00',
            },
          ],
          resolutions: options.controllerId
            ? [
                {
                  kind: 'CONTROL_ITEM',
                  text: this.name('Взять на контроль'),
                  addresseeIds: [options.controllerId],
                  responsible: {
                    kind: 'ORGANIZATION',
                    id: options.responsibleId ?? options.controllerId,
                  },
                  dueDate: '2030-12-31',
                  questions: [1],
                },
              ]
            : [],
        },
      },
    );
    return {
      id: recordSitting.id,
      version: recordSitting.version,
      agenda: recordSitting.agenda.map((item: { id: string }) => item.id),
      participants: [],
      resolutions: [],
      statements: recordSitting.statements.nodes.map((node: { id: string }) => node.id),
    };
  }

  /**
   * An item under control: taken by `controllerId` at a sitting recorded after the fact, with
   * `responsibleId` answering for it, once the recommendations service has made it.
   */
  async controlItem(options: {
    moderator: string;
    controllerId: string;
    responsibleId: string;
  }): Promise<Ref> {
    const sitting = await this.sitting(options);
    return expectEventually(
      async () => {
        const { controlItems } = await this.data(
          `query($r: ID!) { controlItems(first: 1, filter: { roundtableId: $r }) { nodes { id version } } }`,
          { r: sitting.id },
          'member',
        );
        const [item] = controlItems.nodes as Ref[];
        if (!item) throw new Error(`no item under control yet for ${sitting.id}`);
        return item;
      },
      { timeoutMs: DIRECTORY_PROPAGATION_MS, intervalMs: 200 },
    );
  }

  /** A recommendation addressed to `addresseeIds`, drafted, proposed or adopted. */
  async recommendation(options: {
    addresseeIds: string[];
    status?: 'DRAFT' | 'PROPOSED' | 'ADOPTED';
    decidedBy?: string;
  }): Promise<Ref> {
    const { draftRecommendation } = await this.referencing(
      `mutation($i: DraftRecommendationInput!) { draftRecommendation(input: $i) { id version } }`,
      {
        i: {
          title: this.name('Рекомендация'),
          recommendedText: this.name('Рекомендовать'),
          // An action type that drafts no requests when adopted: nothing arrives later.
          actionType: 'DEVELOP_MATERIALS',
          addresseeIds: options.addresseeIds,
          legalBasis: this.name('Основание'),
          dueDate: '2030-12-31',
          published: true,
        },
      },
    );
    let recommendation: Ref = draftRecommendation;
    const status = options.status ?? 'DRAFT';
    if (status === 'DRAFT') return recommendation;
    recommendation = await this.transition('proposeRecommendation', recommendation);
    if (status === 'PROPOSED') return recommendation;
    const { adoptRecommendation } = await this.referencing(
      `mutation($id: ID!, $v: Int!, $i: AdoptRecommendationInput!) { adoptRecommendation(id: $id, expectedVersion: $v, input: $i) { id version } }`,
      {
        id: recommendation.id,
        v: recommendation.version,
        i: {
          decidedBy: { kind: 'ORGANIZATION', id: options.decidedBy ?? options.addresseeIds[0] },
          decidedText: this.name('Решено'),
        },
      },
    );
    return adoptRecommendation;
  }

  /** A request to `addresseeId`, drafted, submitted, registered or answered. */
  async request(options: {
    addresseeId: string;
    status?: 'DRAFT' | 'SUBMITTED' | 'REGISTERED' | 'ANSWERED';
  }): Promise<Ref> {
    const { draftRequest } = await this.referencing(
      `mutation($i: DraftRequestInput!) { draftRequest(input: $i) { id version } }`,
      {
        i: {
          addresseeId: options.addresseeId,
          kind: 'APPEAL',
          subject: this.name('Обращение'),
          body: this.name('Текст обращения'),
        },
      },
    );
    let request: Ref = draftRequest;
    const status = options.status ?? 'DRAFT';
    if (status === 'DRAFT') return request;
    request = await this.transition('submitRequest', request);
    if (status === 'SUBMITTED') return request;
    const { registerRequest } = await this.data(
      `mutation($id: ID!, $v: Int!, $i: RegisterRequestInput!) { registerRequest(id: $id, expectedVersion: $v, input: $i) { id version } }`,
      {
        id: request.id,
        v: request.version,
        i: { incomingNumber: this.name('ВХ'), registeredOn: today() },
      },
    );
    request = registerRequest;
    if (status === 'REGISTERED') return request;
    const { answerRequest } = await this.data(
      `mutation($id: ID!, $v: Int!, $i: AnswerRequestInput!) { answerRequest(id: $id, expectedVersion: $v, input: $i) { id version } }`,
      { id: request.id, v: request.version, i: { outcome: 'ACCEPTED', text: this.name('Ответ') } },
    );
    return answerRequest;
  }

  /** The current version of an entity, read by its root field (`organization`, `request`, …). */
  async version(field: string, id: string): Promise<number | undefined> {
    // Read as a member: the admin's rate limit is for the writes.
    const data = await this.data(
      `query($id: ID!) { ${field}(id: $id) { version } }`,
      { id },
      'member',
    );
    return data[field]?.version;
  }
}
