import type { PartyRef } from '@kollegia/events';
import {
  type DecisionContext,
  badInput,
  optionalText,
  withoutUndefined,
} from '@kollegia/service-kit/domain';

import {
  decided,
  type Endorsement,
  type Recommendation,
  type RecommendationDecision,
  requireStatus,
  unchanged,
} from './recommendation';
import { LIMITS, partyRef, sameParty } from './validation';

// Endorsing means standing behind something that is still to be done.
const ENDORSABLE = ['PROPOSED', 'ADOPTED', 'IN_PROGRESS'] as const;

/**
 * An organisation or a person endorses a recommendation. Each endorses once: endorsing again
 * changes nothing (the first endorsement and its comment stay).
 */
export function endorseRecommendation(
  state: Recommendation,
  command: { party: PartyRef; comment?: string | null },
  context: DecisionContext,
): RecommendationDecision {
  requireStatus(state, ENDORSABLE, 'be endorsed');
  const party = partyRef('party', command.party);
  const comment = optionalText('comment', command.comment, LIMITS.reason);
  if (state.endorsements.some((endorsement) => sameParty(endorsement.party, party))) {
    return unchanged(state);
  }
  if (state.endorsements.length >= LIMITS.endorsements) {
    throw badInput('party', `a recommendation takes at most ${LIMITS.endorsements} endorsements`);
  }
  const endorsement: Endorsement = withoutUndefined({ party, comment, endorsedAt: context.now });
  return decided(
    { ...state, endorsements: [...state.endorsements, endorsement], updatedAt: context.now },
    [{ kind: 'endorsed', endorsement }],
    context,
  );
}

/**
 * An organisation or a person takes its endorsement back, in any status (the record should not
 * claim support that was withdrawn). Taking back what was never given changes nothing.
 */
export function withdrawEndorsement(
  state: Recommendation,
  command: { party: PartyRef },
  context: DecisionContext,
): RecommendationDecision {
  const party = partyRef('party', command.party);
  const remaining = state.endorsements.filter(
    (endorsement) => !sameParty(endorsement.party, party),
  );
  if (remaining.length === state.endorsements.length) return unchanged(state);
  return decided(
    { ...state, endorsements: remaining, updatedAt: context.now },
    [{ kind: 'endorsement-withdrawn', party }],
    context,
  );
}
