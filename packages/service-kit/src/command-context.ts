import { randomUUID } from 'node:crypto';

import { Types } from 'mongoose';

import type { Identity } from './auth';
import type { DecisionContext } from './domain';

/** Who does a command, when, and which chain of work it belongs to. */
export interface CommandContext {
  identity: Identity | null;
  now: Date;
  correlationId: string;
  /** The event this command reacts to, when a consumer or a job runs it. */
  causationId?: string;
  /**
   * When it is recorded, if not `now`: a consumer applying what happened earlier decides at
   * `now` = when it happened, and announces it with CloudEvents `time` = this (ADR 0002: `time`
   * is the recording time).
   */
  recordedAt?: Date;
}

export type Clock = () => Date;

export const systemClock: Clock = () => new Date();

/** A fresh aggregate id: an ObjectId's hex string (opaque to clients, roughly time-ordered). */
export function newId(): string {
  return new Types.ObjectId().toHexString();
}

/** The context of a command from a request: its caller, the clock's now, the request id. */
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

/**
 * The event metadata of a change a command made: the caller is the actor, or `system:<service>`
 * when a job or a consumer acted.
 */
export function commandEventMeta(
  service: string,
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
    ...(context.causationId ? { causationId: context.causationId } : {}),
    actor: context.identity?.subject ?? `system:${service}`,
    time: context.now,
  };
}
