import type { DecisionContext } from '@kollegia/service-kit/domain';

import type { RoundtableRepository } from '../db/roundtable.repository';
import type { Roundtable, RoundtableDecision } from '../domain/roundtable';
import { decisionContext, type CommandContext } from './context';
import { roundtableReferences, type MemberUseCases } from './members';
import { requireOrganizer } from './permissions';
import { roundtableEvents } from './roundtable-events';

/** A pure decision about a round table, given its state and the command's time and ids. */
export type RoundtableDecide = (state: Roundtable, context: DecisionContext) => RoundtableDecision;

/** What changing a round table needs: where it is stored, and the directory its references name. */
export interface RoundtableChangeDeps {
  roundtables: RoundtableRepository;
  members: MemberUseCases;
}

/**
 * The one way a round table changes (statements aside, see statements.ts): an organiser loads it
 * at `expectedVersion`, the domain decides, the members the change adds are checked against the
 * directory, and the new state is stored with its events in one write. A decision that changes
 * nothing stores nothing and announces nothing.
 */
export async function changeRoundtable(
  { roundtables, members }: RoundtableChangeDeps,
  context: CommandContext,
  id: string,
  expectedVersion: number,
  decide: RoundtableDecide,
): Promise<Roundtable> {
  const identity = requireOrganizer(context.identity);
  const current = await roundtables.getForChange(identity.tenantId, id, expectedVersion);
  const { state, changes } = decide(current, decisionContext(context));
  if (changes.length === 0) return current;
  await members.requireAdded(
    identity.tenantId,
    roundtableReferences(current),
    roundtableReferences(state),
  );
  const next = { ...state, version: expectedVersion + 1 };
  return roundtables.update(next, expectedVersion, roundtableEvents(next, changes, context));
}
