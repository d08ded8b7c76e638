import type { Collection } from 'mongodb';
import type { Collection as MongooseCollection } from 'mongoose';

import { insertIfAbsent } from './duplicate-key';

export type ClaimState = 'claimed' | 'done' | 'released';

/** One attempt at a piece of once-only work, stored under `<key>` (attempt 0) or `<key>~<n>`. */
export interface ClaimDocument {
  _id: string;
  claimKey: string;
  attempt: number;
  owner: string;
  claimedAt: Date;
  state: ClaimState;
  [field: string]: unknown;
}

export interface OnceClaimsOptions {
  /** How long a claim stays its owner's before another replica may take the work over. */
  leaseMs: number;
  /** This replica's name on its claims. */
  owner: string;
}

/**
 * Claims on work that must be done once across replicas and restarts (a scheduler's notices).
 *
 * Every attempt is an insert with a deterministic `_id` — `<key>` first, then `<key>~1`, `<key>~2`
 * for takeovers — because an insert on a unique `_id` is the one write FerretDB 1.24 makes atomic
 * (its updates are not; docs/adr/0005). Of several replicas racing for a key, exactly one insert
 * succeeds. After that each attempt's document is written only by its owner:
 *
 * - `complete` — the work is done; nobody claims the key again;
 * - `release` — the work was not done (its subject changed meanwhile): the next claim may retry;
 * - an attempt left `claimed` past the lease belonged to a replica that died mid-way: the next
 *   attempt may be inserted, by one replica.
 *
 * The lease assumes the work takes less than `leaseMs`; the work itself should still be
 * idempotent in its own aggregate (state plus expected version), as every writer here is.
 */
export class OnceClaims {
  private readonly collection: Collection<ClaimDocument>;

  constructor(
    collection: MongooseCollection,
    private readonly options: OnceClaimsOptions,
  ) {
    this.collection = collection as unknown as Collection<ClaimDocument>;
  }

  /**
   * Does `work` once across replicas and restarts (a start-up migration): claims `key` at `now`,
   * completes the claim when `work` resolves and releases it when `work` throws (rethrown), so the
   * next claim retries. `work` gets the attempt's id (a correlation id for what it announces).
   * Resolves to what `work` returned, or undefined when another replica did it or is doing it.
   */
  async once<T>(
    key: string,
    now: Date,
    work: (claimId: string) => Promise<T>,
  ): Promise<T | undefined> {
    const claimId = await this.claim(key, now);
    if (!claimId) return undefined;
    try {
      const result = await work(claimId);
      await this.complete(claimId);
      return result;
    } catch (error) {
      await this.release(claimId);
      throw error;
    }
  }

  /** Claims `key` at `now`; the attempt's id when the work is ours to do, else undefined. */
  async claim(
    key: string,
    now: Date,
    fields: Record<string, unknown> = {},
  ): Promise<string | undefined> {
    if (await this.insertAttempt(key, 0, now, fields)) return key;
    const latest = await this.latestAttempt(key);
    // Released and deleted meanwhile cannot happen (attempts are never deleted); a missing first
    // attempt means a concurrent purge: leave it to the next run.
    if (!latest || latest.state === 'done') return undefined;
    if (
      latest.state === 'claimed' &&
      now.getTime() - latest.claimedAt.getTime() < this.options.leaseMs
    )
      return undefined;
    const attempt = latest.attempt + 1;
    return (await this.insertAttempt(key, attempt, now, fields))
      ? attemptId(key, attempt)
      : undefined;
  }

  /** The claimed work was done: the key is never claimed again. */
  async complete(id: string): Promise<void> {
    await this.collection.updateOne({ _id: id }, { $set: { state: 'done' } });
  }

  /** The claimed work was not done: the next claim of the key may do it. */
  async release(id: string): Promise<void> {
    await this.collection.updateOne({ _id: id }, { $set: { state: 'released' } });
  }

  /** The latest attempt: attempt 0, then `~1`, `~2`… each read by `_id` (the only index FerretDB uses). */
  private async latestAttempt(key: string): Promise<ClaimDocument | undefined> {
    let latest = (await this.collection.findOne({ _id: key })) ?? undefined;
    while (latest) {
      const next = await this.collection.findOne({ _id: attemptId(key, latest.attempt + 1) });
      if (!next) break;
      latest = next;
    }
    return latest;
  }

  private insertAttempt(
    key: string,
    attempt: number,
    now: Date,
    fields: Record<string, unknown>,
  ): Promise<boolean> {
    return insertIfAbsent(this.collection, {
      ...fields,
      _id: attemptId(key, attempt),
      claimKey: key,
      attempt,
      owner: this.options.owner,
      claimedAt: now,
      state: 'claimed',
    } satisfies ClaimDocument);
  }
}

function attemptId(key: string, attempt: number): string {
  return attempt === 0 ? key : `${key}~${attempt}`;
}
