import { deterministicId } from '@kollegia/service-kit';

import { isDuplicateKey } from './duplicate-key';
import type { FollowUpClaimDocument, FollowUpClaimModel } from './follow-up-claim.model';

export interface FollowUpKey {
  tenantId: string;
  recommendationId: string;
  kind: string;
  date: string;
}

/**
 * Claims on follow-ups, so that each (recommendation, kind, date) is announced by one replica
 * once: the claim is an insert with a deterministic `_id`, which MongoDB and FerretDB alike make
 * atomic (updates are not, on FerretDB; see ADR 0005).
 */
export class FollowUpClaimRepository {
  constructor(
    private readonly claims: FollowUpClaimModel,
    private readonly leaseMs: number,
  ) {}

  private async insert(doc: FollowUpClaimDocument): Promise<boolean> {
    try {
      await this.claims.collection.insertOne(doc as never);
      return true;
    } catch (error) {
      if (isDuplicateKey(error)) return false;
      throw error;
    }
  }

  /**
   * Claims a follow-up for `owner`; returns the claim's id when it is ours to announce. Another
   * replica's claim is left alone unless it is unfinished and older than the lease (that replica
   * died between claiming and announcing); then taking it over is itself an insert, keyed by the
   * stale claim, so one replica takes it.
   */
  async claim(key: FollowUpKey, owner: string, now: Date): Promise<string | undefined> {
    const _id = deterministicId(
      'follow-up',
      key.tenantId,
      key.recommendationId,
      key.kind,
      key.date,
    );
    const fresh = { ...key, owner, claimedAt: now, attempt: 0, done: false };
    if (await this.insert({ _id, ...fresh })) return _id;
    const existing = await this.claims.findById(_id).lean<FollowUpClaimDocument>();
    if (!existing || existing.done) return undefined;
    if (now.getTime() - new Date(existing.claimedAt).getTime() < this.leaseMs) return undefined;
    const takeover = `${_id}~${new Date(existing.claimedAt).getTime()}`;
    if (
      !(await this.insert({ _id: takeover, ...fresh, attempt: existing.attempt + 1, done: true }))
    )
      return undefined;
    await this.claims.updateOne(
      { _id },
      { $set: { owner, claimedAt: now, attempt: existing.attempt + 1 } },
    );
    return _id;
  }

  /** The follow-up was announced: nobody announces it again. */
  async complete(id: string): Promise<void> {
    await this.claims.updateOne({ _id: id }, { $set: { done: true } });
  }

  /** The announcement did not happen (the recommendation changed meanwhile): try again later. */
  async release(id: string, owner: string): Promise<void> {
    await this.claims.deleteOne({ _id: id, owner, done: false });
  }
}
