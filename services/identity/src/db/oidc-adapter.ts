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
    const { accountId, grantId, uid, userCode } = payload;
    await this.entries.updateOne(
      { _id: key(this.kind, id) },
      {
        $set: {
          kind: this.kind,
          payload: JSON.stringify(payload),
          expiresAt: new Date(this.now().getTime() + expiresIn * 1000),
          ...(accountId ? { accountId } : {}),
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

/**
 * Ends everything a person holds at the provider: their sessions, grants, codes and refresh tokens
 * (every record that names the account). Access tokens are JWTs, not stored: they live out their
 * lifetime. The number of records deleted.
 */
export async function revokeAccount(entries: OidcEntryModel, accountId: string): Promise<number> {
  const { deletedCount } = await entries.deleteMany({ accountId });
  return deletedCount;
}

/** How many live sessions and grants a person has: what their data export reports. */
export async function countForAccount(
  entries: OidcEntryModel,
  accountId: string,
  now: Date,
): Promise<{ sessions: number; grants: number }> {
  // A person has a few: read their kinds by the index rather than count (an aggregate on the
  // embedded engine, over the whole collection).
  const found = await entries
    .find({ accountId, kind: { $in: ['Session', 'Grant'] }, expiresAt: { $gt: now } }, { kind: 1 })
    .lean();
  return {
    sessions: found.filter((entry) => entry.kind === 'Session').length,
    grants: found.filter((entry) => entry.kind === 'Grant').length,
  };
}

/** Deletes the records past their expiry; the number deleted. */
export async function sweepExpired(entries: OidcEntryModel, now: Date): Promise<number> {
  const { deletedCount } = await entries.deleteMany({ expiresAt: { $lte: now } });
  return deletedCount;
}

/** The extra client metadata carrying the hash of a rotated secret during its overlap. */
export const PREVIOUS_SECRET = 'kollegia_previous_secret';

/**
 * The provider's `Client` records: partner applications, read from `partner_clients`, for the
 * client credentials grant only. A client with public keys authenticates with assertions signed by
 * them (`private_key_jwt`, its `jwks`); any other with its secret, stored hashed (`client_secret`
 * carries the hash, and a rotated secret's hash rides along until its overlap ends; the provider
 * compares through `compareClientSecret`, set in provider.ts). A revoked client is not found. The
 * provider asks on every request, so a change is seen at once. The first-party web client is
 * configured statically and never reaches this.
 */
export class PartnerClientAdapter implements Adapter {
  constructor(
    private readonly clients: PartnerClientModel,
    private readonly now: () => Date,
  ) {}

  async find(id: string): Promise<AdapterPayload | undefined> {
    const client = await this.clients.findById(id).lean();
    if (!client || client.revokedAt) return undefined;
    const common = {
      client_id: client._id,
      client_name: client.name,
      grant_types: ['client_credentials'],
      response_types: [],
      redirect_uris: [],
    };
    if (client.keys?.length) {
      return {
        ...common,
        token_endpoint_auth_method: 'private_key_jwt',
        jwks: { keys: client.keys },
      };
    }
    const previous = client.previousSecret;
    return {
      ...common,
      token_endpoint_auth_method: 'client_secret_basic',
      client_secret: client.secretHash,
      ...(previous && previous.until > this.now() ? { [PREVIOUS_SECRET]: previous.hash } : {}),
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
