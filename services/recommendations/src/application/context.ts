import { randomUUID } from 'node:crypto';

import type { Identity } from '@kollegia/service-kit';
import { Types } from 'mongoose';

/** Who does a command, when, and which chain of work it belongs to. */
export interface CommandContext {
  identity: Identity | null;
  now: Date;
  correlationId: string;
  /** The event this command reacts to, when a consumer or a job runs it. */
  causationId?: string;
}

export type Clock = () => Date;

export const systemClock: Clock = () => new Date();

export const SYSTEM_ACTOR = 'system:recommendations';

/** A fresh aggregate id: an ObjectId's hex string (opaque to clients, roughly time-ordered). */
export function newId(): string {
  return new Types.ObjectId().toHexString();
}

export function commandContext(
  identity: Identity | null,
  clock: Clock,
  requestId?: string,
): CommandContext {
  return { identity, now: clock(), correlationId: requestId ?? randomUUID() };
}

/** Hands out `first`, then fresh ids: a creation decision's first id is the aggregate's. */
export function idsStartingWith(first: string): () => string {
  let used = false;
  return () => {
    if (used) return newId();
    used = true;
    return first;
  };
}
