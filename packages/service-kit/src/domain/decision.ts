/**
 * When a decision happens and where new ids come from. Both are injected so decisions stay pure
 * and tests can assert exact values.
 */
export interface DecisionContext {
  now: Date;
  /** Returns a fresh id on every call (an ObjectId's hex string in production). */
  ids: () => string;
}

/** What a decision that creates an aggregate needs besides the clock and the ids. */
export interface CreationContext extends DecisionContext {
  tenantId: string;
}

/**
 * What a decision returns: the state after it and what changed, for the application layer to
 * announce as events. The version is bumped there, as the members service does.
 */
export interface Decision<TState, TChange> {
  state: TState;
  changes: TChange[];
}

/** `a SCHEDULED`, `an OPEN`: conflict messages name the current state in a readable sentence. */
export function withArticle(status: string): string {
  return `${/^[AEIOU]/.test(status) ? 'an' : 'a'} ${status}`;
}
