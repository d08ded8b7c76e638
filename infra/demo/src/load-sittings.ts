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

/** A conference, opened, its round tables held one after another, closed. */
export async function holdConference(ctx: LoadContext, conference: DemoConference): Promise<void> {
  const { key: _key, organizers, roundtables, ...card } = conference;
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
    { id, version: scheduled.scheduleConference.version },
  );
  for (const roundtable of roundtables) {
    const roundtableId = await sit(ctx, roundtable, id);
    await awaitRecommendations(ctx, roundtable, roundtableId);
  }
  await ctx.api.run(`close «${conference.title}»`, op.CLOSE_CONFERENCE, {
    id,
    version: opened.openConference.version,
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
  await sit(ctx, { ...sitting, startsAt, endsAt });
}

/** Schedules a round table and, when it was held, runs the sitting to its conclusion. */
async function sit(
  ctx: LoadContext,
  roundtable: DemoRoundtable,
  conferenceId?: string,
): Promise<string> {
  const step = (what: string) => `${what} of «${roundtable.title}»`;
  const scheduled = await ctx.api.run<{ scheduleRoundtable: Versioned }>(
    step('schedule the round table'),
    op.SCHEDULE_ROUNDTABLE,
    {
      input: {
        conferenceId,
        title: roundtable.title,
        format: roundtable.format,
        startsAt: roundtable.startsAt,
        endsAt: roundtable.endsAt,
        venue: roundtable.venue,
        description: roundtable.description,
        moderator: ctx.party(roundtable.moderator),
        published: true,
      },
    },
  );
  const { id } = scheduled.scheduleRoundtable;
  let { version } = scheduled.scheduleRoundtable;
  for (const participant of roundtable.participants) {
    const seat =
      'person' in participant.party
        ? {
            personId: ctx.person(participant.party.person),
            organizationId: participant.for ? ctx.org(participant.for) : undefined,
          }
        : { organizationId: ctx.org(participant.party.org) };
    const registered = await ctx.api.run<{ registerParticipant: { version: number } }>(
      step('register a participant'),
      op.REGISTER_PARTICIPANT,
      {
        id,
        version,
        input: {
          ...seat,
          role: participant.role,
          attendance: roundtable.held ? 'ATTENDED' : 'REGISTERED',
        },
      },
    );
    version = registered.registerParticipant.version;
  }
  const agenda = await ctx.api.run<{
    setAgenda: { version: number; agenda: { id: string; position: number }[] };
  }>(step('set the agenda'), op.SET_AGENDA, {
    id,
    version,
    items: roundtable.agenda.map((item) => ({ title: item.title })),
  });
  version = agenda.setAgenda.version;
  const itemIds = [...agenda.setAgenda.agenda]
    .sort((a, b) => a.position - b.position)
    .map((item) => item.id);
  if (!roundtable.held) {
    ctx.log(`«${roundtable.title}»: scheduled for ${roundtable.startsAt}`);
    return id;
  }

  version = (
    await ctx.api.run<{ startRoundtable: { version: number } }>(
      step('start'),
      op.START_ROUNDTABLE,
      { id, version },
    )
  ).startRoundtable.version;
  let statements = 0;
  let resolutions = 0;
  for (const [index, item] of roundtable.agenda.entries()) {
    const itemId = itemIds[index];
    if (!itemId) throw new DemoLoadError(step('set the agenda'), 'an agenda item is missing');
    if (item.deferred) {
      version = (
        await ctx.api.run<{ deferAgendaItem: { version: number } }>(
          step(`defer «${item.title}»`),
          op.DEFER_AGENDA_ITEM,
          { id, version, item: itemId, reason: item.deferred },
        )
      ).deferAgendaItem.version;
      continue;
    }
    version = (
      await ctx.api.run<{ openAgendaItem: { version: number } }>(
        step(`open «${item.title}»`),
        op.OPEN_AGENDA_ITEM,
        { id, version, item: itemId },
      )
    ).openAgendaItem.version;
    if (item.statements.length > 0) {
      await ctx.api.run(step('record statements'), op.RECORD_STATEMENTS, {
        id,
        statements: item.statements.map((statement) => ({
          speaker: ctx.party(statement.speaker),
          agendaItemId: itemId,
          text: statement.text,
        })),
      });
      statements += item.statements.length;
      // Statements take no expectedVersion but move the version on: read it again.
      version = (
        await ctx.api.run<{ roundtable: { version: number } }>(
          step('read the version'),
          op.ROUNDTABLE_VERSION,
          { id },
        )
      ).roundtable.version;
    }
    for (const resolution of item.resolutions) {
      const proposed = await ctx.api.run<{
        proposeResolution: { version: number; resolutions: { id: string; text: string }[] };
      }>(step(`propose resolution ${resolution.number}`), op.PROPOSE_RESOLUTION, {
        id,
        version,
        input: {
          kind: resolution.kind,
          text: resolution.text,
          addresseeIds: resolution.addressees.map((key) => ctx.org(key)),
          responsible: resolution.responsible ? ctx.party(resolution.responsible) : undefined,
          dueDate: resolution.dueDate,
          agendaItemId: itemId,
        },
      });
      version = proposed.proposeResolution.version;
      const made = proposed.proposeResolution.resolutions.find(
        (candidate) => candidate.text === resolution.text,
      );
      if (!made) {
        throw new DemoLoadError(
          step(`propose resolution ${resolution.number}`),
          'the round table does not list it',
        );
      }
      ctx.resolutionIds.set(resolution.number, made.id);
      resolutions += 1;
    }
    version = (
      await ctx.api.run<{ closeAgendaItem: { version: number } }>(
        step(`close «${item.title}»`),
        op.CLOSE_AGENDA_ITEM,
        { id, version, item: itemId },
      )
    ).closeAgendaItem.version;
  }
  await ctx.api.run(step('conclude'), op.CONCLUDE_ROUNDTABLE, { id, version });
  ctx.log(
    `«${roundtable.title}»: concluded with ${statements} statements and ${resolutions} resolutions`,
  );
  return id;
}

/** Waits until the recommendations service has made recommendations of the resolutions. */
async function awaitRecommendations(
  ctx: LoadContext,
  roundtable: DemoRoundtable,
  id: string,
): Promise<void> {
  const numbers = roundtable.agenda
    .flatMap((item) => item.resolutions)
    .filter((resolution) => resolution.kind !== 'DECISION')
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
