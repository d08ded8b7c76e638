/**
 * Federation: the gateway asks for `Organization`, `Person`, `Conference` and `Roundtable` here
 * only to reach the fields this subgraph adds; the id is all it needs, and the owning subgraph
 * answers for the rest (and for existence and visibility).
 */
export const resolveForeignReference = (reference: { id: string }) => ({ id: reference.id });
