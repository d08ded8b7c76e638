import { badInput, localDate, optionalCalendarDate } from '@kollegia/service-kit/domain';
import type { DecisionContext } from '@kollegia/service-kit/domain';

import {
  decided,
  type Recommendation,
  type RecommendationDecision,
  unchanged,
} from './recommendation';

// Codes are R-<year of the meeting>-NN (DESIGN.md section 3, the record as it happened): a 2016
// meeting entered in 2026 gives R-2016-NN, not R-2026-NN.

const CODE = /^R-(\d{4})-\d+$/;

/** The day a meeting was held, as the workspace's calendar reads the instant it happened. */
export function meetingDateOf(heldAt: Date, timeZone: string): string {
  return localDate(heldAt, timeZone);
}

/**
 * A meeting day given by a user: a real date, not after today in the workspace's calendar (a
 * meeting being recorded has happened).
 */
export function givenMeetingDate(
  field: string,
  value: string | undefined | null,
  today: string,
): string | undefined {
  const date = optionalCalendarDate(field, value);
  if (date !== undefined && date > today) {
    throw badInput(field, `must not be in the future (today is ${today})`);
  }
  return date;
}

/**
 * The year a recommendation's code takes: its meeting's, or — meeting day unknown (drafted by
 * hand without one, or recorded before the day was kept) — the year it was recorded in.
 */
export function codeYear(
  state: Pick<Recommendation, 'source' | 'createdAt'>,
  timeZone: string,
): string {
  return (state.source.meetingDate ?? localDate(state.createdAt, timeZone)).slice(0, 4);
}

/** The year a generated code names (`R-2016-04` → `2016`); none for a code given by hand. */
export function yearInCode(code: string): string | undefined {
  return CODE.exec(code)?.[1];
}

/**
 * Whether a recommendation's generated code names another year than its meeting's (drawn before
 * codes followed the meeting). Codes given by hand in another form are the caller's and stay.
 */
export function needsRenumbering(
  state: Pick<Recommendation, 'code' | 'source' | 'createdAt'>,
  timeZone: string,
): boolean {
  const year = yearInCode(state.code);
  return year !== undefined && year !== codeYear(state, timeZone);
}

/** Gives a recommendation a new code (its meeting's year), in any status; nothing else changes. */
export function renumberRecommendation(
  state: Recommendation,
  code: string,
  context: DecisionContext,
): RecommendationDecision {
  return decided(
    { ...state, code, updatedAt: context.now },
    [{ kind: 'renumbered', previousCode: state.code }],
    context,
  );
}

/** A sitting's conclusion as corrected (`roundtable.redated`): what it was, and what it is. */
export interface SittingRedate {
  /** The new meeting day: the new conclusion in the workspace's calendar. */
  meetingDate: string;
  previousConcludedAt: Date;
  concludedAt: Date;
}

/**
 * Follows a sitting whose date was corrected (`roundtable.redated`): the meeting day becomes the
 * new one, and a recommendation proposed by the sitting's conclusion (its `proposedAt` is the
 * previous conclusion) is proposed at the new one, so that its adoption can be dated after the
 * meeting rather than after the typing-up. Given `code` (the next of the new meeting year, drawn
 * by the caller when the generated code would name another year: `needsRenumbering` of
 * `onMeetingDay`), it is renumbered in the same decision. Unchanged when nothing moves.
 *
 * A new code is what people cite, so it is announced: `renumbered`, which carries the meeting
 * day, on the timeline and as an event (as the codes migration does). The day and the proposal
 * time alone are not: no event carries them but the whole card's (`drafted`, `proposed`,
 * `revised`), and `revised` means a user revised a draft or a proposal; readers see them on the
 * next query (the caller moves the `PROPOSED` timeline entry itself).
 */
export function redateRecommendation(
  state: Recommendation,
  redate: SittingRedate,
  code: string | undefined,
  context: DecisionContext,
): RecommendationDecision {
  const proposedAt = proposedAtAfter(state, redate);
  if (
    state.source.meetingDate === redate.meetingDate &&
    proposedAt === state.proposedAt &&
    code === undefined
  ) {
    return unchanged(state);
  }
  const redated = {
    ...onMeetingDay(state, redate.meetingDate),
    ...(proposedAt ? { proposedAt } : {}),
    updatedAt: context.now,
  };
  return code === undefined
    ? decided(redated, [], context)
    : renumberRecommendation(redated, code, context);
}

/** When it was proposed once its sitting is redated: moved with the conclusion, if it came from it. */
export function proposedAtAfter(
  state: Pick<Recommendation, 'proposedAt'>,
  redate: Pick<SittingRedate, 'previousConcludedAt' | 'concludedAt'>,
): Date | undefined {
  return state.proposedAt?.getTime() === redate.previousConcludedAt.getTime() &&
    redate.concludedAt.getTime() !== redate.previousConcludedAt.getTime()
    ? redate.concludedAt
    : state.proposedAt;
}

/** The state as it would be on another meeting day (to ask whether its code still fits). */
export function onMeetingDay<S extends Pick<Recommendation, 'source'>>(
  state: S,
  meetingDate: string,
): S {
  return { ...state, source: { ...state.source, meetingDate } };
}
