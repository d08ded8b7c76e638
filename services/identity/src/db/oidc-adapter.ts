import type { Adapter, AdapterPayload } from 'oidc-provider';

import type { PartnerClientModel } from './partner-client.model';
import type { OidcEntryModel, OidcEntryDocument } from './oidc-entry.model';

const key = (kind: string, id: string) => `${kind}:${id}`;

/**
 * Keeps the provider's records (one adapter per kind: Session, Interaction, Grant,
 * AuthorizationCode, AccessToken, RefreshToken, …) in `oidc_entries`. An expired record is treated
 * as absent and deleted when read: the TTL index does the rest on MongoDB, `sweepExpired` on the
 * embedded engine.
 */
export class OidcEntryAdapter implements Adapter {
  constructor(
    private readonly kind: string,
    private readonly entries: OidcEntryModel,
    private readonly now: () => Date,
  ) {}

  async upsert(id: string, payload: AdapterPayload, expiresIn: number): Promise<void> {
    const { grantId, uid, userCode } = payload;
    await this.entries.updateOne(
      { _id: key(this.kind, id) },
      {
        $set: {
          kind: this.kind,
          payload: JSON.stringify(payload),
          expiresAt: new Date(this.now().getTime() + expiresIn * 1000),
          ...(grantId ? { grantId } : {}),
          ...(uid ? { uid } : {}),
          ...(userCode ? { userCode } : {}),
        },
      },
      { upsert: true },
    );
  }

  async find(id: string): Promise<AdapterPayload | undefined> {
    return this.live(await this.entries.findById(key(this.kind, id)).lean());
  }

  async findByUid(uid: string): Promise<AdapterPayload | undefined> {
    return this.live(await this.entries.findOne({ kind: this.kind, uid }).lean());
  }

  async findByUserCode(userCode: string): Promise<AdapterPayload | undefined> {
    return this.live(await this.entries.findOne({ kind: this.kind, userCode }).lean());
  }

  async consume(id: string): Promise<void> {
    await this.entries.updateOne(
      { _id: key(this.kind, id) },
      { $set: { consumed: Math.floor(this.now().getTime() / 1000) } },
    );
  }

  async destroy(id: string): Promise<void> {
    await this.entries.deleteOne({ _id: key(this.kind, id) });
  }

  async revokeByGrantId(grantId: string): Promise<void> {
    await this.entries.deleteMany({ grantId });
  }

  private async live(entry: OidcEntryDocument | null): Promise<AdapterPayload | undefined> {
    if (!entry) return undefined;
    if (entry.expiresAt.getTime() <= this.now().getTime()) {
      await this.entries.deleteOne({ _id: entry._id, expiresAt: entry.expiresAt });
      return undefined;
    }
    const payload = JSON.parse(entry.payload) as AdapterPayload;
    return entry.consumed === undefined ? payload : { ...payload, consumed: entry.consumed };
  }
}

/** Deletes the records past their expiry; the number deleted. */
export async function sweepExpired(entries: OidcEntryModel, now: Date): Promise<number> {
  const { deletedCount } = await entries.deleteMany({ expiresAt: { $lte: now } });
  return deletedCount;
}

/**
 * The provider's `Client` records: partner applications, read from `partner_clients`. Each may use
 * the client credentials grant only, authenticating with its secret, which is stored hashed
 * (`client_secret` carries the hash; the provider compares through `compareClientSecret`, set in
 * provider.ts). The first-party web client is configured statically and never reaches this.
 */
export class PartnerClientAdapter implements Adapter {
  constructor(private readonly clients: PartnerClientModel) {}

  async find(id: string): Promise<AdapterPayload | undefined> {
    const client = await this.clients.findById(id).lean();
    if (!client) return undefined;
    return {
      client_id: client._id,
      client_secret: client.secretHash,
      client_name: client.name,
      grant_types: ['client_credentials'],
      response_types: [],
      redirect_uris: [],
      token_endpoint_auth_method: 'client_secret_basic',
    };
  }

  // Partner clients are created by the admin functions, not through the provider.
  upsert(): Promise<void> {
    return Promise.reject(new Error('partner clients are not registered through the provider'));
  }

  findByUid(): Promise<undefined> {
    return Promise.resolve(undefined);
  }

  findByUserCode(): Promise<undefined> {
    return Promise.resolve(undefined);
  }

  consume(): Promise<void> {
    return Promise.resolve();
  }

  destroy(): Promise<void> {
    return Promise.reject(new Error('partner clients are removed by the admin functions'));
  }

  revokeByGrantId(): Promise<void> {
    return Promise.resolve();
  }
}
