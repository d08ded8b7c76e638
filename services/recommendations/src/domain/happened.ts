import type { PartyRef } from '@kollegia/events';
import { occurredAt, startOfLocalDay, type Predecessor } from '@kollegia/service-kit/domain';

import type { ControlItem } from './control-item';
import type { Recommendation } from './recommendation';
import { sameParty } from './validation';

/** What is done by hand to a recommendation at a moment the user may give. */
export type RecommendationHappening =
  | 'propose'
  | 'decide'
  | 'endorse'
  | 'report'
  | 'finish'
  | 'close'
  | { withdrawEndorsementOf: PartyRef };

function latest(candidates: (Predecessor | undefined)[]): Predecessor | undefined {
  return candidates.reduce<Predecessor | undefined>(
    (last, next) => (next && (!last || next.at > last.at) ? next : last),
    undefined,
  );
}

const at = (date: Date | undefined, what: string): Predecessor | undefined =>
  date && { at: date, what };

/**
 * What a happening must not come before (DESIGN.md section 3, the record as it happened): a
 * proposal not before the day of its meeting; an adoption or a rejection not before the
 * proposal; an endorsement not before the proposal; a progress report not before the adoption;
 * carrying it out not before the adoption, the start, the last report or an earlier outcome
 * (partly implemented, then in full); a withdrawal or a supersession not before anything on
 * record; taking an endorsement back not before it was given.
 */
export function recommendationPredecessor(
  state: Recommendation,
  happening: RecommendationHappening,
  timeZone: string,
): Predecessor | undefined {
  const meeting = state.source.meetingDate;
  const proposal = at(state.proposedAt, 'its proposal');
  const adoption = at(state.decidedAt, 'its adoption');
  const reported = at(state.lastProgressAt, 'its last progress report');
  const started = at(state.startedAt, 'the start of its work');
  // Marked partly implemented before: the rest is done after it.
  const outcome = at(state.finishedAt, 'its outcome');
  if (typeof happening === 'object') {
    const endorsement = state.endorsements.find((given) =>
      sameParty(given.party, happening.withdrawEndorsementOf),
    );
    return at(endorsement?.endorsedAt, 'the endorsement');
  }
  switch (happening) {
    case 'propose':
      return meeting ? at(startOfLocalDay(meeting, timeZone), 'the day of its meeting') : undefined;
    case 'decide':
    case 'endorse':
      return proposal;
    case 'report':
      return adoption;
    case 'finish':
      return latest([adoption, started, reported, outcome]);
    case 'close':
      return latest([proposal, adoption, started, reported, outcome]);
  }
}

/**
 * When a happening of a recommendation took place: the given moment, checked with the kit's
 * `occurredAt` (not in the future, not before what it follows), or `now`.
 */
export function recommendationHappenedAt(
  state: Recommendation,
  happening: RecommendationHappening,
  field: string,
  given: Date | null | undefined,
  now: Date,
  timeZone: string,
): Date {
  return occurredAt(field, given, now, recommendationPredecessor(state, happening, timeZone));
}

/**
 * Whether a due date had passed on the workspace's day it was recorded (`recordedOn`): a past
 * meeting's item or recommendation entered late is shown overdue, but that is history, not news
 * — neither due soon nor overdue is announced for it. The requests service's rule for deadlines
 * recorded after they passed (`deadlineRecordedAt`); one rule for all three.
 */
export function dueDatePassedWhenRecorded(
  dueDate: string | undefined,
  recordedOn: string | undefined,
): boolean {
  return dueDate !== undefined && recordedOn !== undefined && recordedOn > dueDate;
}

/**
 * What an action on an item under control must not come before: a progress report its taking
 * under control; the controller's extension and closing also its last extension and report.
 */
export function controlItemPredecessor(
  state: ControlItem,
  action: 'report' | 'control',
): Predecessor {
  const taken: Predecessor = { at: state.takenAt, what: 'its taking under control' };
  if (action === 'report') return taken;
  return (
    latest([
      taken,
      ...state.extensions.map((extension) => at(extension.extendedAt, 'its last extension')),
      ...state.progress.map((report) => at(report.reportedAt, 'its last progress report')),
    ]) ?? taken
  );
}
