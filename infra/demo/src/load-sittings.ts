import { DemoLoadError } from './api';
import { seconds, type LoadContext, type Versioned } from './load-context';
import * as op from './operations';
import type { DemoConference, DemoRoundtable } from './workspace';

interface RecommendationNode {
  id: string;
  version: number;
  code: string;
  status: string;
  source: { resolutionId: string | null };
}

/**
 * A conference as it happened: scheduled, opened on its day, its round tables recorded from their
 * minutes (approved a few days later), closed.
 */
export async function holdConference(ctx: LoadContext, conference: DemoConference): Promise<void> {
  const { key: _key, organizers, roundtables, openedAt, closedAt, ...card } = conference;
  const scheduled = await ctx.api.run<{ scheduleConference: Versioned }>(
    `schedule «${conference.title}»`,
    op.SCHEDULE_CONFERENCE,
    {
      input: {
        ...card,
        organizerIds: organizers.map((key) => ctx.org(key)),
        published: true,
      },
    },
  );
  const { id } = scheduled.scheduleConference;
  const opened = await ctx.api.run<{ openConference: { version: number } }>(
    `open «${conference.title}»`,
    op.OPEN_CONFERENCE,
    { id, version: scheduled.scheduleConference.version, at: openedAt },
  );
  for (const roundtable of roundtables) {
    const roundtableId = await recordSitting(ctx, roundtable, id);
    await awaitRecommendations(ctx, roundtable, roundtableId);
  }
  await ctx.api.run(`close «${conference.title}»`, op.CLOSE_CONFERENCE, {
    id,
    version: opened.openConference.version,
    at: closedAt,
  });
  ctx.log(`«${conference.title}» (${conference.startsOn}, ${conference.city}): closed`);
}

/** The working group's next sitting, a week from now: SCHEDULED, to try live subscriptions on. */
export async function scheduleUpcoming(ctx: LoadContext): Promise<void> {
  const { inDays, hoursUtc, ...sitting } = ctx.workspace.upcoming;
  const day = new Date(ctx.now().getTime() + inDays * 86_400_000);
  day.setUTCHours(hoursUtc, 0, 0, 0);
  const startsAt = day.toISOString();
  const endsAt = new Date(day.getTime() + 2 * 3_600_000).toISOString();
  await schedule(ctx, { ...sitting, startsAt, endsAt });
}

function participantInput(ctx: LoadContext, participant: DemoRoundtable['participants'][number]) {
  const seat =
    'person' in participant.party
      ? {
          personId: ctx.person(participant.party.person),
          organizationId: participant.for ? ctx.org(participant.for) : undefined,
        }
      : { organizationId: ctx.org(participant.party.org), delegation: participant.delegation };
  return { ...seat, role: participant.role };
}

function cardInput(ctx: LoadContext, roundtable: DemoRoundtable, conferenceId?: string) {
  return {
    conferenceId,
    title: roundtable.title,
    format: roundtable.format,
    venue: roundtable.venue,
    description: roundtable.description,
    moderator: ctx.party(roundtable.moderator),
    workingGroupId: roundtable.workingGroup ? ctx.community(roundtable.workingGroup) : undefined,
    published: true,
  };
}

/**
 * A held sitting, recorded in one go from its minutes — participants, questions with their results,
 * every statement at the moment said, the resolutions — then its minutes approved.
 */
async function recordSitting(
  ctx: LoadContext,
  roundtable: DemoRoundtable,
  conferenceId: string,
): Promise<string> {
  const step = (what: string) => `${what} of «${roundtable.title}»`;
  const statements = [
    ...roundtable.agenda.flatMap((item, index) =>
      item.statements.map((statement) => ({ ...statement, question: index + 1 })),
    ),
    ...(roundtable.remarks ?? []),
  ]
    // The minutes go in the order said.
    .sort((a, b) => Date.parse(a.at) - Date.parse(b.at))
    .map((statement) => ({
      speaker: ctx.party(statement.speaker),
      question: 'question' in statement ? statement.question : undefined,
      text: statement.text,
      occurredAt: statement.at,
    }));
  const resolutions = roundtable.agenda.flatMap((item, index) =>
    item.resolutions.map((resolution) => ({ ...resolution, question: index + 1 })),
  );
  const recorded = await ctx.api.run<{
    recordSitting: Versioned & {
      statementCount: number;
      resolutions: { id: string; text: string }[];
    };
  }>(step('record the sitting'), op.RECORD_SITTING, {
    input: {
      ...cardInput(ctx, roundtable, conferenceId),
      startedAt: roundtable.startsAt,
      concludedAt: roundtable.endsAt,
      participants: roundtable.participants.map((participant) => ({
        ...participantInput(ctx, participant),
        attendance: 'ATTENDED',
      })),
      agenda: roundtable.agenda.map(({ title, result }) => ({ title, result })),
      statements,
      resolutions: resolutions.map((resolution) => ({
        kind: resolution.kind,
        text: resolution.text,
        addresseeIds: resolution.addressees.map((key) => ctx.org(key)),
        responsible: resolution.responsible ? ctx.party(resolution.responsible) : undefined,
        dueDate: resolution.dueDate,
        questions: [resolution.question],
      })),
    },
  });
  const { id, version, statementCount } = recorded.recordSitting;
  for (const resolution of resolutions) {
    const made = recorded.recordSitting.resolutions.find(
      (candidate) => candidate.text === resolution.text,
    );
    if (!made) {
      throw new DemoLoadError(
        step(`record resolution ${resolution.number}`),
        'the round table does not list it',
      );
    }
    ctx.resolutionIds.set(resolution.number, made.id);
  }
  if (roundtable.minutesApprovedAt) {
    await ctx.api.run(step('approve the minutes'), op.APPROVE_MINUTES, {
      id,
      version,
      at: roundtable.minutesApprovedAt,
    });
  }
  ctx.log(
    `«${roundtable.title}» (${roundtable.startsAt}): recorded with ${statementCount} statements and ${resolutions.length} resolutions${roundtable.minutesApprovedAt ? `, minutes approved ${roundtable.minutesApprovedAt}` : ''}`,
  );
  return id;
}

/** A sitting to come: scheduled, with its participants and agenda. */
async function schedule(ctx: LoadContext, roundtable: DemoRoundtable): Promise<void> {
  const step = (what: string) => `${what} of «${roundtable.title}»`;
  const scheduled = await ctx.api.run<{ scheduleRoundtable: Versioned }>(
    step('schedule the round table'),
    op.SCHEDULE_ROUNDTABLE,
    {
      input: {
        ...cardInput(ctx, roundtable),
        startsAt: roundtable.startsAt,
        endsAt: roundtable.endsAt,
      },
    },
  );
  const { id } = scheduled.scheduleRoundtable;
  let { version } = scheduled.scheduleRoundtable;
  for (const participant of roundtable.participants) {
    const registered = await ctx.api.run<{ registerParticipant: { version: number } }>(
      step('register a participant'),
      op.REGISTER_PARTICIPANT,
      { id, version, input: { ...participantInput(ctx, participant), attendance: 'REGISTERED' } },
    );
    version = registered.registerParticipant.version;
  }
  await ctx.api.run(step('set the agenda'), op.SET_AGENDA, {
    id,
    version,
    items: roundtable.agenda.map((item) => ({ title: item.title })),
  });
  ctx.log(`«${roundtable.title}»: scheduled for ${roundtable.startsAt}`);
}

/** Waits until the recommendations service has made recommendations of the resolutions. */
async function awaitRecommendations(
  ctx: LoadContext,
  roundtable: DemoRoundtable,
  id: string,
): Promise<void> {
  const numbers = roundtable.agenda
    .flatMap((item) => item.resolutions)
    // A DECISION stays with the round table and a CONTROL_ITEM is taken under control.
    .filter((resolution) => ['QUESTION_TO_REGULATOR', 'RECOMMENDATION'].includes(resolution.kind))
    .map((resolution) => resolution.number);
  if (numbers.length === 0) return;
  const started = Date.now();
  const nodes = await ctx.api.waitFor<
    { recommendations: { nodes: RecommendationNode[] } },
    RecommendationNode[]
  >(
    `wait for the recommendations of «${roundtable.title}»`,
    op.ROUNDTABLE_RECOMMENDATIONS,
    { id },
    (data) =>
      data.recommendations.nodes.length >= numbers.length ? data.recommendations.nodes : undefined,
    { timeoutMs: ctx.waitTimeoutMs },
    (data) => `${data.recommendations.nodes.length} of ${numbers.length} so far`,
  );
  for (const number of numbers) {
    const resolutionId = ctx.resolutionIds.get(number);
    const node = nodes.find((candidate) => candidate.source.resolutionId === resolutionId);
    if (!node) {
      throw new DemoLoadError(
        `recommendation of resolution ${number}`,
        'no recommendation names it as its source',
      );
    }
    ctx.recommendations.set(number, { id: node.id, version: node.version, code: node.code });
  }
  const codes = numbers.map((number) => ctx.recommendations.get(number)?.code).join(', ');
  ctx.log(`recommendations ${codes} made from the resolutions in ${seconds(Date.now() - started)}`);
}
