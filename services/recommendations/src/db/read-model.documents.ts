import type { PartyRef, RecommendationStatus } from '@kollegia/events';

/**
 * One line of a recommendation's timeline, stored apart from it (timelines grow for years). Its
 * id is the id of the event that announced the change, so a client that follows the live events
 * and pages the timeline can tell the two apart, and writing it twice stores it once.
 */
export interface TimelineEntryDocument {
  _id: string;
  tenantId: string;
  recommendationId: string;
  conferenceId?: string;
  /** Order within the recommendation: aggregate version × 100 + place among that version's changes. */
  sequence: number;
  /** Order within the tenant, from a counter: what `conferenceFollowUps` pages by. */
  feedSequence: number;
  /** The event's name, e.g. `adopted`, `request-recorded`. */
  type: string;
  /** When it happened. */
  occurredAt: Date;
  /** When it was recorded; absent from entries written before it was kept (then `occurredAt`). */
  recordedAt?: Date;
  actor: string;
  /** The recommendation's status right after this change. */
  status: RecommendationStatus;
  /** As of this change: who may see the entry (see application/permissions.ts). */
  addresseeIds: string[];
  visibleToPartners: boolean;
  /** The event's payload. */
  data: Record<string, unknown>;
}

/** A progress report, stored apart from its recommendation. */
export interface ProgressReportDocument {
  _id: string;
  tenantId: string;
  recommendationId: string;
  author: PartyRef;
  text: string;
  percent: number;
  reportedAt: Date;
}

/**
 * What one change of a recommendation still has to write outside its own document: timeline
 * entries, progress reports and its place in the conference counts. Stored inside the
 * recommendation by the same single-document write as the change (like the outbox, ADR 0003),
 * written out right after it and removed; a crash in between leaves it for the sweep.
 */
export interface PendingProjection {
  tenantId: string;
  version: number;
  status: RecommendationStatus;
  conferenceId?: string;
  visibleToPartners: boolean;
  entries: Omit<TimelineEntryDocument, 'feedSequence'>[];
  reports: ProgressReportDocument[];
}
