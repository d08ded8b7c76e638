import type { TokenSource } from './api';
import { LoadContext } from './load-context';
import { loadDirectory } from './load-directory';
import { decideRecommendations } from './load-recommendations';
import { sendRequests } from './load-requests';
import { holdConference, scheduleUpcoming } from './load-sittings';
import * as op from './operations';
import { demoWorkspace, type DemoWorkspace } from './workspace';

export { DemoLoadError, type TokenSource } from './api';

export interface LoadDemoOptions {
  /** The gateway's GraphQL endpoint, e.g. http://127.0.0.1:4000/graphql. */
  gatewayUrl: string;
  /** Tokens of the demo tenant: secretary for most steps, admin, and addressee with `org`. */
  token: TokenSource;
  log?: (line: string) => void;
  /** How long to wait for each reaction of another service (over Kafka); default 60 s. */
  waitTimeoutMs?: number;
  workspace?: DemoWorkspace;
  /** The clock, for the upcoming sitting. */
  now?: () => Date;
}

/** What the workspace holds (as the API counts it) and where to start looking. */
export interface DemoSummary {
  status: 'loaded' | 'already-loaded';
  durationMs: number;
  counts: {
    organizations: number;
    people: number;
    communities: number;
    conferences: number;
    roundtables: number;
    recommendations: number;
    requests: number;
  };
  /** Absent when the workspace holds something other than the demo. */
  landmarks: {
    /** Минпромторг России: the organisation an addressee token speaks for. */
    ministryId?: string;
    /** «Промышленная Россия 4.0: механизмы опережающего развития». */
    conferenceId?: string;
    /** The working group's SCHEDULED sitting, to try roundtableLive on (and its version, to start it). */
    upcomingRoundtable?: { id: string; version: number };
    /** The request sent in 2016 and never answered: overdue since its term ran out. */
    overdueRequest?: { id: string; outgoingNumber: string; addressee: string; dueAt: string };
    /**
     * The directory ids of the workspace's people with an e-mail (the staff `npm start` makes
     * accounts for), by e-mail: their accounts are linked to them.
     */
    staffIds?: Record<string, string>;
  };
}

/** The first words of a title: enough to find it by the directory's word search. */
function firstWords(text: string, count: number): string {
  return text.split(/\s+/).slice(0, count).join(' ');
}

/**
 * Loads the demo workspace through the gateway's public GraphQL API, as its users would: the
 * directory, the conferences on their dates with their round tables recorded from the minutes
 * (statements at the moment said, resolutions, approval), then — once the recommendations service
 * has made recommendations of the resolutions — revisions, adoptions and progress, and — once the
 * requests service has drafted the requests — sending, registration and answers on the days they
 * happened, one request left unanswered and overdue. Only into an empty workspace: when the tenant has organisations
 * already it changes nothing and says so, so running it twice adds nothing.
 */
export async function loadDemo(options: LoadDemoOptions): Promise<DemoSummary> {
  const started = Date.now();
  const ctx = new LoadContext(
    options.gatewayUrl,
    options.token,
    options.workspace ?? demoWorkspace,
    options.log ?? (() => undefined),
    options.waitTimeoutMs ?? 60_000,
    options.now ?? (() => new Date()),
  );
  const existing = await ctx.api.run<{ organizations: { totalCount: number } }>(
    'check whether the workspace is empty',
    op.ORGANIZATION_COUNT,
  );
  const status = existing.organizations.totalCount > 0 ? 'already-loaded' : 'loaded';
  if (status === 'loaded') {
    await ctx.api.run(
      'set the outgoing number prefix',
      op.SET_OUTGOING_NUMBER_PREFIX,
      { prefix: ctx.workspace.outgoingNumberPrefix },
      { role: 'admin' },
    );
    await loadDirectory(ctx);
    for (const conference of ctx.workspace.conferences) await holdConference(ctx, conference);
    await scheduleUpcoming(ctx);
    await decideRecommendations(ctx);
    await sendRequests(ctx);
  } else {
    ctx.log(
      `the workspace has ${existing.organizations.totalCount} organisations already: the demo is not loaded again (npm run demo:reset starts over)`,
    );
  }
  return {
    status,
    counts: await countWorkspace(ctx),
    landmarks: await findLandmarks(ctx),
    durationMs: Date.now() - started,
  };
}

async function countWorkspace(ctx: LoadContext): Promise<DemoSummary['counts']> {
  const data = await ctx.api.run<Record<keyof DemoSummary['counts'], { totalCount: number }>>(
    'count what the workspace holds',
    op.WORKSPACE_COUNTS,
  );
  return {
    organizations: data.organizations.totalCount,
    people: data.people.totalCount,
    communities: data.communities.totalCount,
    conferences: data.conferences.totalCount,
    roundtables: data.roundtables.totalCount,
    recommendations: data.recommendations.totalCount,
    requests: data.requests.totalCount,
  };
}

async function findLandmarks(ctx: LoadContext): Promise<DemoSummary['landmarks']> {
  const ministry = ctx.workspace.organizations.find((org) => org.key === 'minpromtorg');
  const [conference] = ctx.workspace.conferences;
  type Nodes = { nodes: { id: string }[] };
  const data = await ctx.api.run<{
    ministry: Nodes;
    conference: Nodes;
    upcoming: { nodes: { id: string; version: number }[] };
    overdue: {
      nodes: {
        id: string;
        outgoingNumber: string;
        dueAt: string;
        addressee: { shortName: string } | null;
      }[];
    };
  }>('find the demo landmarks', op.FIND_LANDMARKS, {
    ministry: ministry?.shortName.split(' ')[0] ?? 'Минпромторг',
    conference: firstWords(conference?.title ?? '', 2),
    upcoming: firstWords(ctx.workspace.upcoming.title, 4),
  });
  const overdue = data.overdue.nodes[0];
  const staffIds: Record<string, string> = {};
  for (const person of ctx.workspace.people) {
    if (!person.email) continue;
    const found = await ctx.api.run<{ people: { nodes: { id: string; fullName: string }[] } }>(
      `find the person «${person.fullName}»`,
      op.FIND_PERSON,
      { name: person.fullName },
    );
    const id = found.people.nodes.find((node) => node.fullName === person.fullName)?.id;
    if (id) staffIds[person.email] = id;
  }
  return {
    ministryId: data.ministry.nodes[0]?.id,
    conferenceId: data.conference.nodes[0]?.id,
    upcomingRoundtable: data.upcoming.nodes[0],
    overdueRequest: overdue && {
      id: overdue.id,
      outgoingNumber: overdue.outgoingNumber,
      addressee: overdue.addressee?.shortName ?? 'addressee not visible',
      dueAt: overdue.dueAt,
    },
    staffIds,
  };
}
