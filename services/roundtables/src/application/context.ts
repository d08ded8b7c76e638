import { randomUUID } from 'node:crypto';

import type { Identity } from '@kollegia/service-kit';
import type { DecisionContext } from '@kollegia/service-kit/domain';
import { Types } from 'mongoose';

/** Who does a command, when, and which chain of work it belongs to. */
export interface CommandContext {
  identity: Identity | null;
  now: Date;
  correlationId: string;
}

export type Clock = () => Date;

export const systemClock: Clock = () => new Date();

/** A fresh id: an ObjectId's hex string (opaque to clients, roughly time-ordered). */
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

/** What the pure decisions need: the command's time and fresh ids. */
export function decisionContext(context: CommandContext): DecisionContext {
  return { now: context.now, ids: newId };
}

/** The event metadata of a command-caused change. */
export function eventMeta(
  context: CommandContext,
  subject: string,
  tenantId: string,
  aggregateVersion: number,
) {
  return {
    subject,
    tenantId,
    aggregateVersion,
    correlationId: context.correlationId,
    actor: context.identity?.subject ?? 'system:roundtables',
    time: context.now,
  };
}
