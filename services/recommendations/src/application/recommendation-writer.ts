import type { CloudEventEnvelope } from '@kollegia/events';
import type { Logger } from '@kollegia/service-kit';
import { withoutUndefined } from '@kollegia/service-kit/domain';

import type { ConferenceCountsRepository } from '../db/conference-counts.repository';
import type { ProgressReportRepository } from '../db/progress-report.repository';
import type { PendingProjection } from '../db/read-model.documents';
import { visibleToPartners, type RecommendationRepository } from '../db/recommendation.repository';
import type { TimelineRepository } from '../db/timeline.repository';
import { groupBy } from '@kollegia/service-kit/domain';
import type { Recommendation, RecommendationDecision } from '../domain/recommendation';
import type { CommandContext } from './context';
import { recommendationEvents } from './recommendation-events';

/** `kollegia.recommendations.recommendation.request-recorded.v1` → `request-recorded`. */
export function eventName(type: string): string {
  return type.split('.').at(-2) ?? type;
}

/**
 * Where a change still has to be written outside the recommendation's own document. Its timeline
 * entries carry when it happened (`occurredAt`: the context's `now`) and when it was recorded
 * (`recordedAt`), which differ when a consumer applies what happened earlier (a past sitting's
 * conclusion) or a user gives the moment of a change.
 */
function projectionOf(
  state: Recommendation,
  events: CloudEventEnvelope[],
  context: CommandContext,
): PendingProjection {
  const visible = visibleToPartners(state);
  const conferenceId = state.source.conferenceId;
  return withoutUndefined({
    tenantId: state.tenantId,
    version: state.version,
    status: state.status,
    conferenceId,
    visibleToPartners: visible,
    entries: events.map((event, i) =>
      withoutUndefined({
        _id: event.id,
        tenantId: state.tenantId,
        recommendationId: state.id,
        conferenceId,
        sequence: state.version * 100 + i,
        type: eventName(event.type),
        occurredAt: context.now,
        recordedAt: context.recordedAt ?? context.now,
        actor: event.actor,
        status: (event.data as { status: Recommendation['status'] }).status,
        addresseeIds: state.addresseeIds,
        visibleToPartners: visible,
        data: event.data as Record<string, unknown>,
      }),
    ),
    reports: events.flatMap((event) => {
      if (eventName(event.type) !== 'progress-reported') return [];
      const { report } = event.data as {
        report: { id: string; author: never; text: string; percent: number; reportedAt: string };
      };
      return [
        {
          _id: report.id,
          tenantId: state.tenantId,
          recommendationId: state.id,
          author: report.author,
          text: report.text,
          percent: report.percent,
          reportedAt: new Date(report.reportedAt),
        },
      ];
    }),
  });
}

/** A change stored with its projection, whose read models are still to be written. */
interface Written {
  id: string;
  projection: PendingProjection;
}

/**
 * Stores recommendation decisions: the state, its events (outbox) and what it still has to write
 * to the read models, in one single-document write; then writes the read models at once. A crash
 * between the two leaves the projection pending in the document, and `sweep` finishes it.
 */
export class RecommendationWriter {
  constructor(
    private readonly recommendations: RecommendationRepository,
    private readonly timeline: TimelineRepository,
    private readonly reports: ProgressReportRepository,
    private readonly counts: ConferenceCountsRepository,
    private readonly logger: Logger,
  ) {}

  /** Inserts a new recommendation (version 1). A duplicate id or code fails with E11000. */
  async create(decision: RecommendationDecision, context: CommandContext): Promise<Recommendation> {
    const { state } = decision;
    const events = recommendationEvents(undefined, state, decision.changes, context);
    const projection = projectionOf(state, events, context);
    await this.recommendations.create(state, events, projection);
    await this.projectThenRelay([{ id: state.id, projection }]);
    return state;
  }

  /**
   * Inserts new recommendations (version 1) in one write, then writes the read models of all of
   * them together: a Kafka batch's recommendations cost a few writes per collection, not a few
   * per recommendation. Returns the ids refused because their id or code was taken; the others
   * are stored.
   */
  async createMany(
    decisions: { decision: RecommendationDecision; context: CommandContext }[],
  ): Promise<Set<string>> {
    const items = decisions.map(({ decision, context }) => {
      const { state } = decision;
      const events = recommendationEvents(undefined, state, decision.changes, context);
      return { state, events, projection: projectionOf(state, events, context) };
    });
    const refused = await this.recommendations.createMany(items);
    await this.projectThenRelay(
      items
        .filter(({ state }) => !refused.has(state.id))
        .map(({ state, projection }) => ({ id: state.id, projection })),
    );
    return refused;
  }

  /** Stores a decision taken on `current` at its version (CONFLICT when it changed meanwhile). */
  async save(
    current: Recommendation,
    decision: RecommendationDecision,
    context: CommandContext,
  ): Promise<Recommendation> {
    const next = { ...decision.state, version: current.version + 1 };
    const events = recommendationEvents(current.status, next, decision.changes, context);
    const projection = projectionOf(next, events, context);
    const saved = await this.recommendations.save(next, current.version, events, projection);
    await this.projectThenRelay([{ id: current.id, projection }]);
    return saved;
  }

  /**
   * Writes the read models of changes just stored, from memory (no read of them back), removes
   * their projections from the documents, then publishes their events: a reader that looks at the
   * timeline on hearing an event finds its entry. Should the projection fail, the events go out
   * all the same (the sweep finishes the projection).
   */
  private async projectThenRelay(written: Written[]): Promise<void> {
    try {
      await this.write(written);
      await this.recommendations.removeProjectionsOf(
        written.map(({ id, projection: { tenantId, version } }) => ({ tenantId, id, version })),
      );
    } finally {
      void this.recommendations.relay(written.map(({ id }) => id));
    }
  }

  /**
   * Timeline entries, progress reports and counts of changes, a few writes per tenant; several
   * changes of one recommendation come oldest first (its entries in order; counted as the last).
   */
  private async write(written: Written[]): Promise<void> {
    for (const [tenantId, changes] of groupBy(written, (w) => w.projection.tenantId)) {
      await this.timeline.append(
        tenantId,
        changes.flatMap(({ projection }) => projection.entries),
      );
      await this.reports.add(changes.flatMap(({ projection }) => projection.reports));
      await this.counts.apply(
        tenantId,
        changes.flatMap(({ id, projection }) =>
          projection.conferenceId
            ? [
                {
                  conferenceId: projection.conferenceId,
                  recommendationId: id,
                  counted: {
                    s: projection.status,
                    v: projection.version,
                    p: projection.visibleToPartners,
                  },
                },
              ]
            : [],
        ),
      );
    }
  }

  /**
   * Writes a recommendation's pending projections to the timeline, the progress reports and the
   * conference counts, then removes them. Takes no lock: the writer that stored a change, a
   * consumer meeting the recommendation again and the sweep of any replica may project the same
   * change at once, and each write absorbs the repeat (entries and reports keep their ids, so a
   * second insert stores nothing; counts keep versions, so a version counted already or an older
   * one changes nothing). Whoever finishes removes exactly the projections it wrote, by version,
   * in one atomic update: one stored meanwhile stays for the next pass.
   */
  async project(tenantId: string, id: string): Promise<void> {
    const pending = await this.recommendations.pendingProjections(tenantId, id);
    if (pending.length === 0) return;
    await this.write(pending.map((projection) => ({ id, projection })));
    await this.recommendations.removeProjections(tenantId, id, pending);
  }

  /** Finishes the projections a crash left behind (at start, then periodically). */
  async sweep(limit = 500): Promise<number> {
    const found = await this.recommendations.withPendingProjections(limit);
    for (const { tenantId, id } of found) {
      try {
        await this.project(tenantId, id);
      } catch (error) {
        this.logger.warn({ err: error, recommendationId: id }, 'read-model sweep failed');
      }
    }
    return found.length;
  }
}
