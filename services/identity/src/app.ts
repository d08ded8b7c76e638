import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

import {
  connectMongo,
  createLogger,
  createMetrics,
  createTokenVerifier,
  measuredHandler,
  metricsPortOf,
  pingMongo,
  Shutdown,
  startMetricsServer,
  startPeriodicJob,
} from '@kollegia/service-kit';
import type Provider from 'oidc-provider';
import type { KoaContextWithOIDC } from 'oidc-provider';

import { AccountLifecycle } from './application/account-lifecycle';
import { AuditLog } from './application/audit-log';
import { IdentityAdmin } from './application/identity-admin';
import { PartnerClientAdmin } from './application/partner-clients';
import { RecipientDirectory } from './application/recipients';
import type { IdentityConfig } from './config';
import { AccountRepository } from './db/account.repository';
import { identityModels } from './db/models';
import { sweepExpired } from './db/oidc-adapter';
import { loadOrCreateProviderKeys } from './db/provider-keys';
import { ADMIN_PREFIX, adminApiHandler } from './http/admin-api';
import { INTERNAL_PREFIX, internalApiHandler } from './http/internal-api';
import { json, originsOf } from './http/request';
import { ACCOUNT_PAGE_PATH, accountPagesHandler } from './oidc/account-pages';
import { INTERACTION_PATH, interactionHandler } from './oidc/interactions';
import { createProvider } from './oidc/provider';

/** The provider's endpoints by the first segment of their paths. */
const OIDC_ROUTES = new Set(['.well-known', 'auth', 'token', 'jwks', 'me', 'session', 'request']);

/** A request's route as metrics label it: a few names, never the path (it carries ids). */
function routeOf(path: string): string {
  if (INTERACTION_PATH.test(path)) return 'interaction';
  if (ACCOUNT_PAGE_PATH.test(path)) return 'account-page';
  if (path.startsWith(ADMIN_PREFIX)) return 'admin-api';
  if (path.startsWith(INTERNAL_PREFIX)) return 'internal-api';
  if (path === '/healthz' || path === '/readyz') return 'health';
  const segment = path.split('/')[1] ?? '';
  return OIDC_ROUTES.has(segment) ? `oidc-${segment.replace(/^\./, '')}` : 'other';
}

export interface IdentityApp {
  /** Where it listens. */
  url: string;
  /** `GET /metrics`, on a listener of its own (`METRICS_PORT`). */
  metricsUrl: string;
  /** The `iss` of its tokens: OIDC_ISSUER, or `url`. */
  issuer: string;
  provider: Provider;
  admin: IdentityAdmin;
  /** Partner applications' credentials: created, rotated, revoked. */
  partnerClients: PartnerClientAdmin;
  /** Deletes expired provider records once (the timer runs it every OIDC_SWEEP_INTERVAL_MS). */
  sweepExpired(): Promise<number>;
  shutdown: Shutdown;
  stop(): Promise<void>;
}

/**
 * Boots the identity service: its database and keys, the OpenID Connect provider and its sign-in
 * pages, health endpoints, and the sweep of expired records. Bootable in a test.
 */
export async function createApp(
  config: IdentityConfig,
  deps: { clock?: () => Date } = {},
): Promise<IdentityApp> {
  const clock = deps.clock ?? (() => new Date());
  const metricsPort = metricsPortOf(config);
  const logger = createLogger({ service: 'identity', level: config.LOG_LEVEL });
  const metrics = createMetrics('identity');
  const shutdown = new Shutdown(logger);
  const connection = await connectMongo(config.MONGO_URL, config.MONGO_DB, logger);
  const models = await identityModels(connection);
  const keys = await loadOrCreateProviderKeys(models.providerKeys);
  const accounts = new AccountRepository(models.accounts);
  const audit = new AuditLog(models.auditLog, clock);

  // The default issuer names the port, known once listening; until the provider is built, 503.
  let handle = (_req: IncomingMessage, res: ServerResponse) => {
    res.writeHead(503).end();
  };
  const server = createServer(measuredHandler(metrics, routeOf, (req, res) => handle(req, res)));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.PORT, config.HOST, resolve);
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://${config.HOST}:${port}`;
  const issuer = config.OIDC_ISSUER ?? url;

  const provider = createProvider({
    issuer,
    config,
    keys,
    accounts,
    audit,
    partnerClients: models.partnerClients,
    oidcEntries: models.oidcEntries,
    clock,
  });
  // What the provider answers as server_error is ours to know about; its clients get only the code.
  provider.on('server_error', (_ctx, error: Error) =>
    logger.error({ err: error }, 'identity provider error'),
  );
  provider.on('end_session.success', (ctx: KoaContextWithOIDC) => {
    const accountId = ctx.oidc.session?.accountId;
    if (!accountId) return;
    void accounts
      .byId(accountId)
      .then(
        (account) =>
          account &&
          audit.record({
            tenantId: account.tenantId,
            action: 'sign-out',
            actor: { id: account.id, login: account.email },
            subject: { id: account.id, login: account.email },
            ip: ctx.ip,
          }),
      )
      .catch((error: unknown) => logger.error({ err: error }, 'sign-out not audited'));
  });
  const providerCallback = provider.callback();
  const trustProxy = config.TRUST_PROXY;
  const interaction = interactionHandler(
    provider,
    { accounts, audit, logger, trustProxy },
    config.WEB_REDIRECT_URIS,
  );
  const lifecycle = new AccountLifecycle({
    accounts,
    links: models.accountLinks,
    audit,
    oidcEntries: models.oidcEntries,
    clock,
    issuer,
    invitationTtlS: config.INVITATION_TTL_S,
    passwordResetTtlS: config.PASSWORD_RESET_TTL_S,
  });
  const accountPages = accountPagesHandler({
    lifecycle,
    logger,
    trustProxy,
    redirectUris: config.WEB_REDIRECT_URIS,
    boardUrl: config.WEB_BOARD_URL ?? config.WEB_POST_LOGOUT_REDIRECT_URIS[0]!,
  });
  const partnerClients = new PartnerClientAdmin({
    tenants: models.tenants,
    partnerClients: models.partnerClients,
    clock,
  });
  // The admin API takes this provider's own access tokens, as the rest of Kollegia does; its keys
  // are read from where it listens, which is where the issuer's JWKS is served.
  const adminApi = adminApiHandler({
    lifecycle,
    partnerClients,
    verifier: await createTokenVerifier({
      issuers: [{ issuer, jwksUrl: `${url}/jwks`, audience: config.OIDC_AUDIENCE }],
    }),
    logger,
    trustProxy,
    allowedOrigins: originsOf(config.WEB_REDIRECT_URIS),
  });
  const internalApi = internalApiHandler({
    secret: config.INTERNAL_API_SECRET,
    recipients: new RecipientDirectory({ tenants: models.tenants, accounts }),
    logger,
  });
  handle = (req, res) => {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    const match = INTERACTION_PATH.exec(path);
    if (match) return void interaction(req, res, match[1]!, match[2] !== undefined);
    const page = ACCOUNT_PAGE_PATH.exec(path);
    if (page) return void accountPages(req, res, page);
    if (path.startsWith(ADMIN_PREFIX)) return void adminApi(req, res);
    if (path.startsWith(INTERNAL_PREFIX)) return void internalApi(req, res);
    // The same answers as the other services' (the kit's HTTP server).
    if (path === '/healthz') return json(res, 200, { status: 'ok' });
    if (path === '/readyz') {
      return void pingMongo(connection).then(
        () => json(res, 200, { status: 'ready', checks: { mongo: 'ok' } }),
        (error: Error) => json(res, 503, { status: 'not ready', checks: { mongo: error.message } }),
      );
    }
    void providerCallback(req, res);
  };

  const sweep = () => sweepExpired(models.oidcEntries, clock());
  const job = startPeriodicJob({
    name: 'expired provider records',
    intervalMs: config.OIDC_SWEEP_INTERVAL_MS,
    run: sweep,
    logger,
    metrics,
  });
  const metricsServer = await startMetricsServer({ metrics, host: config.HOST, port: metricsPort });

  shutdown
    .add('http server', () => new Promise<void>((resolve) => server.close(() => resolve())))
    .add('sweep', () => job.stop())
    .add('metrics server', () => metricsServer.stop())
    .add('database', () => connection.close());

  logger.info({ url, issuer, metricsUrl: metricsServer.url }, 'identity provider listening');
  return {
    url,
    metricsUrl: metricsServer.url,
    issuer,
    provider,
    admin: new IdentityAdmin({ tenants: models.tenants, accounts, clock }),
    partnerClients,
    sweepExpired: sweep,
    shutdown,
    stop: () => shutdown.run(),
  };
}

export { identityConfigSchema, type IdentityConfig } from './config';
