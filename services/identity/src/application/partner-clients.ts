import { randomBytes } from 'node:crypto';

import { badInput, conflict, notFound, requiredText } from '@kollegia/service-kit';

import { checkTenantId } from '../domain/account';
import { checkPublicKey, type PartnerPublicKey } from '../domain/partner-key';
import { hashPassword } from '../domain/password';
import type { PartnerClientDocument, PartnerClientModel } from '../db/partner-client.model';
import type { TenantModel } from '../db/tenant.model';

/** A partner client id: what `create` makes (`partner-<hex>`) or a seed names. */
const CLIENT_ID = /^[A-Za-z0-9._-]{3,100}$/;
/** How long a rotated secret keeps working by default, and at most. */
const DEFAULT_OVERLAP_S = 24 * 60 * 60;
const MAX_OVERLAP_S = 30 * 24 * 60 * 60;
/** A client needs no more keys than a current one and its successor, and a spare. */
const MAX_KEYS = 5;

export interface PartnerCredentials {
  clientId: string;
  /** Shown once: only its hash is stored. Absent for a client that signs assertions. */
  clientSecret?: string;
}

/** What an administrator sees of a partner client: never a secret or its hash. */
export interface PartnerClientView {
  clientId: string;
  tenantId: string;
  name: string;
  /** How it authenticates at `/token`. */
  authMethod: 'client_secret' | 'private_key_jwt';
  /** Its public keys (their ids and algorithms), for `private_key_jwt`. */
  keys: { kid: string; alg: string }[];
  /** Until when the secret a rotation replaced still works, if it does. */
  previousSecretUntil?: Date;
  revokedAt?: Date;
  createdAt: Date;
}

/** Which client: its id and, for an administrator of one tenant, that tenant. */
export interface ClientRef {
  clientId: string;
  /** When given, a client of another tenant is not found. */
  tenantId?: string;
}

/**
 * Partner applications' credentials: created for one tenant with a secret or with public keys
 * (signed assertions, RFC 7523), a secret rotated with an overlap, keys added and removed by
 * `kid`, a client revoked for good. The operator's CLI (`dist/partner-clients.js`) and the seed
 * call these; the provider reads the same records (`PartnerClientAdapter`).
 */
export class PartnerClientAdmin {
  constructor(
    private readonly deps: {
      tenants: TenantModel;
      partnerClients: PartnerClientModel;
      clock: () => Date;
    },
  ) {}

  /**
   * A new client of a tenant. Without keys it gets a secret, returned once; with keys it signs
   * its assertions with them and has no secret.
   */
  async create(input: { tenantId: string; name: string }): Promise<Required<PartnerCredentials>>;
  async create(input: {
    tenantId: string;
    name: string;
    keys?: unknown[];
  }): Promise<PartnerCredentials>;
  async create(input: {
    tenantId: string;
    name: string;
    keys?: unknown[];
  }): Promise<PartnerCredentials> {
    const tenantId = checkTenantId(input.tenantId);
    const name = requiredText('name', input.name, 200);
    const keys = input.keys === undefined ? undefined : checkKeys(input.keys);
    await this.requireTenant(tenantId);
    const clientId = `partner-${randomBytes(8).toString('hex')}`;
    const clientSecret = keys ? undefined : newSecret();
    await this.deps.partnerClients.create({
      _id: clientId,
      tenantId,
      name,
      ...(clientSecret ? { secretHash: await hashPassword(clientSecret) } : { keys }),
      createdAt: this.deps.clock(),
    });
    return { clientId, ...(clientSecret ? { clientSecret } : {}) };
  }

  /**
   * A partner client with a given id and secret (the seed keeps them, so a second run finds the
   * same credentials): created, or its tenant, name and secret set. True when it was created.
   */
  async ensure(input: {
    clientId: string;
    clientSecret: string;
    tenantId: string;
    name: string;
  }): Promise<boolean> {
    const tenantId = checkTenantId(input.tenantId);
    const name = requiredText('name', input.name, 200);
    if (!CLIENT_ID.test(input.clientId)) {
      throw badInput('clientId', 'letters, digits, ".", "_" and "-", 3 to 100 characters');
    }
    if (input.clientSecret.length < 32 || input.clientSecret.length > 256) {
      throw badInput('clientSecret', 'must be 32 to 256 characters long');
    }
    await this.requireTenant(tenantId);
    const result = await this.deps.partnerClients.updateOne(
      { _id: input.clientId },
      {
        $set: { tenantId, name, secretHash: await hashPassword(input.clientSecret) },
        $setOnInsert: { createdAt: this.deps.clock() },
      },
      { upsert: true },
    );
    return result.upsertedCount > 0;
  }

  async list(tenantId: string): Promise<PartnerClientView[]> {
    const clients = await this.deps.partnerClients
      .find({ tenantId: checkTenantId(tenantId) })
      .sort({ createdAt: 1 })
      .lean();
    return clients.map((client) => this.view(client));
  }

  async get(ref: ClientRef): Promise<PartnerClientView> {
    return this.view(await this.find(ref));
  }

  /**
   * A new secret, returned once. The one it replaces keeps working for `overlapSeconds` (a day by
   * default, 0 for not at all, 30 days at most) so the partner can deploy the new one; a secret
   * replaced earlier, if still in its overlap, stops at once.
   */
  async rotateSecret(
    ref: ClientRef & { overlapSeconds?: number },
  ): Promise<{ clientId: string; clientSecret: string; previousSecretUntil?: Date }> {
    const overlap = ref.overlapSeconds ?? DEFAULT_OVERLAP_S;
    if (!Number.isInteger(overlap) || overlap < 0 || overlap > MAX_OVERLAP_S) {
      throw badInput('overlapSeconds', `a whole number of seconds from 0 to ${MAX_OVERLAP_S}`);
    }
    const client = await this.findActive(ref);
    if (!client.secretHash) {
      throw conflict(`partner client ${client._id} signs assertions: it has no secret to rotate`);
    }
    const clientSecret = newSecret();
    const until = new Date(this.deps.clock().getTime() + overlap * 1000);
    await this.deps.partnerClients.updateOne(
      { _id: client._id },
      overlap > 0
        ? {
            $set: {
              secretHash: await hashPassword(clientSecret),
              previousSecret: { hash: client.secretHash, until },
            },
          }
        : { $set: { secretHash: await hashPassword(clientSecret) }, $unset: { previousSecret: 1 } },
    );
    return {
      clientId: client._id,
      clientSecret,
      ...(overlap > 0 ? { previousSecretUntil: until } : {}),
    };
  }

  /** Ends a rotation's overlap now: the replaced secret is refused from then. */
  async endSecretOverlap(ref: ClientRef): Promise<PartnerClientView> {
    const client = await this.findActive(ref);
    await this.deps.partnerClients.updateOne(
      { _id: client._id },
      { $unset: { previousSecret: 1 } },
    );
    return this.get(ref);
  }

  /** Adds a public key (a JWK with a `kid` new to the client); rotation is add, then remove. */
  async addKey(ref: ClientRef & { key: unknown }): Promise<PartnerClientView> {
    const key = checkPublicKey(ref.key);
    const client = await this.findActive(ref);
    if (!client.keys?.length) {
      throw conflict(`partner client ${client._id} authenticates with a secret, not with keys`);
    }
    if (client.keys.some(({ kid }) => kid === key.kid)) {
      throw conflict(`partner client ${client._id} has a key ${key.kid} already`);
    }
    if (client.keys.length >= MAX_KEYS) {
      throw conflict(`partner client ${client._id} has ${MAX_KEYS} keys: remove one first`);
    }
    // Guarded by the count read, so two additions at once cannot both pass the checks above.
    const { modifiedCount } = await this.deps.partnerClients.updateOne(
      { _id: client._id, keys: { $size: client.keys.length }, 'keys.kid': { $ne: key.kid } },
      { $push: { keys: key } },
    );
    if (modifiedCount === 0)
      throw conflict(`partner client ${client._id} changed meanwhile: try again`);
    return this.get(ref);
  }

  /** Removes a key by its `kid`: assertions it signs are refused from then. Not the last one. */
  async removeKey(ref: ClientRef & { kid: string }): Promise<PartnerClientView> {
    const client = await this.findActive(ref);
    if (!client.keys?.some(({ kid }) => kid === ref.kid)) {
      throw notFound(`key of partner client ${client._id}`, ref.kid);
    }
    const { modifiedCount } = await this.deps.partnerClients.updateOne(
      // Never the last key: a client without a way to authenticate is revoked instead.
      { _id: client._id, 'keys.1': { $exists: true } },
      { $pull: { keys: { kid: ref.kid } } },
    );
    if (modifiedCount === 0) {
      throw conflict(
        `${ref.kid} is the last key of partner client ${client._id}: revoke the client instead`,
      );
    }
    return this.get(ref);
  }

  /**
   * Revokes a client for good: the provider no longer knows it, so it gets no token from then.
   * An access token it already holds lives out its lifetime (ACCESS_TOKEN_TTL_S, 5 minutes).
   */
  async revoke(ref: ClientRef): Promise<PartnerClientView> {
    const client = await this.find(ref);
    if (!client.revokedAt) {
      await this.deps.partnerClients.updateOne(
        { _id: client._id, revokedAt: { $exists: false } },
        { $set: { revokedAt: this.deps.clock() }, $unset: { secretHash: 1, previousSecret: 1 } },
      );
    }
    return this.get(ref);
  }

  private async find({ clientId, tenantId }: ClientRef): Promise<PartnerClientDocument> {
    const client = await this.deps.partnerClients.findById(clientId).lean();
    if (!client || (tenantId !== undefined && client.tenantId !== tenantId)) {
      throw notFound('partner client', clientId);
    }
    return client;
  }

  private async findActive(ref: ClientRef): Promise<PartnerClientDocument> {
    const client = await this.find(ref);
    if (client.revokedAt) throw conflict(`partner client ${client._id} is revoked`, 'REVOKED');
    return client;
  }

  private view(client: PartnerClientDocument): PartnerClientView {
    const previousLive = client.previousSecret && client.previousSecret.until > this.deps.clock();
    return {
      clientId: client._id,
      tenantId: client.tenantId,
      name: client.name,
      authMethod: client.keys?.length ? 'private_key_jwt' : 'client_secret',
      keys: (client.keys ?? []).map(({ kid, alg }) => ({ kid, alg: String(alg) })),
      ...(previousLive ? { previousSecretUntil: client.previousSecret!.until } : {}),
      ...(client.revokedAt ? { revokedAt: client.revokedAt } : {}),
      createdAt: client.createdAt,
    };
  }

  private async requireTenant(tenantId: string): Promise<void> {
    if (!(await this.deps.tenants.exists({ _id: tenantId }))) {
      throw notFound('tenant', tenantId);
    }
  }
}

function newSecret(): string {
  return randomBytes(32).toString('base64url');
}

function checkKeys(keys: unknown[]): PartnerPublicKey[] {
  if (!Array.isArray(keys) || keys.length === 0 || keys.length > MAX_KEYS) {
    throw badInput('keys', `1 to ${MAX_KEYS} public keys, or none for a client with a secret`);
  }
  const checked = keys.map(checkPublicKey);
  if (new Set(checked.map(({ kid }) => kid)).size !== checked.length) {
    throw badInput('keys', 'each key needs a kid of its own');
  }
  return checked;
}
