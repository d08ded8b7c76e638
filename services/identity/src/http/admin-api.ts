import type { IncomingMessage, ServerResponse } from 'node:http';

import {
  badInput,
  bearerToken,
  DomainError,
  pageRequest,
  requireRole,
  unauthenticated,
  type Logger,
  type Page,
  type TokenVerifier,
} from '@kollegia/service-kit';
import { z } from 'zod';

import type { AccountLifecycle, Caller } from '../application/account-lifecycle';
import type { PartnerClientAdmin } from '../application/partner-clients';
import { clientIp, error, json, readBody } from './request';

/** What a browser may send cross-origin: the bearer token and a JSON body. */
const ALLOWED_HEADERS = 'authorization, content-type';

/** Where the admin API is served. */
export const ADMIN_PREFIX = '/admin/v1/';

const MAX_BODY_BYTES = 16 * 1024;

const STATUS: Record<DomainError['code'], number> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  BAD_USER_INPUT: 400,
  CONFLICT: 409,
};

const invitationInput = z.strictObject({
  email: z.string(),
  displayName: z.string(),
  roles: z.array(z.string()),
  organizationId: z.string().optional(),
  personId: z.string().optional(),
});
const partnerClientInput = z.strictObject({
  name: z.string(),
  keys: z.array(z.unknown()).optional(),
});
const rotationInput = z.strictObject({ overlapSeconds: z.number().optional() }).nullable();
const keyInput = z.strictObject({ key: z.unknown() });
const rolesInput = z.strictObject({
  roles: z.array(z.string()),
  organizationId: z.string().optional(),
});
const personInput = z.strictObject({ personId: z.string().nullable() });

/** A JSON body checked against its shape: BAD_USER_INPUT naming the first wrong field. */
async function body<T>(req: IncomingMessage, schema: z.ZodType<T>): Promise<T> {
  const text = await readBody(req, MAX_BODY_BYTES);
  if (text === undefined) throw badInput('body', `must be at most ${MAX_BODY_BYTES} bytes`);
  let parsed: unknown;
  try {
    parsed = JSON.parse(text || 'null');
  } catch {
    throw badInput('body', 'is not valid JSON');
  }
  const checked = schema.safeParse(parsed);
  if (!checked.success) {
    const issue = checked.error.issues[0];
    throw badInput(issue?.path.join('.') || 'body', issue?.message ?? 'not what this takes');
  }
  return checked.data;
}

/** `first` and `after` of a list, from the query string. */
function page(url: URL) {
  const first = url.searchParams.get('first');
  const after = url.searchParams.get('after');
  if (first !== null && !/^\d+$/.test(first)) throw badInput('first', 'must be a whole number');
  return pageRequest({ first: first === null ? null : Number(first), after });
}

/** A page as the API gives it: the items, and the cursor of the next page when there is one. */
function listed<T>(found: Page<T>) {
  return {
    items: found.items,
    nextCursor: found.hasNextPage ? (found.cursors.at(-1) ?? null) : null,
  };
}

type Route = {
  method: string;
  path: RegExp;
  run: (caller: Caller, req: IncomingMessage, url: URL, id: string) => Promise<[number, unknown]>;
};

/**
 * The admin API (JSON under `/admin/v1/`): an administrator's access token from this provider
 * (the kit's verifier, this issuer only, role `admin`), acting in the token's tenant. Errors are
 * the kit's shape and codes; a bad request changes nothing.
 */
export function adminApiHandler(deps: {
  lifecycle: AccountLifecycle;
  partnerClients: PartnerClientAdmin;
  verifier: TokenVerifier;
  logger: Logger;
  trustProxy: boolean;
  /**
   * The origins a browser may call from: the web board's (those of WEB_REDIRECT_URIS, which the
   * provider's token endpoint allows too). A page of any other origin gets no CORS headers.
   */
  allowedOrigins: readonly string[];
}) {
  const { lifecycle, partnerClients } = deps;
  const partner = (suffix = '') => new RegExp(`^partner-clients/([A-Za-z0-9._-]{3,100})${suffix}$`);
  /** A partner client of the administrator's own tenant (another tenant's is not found). */
  const ownClient = (caller: Caller, clientId: string) => ({
    clientId,
    tenantId: requireRole(caller.identity, 'admin').tenantId,
  });
  const account = (suffix = '') => new RegExp(`^accounts/([\\w-]{1,100})${suffix}$`);
  const routes: Route[] = [
    {
      method: 'GET',
      path: /^accounts$/,
      run: async (caller, _req, url) => [
        200,
        listed(await lifecycle.listAccounts(caller, page(url))),
      ],
    },
    {
      method: 'POST',
      path: /^invitations$/,
      run: async (caller, req) => {
        const { account: invited, invitation } = await lifecycle.invite(
          caller,
          await body(req, invitationInput),
        );
        return [
          201,
          { account: invited, invitationUrl: invitation.url, expiresAt: invitation.expiresAt },
        ];
      },
    },
    {
      method: 'POST',
      path: account('/invitation'),
      run: async (caller, _req, _url, id) => {
        const invitation = await lifecycle.reinvite(caller, id);
        return [201, { invitationUrl: invitation.url, expiresAt: invitation.expiresAt }];
      },
    },
    {
      method: 'PUT',
      path: account('/roles'),
      run: async (caller, req, _url, id) => [
        200,
        await lifecycle.changeRoles(caller, id, await body(req, rolesInput)),
      ],
    },
    {
      method: 'PUT',
      path: account('/person'),
      run: async (caller, req, _url, id) => [
        200,
        await lifecycle.changePerson(caller, id, await body(req, personInput)),
      ],
    },
    {
      method: 'POST',
      path: account('/disable'),
      run: async (caller, _req, _url, id) => [200, await lifecycle.setDisabled(caller, id, true)],
    },
    {
      method: 'POST',
      path: account('/enable'),
      run: async (caller, _req, _url, id) => [200, await lifecycle.setDisabled(caller, id, false)],
    },
    {
      method: 'POST',
      path: account('/password-reset'),
      run: async (caller, _req, _url, id) => {
        const link = await lifecycle.issuePasswordReset(caller, id);
        return [201, { resetUrl: link.url, expiresAt: link.expiresAt }];
      },
    },
    {
      method: 'GET',
      path: account('/export'),
      run: async (caller, _req, _url, id) => [200, await lifecycle.exportAccount(caller, id)],
    },
    {
      method: 'DELETE',
      path: account(),
      run: async (caller, _req, _url, id) => [200, await lifecycle.deleteAccount(caller, id)],
    },
    {
      method: 'GET',
      path: /^audit$/,
      run: async (caller, _req, url) => [200, listed(await lifecycle.auditLog(caller, page(url)))],
    },
    // Partner applications of the tenant (ADR 0023): the same functions as the operator's CLI.
    {
      method: 'GET',
      path: /^partner-clients$/,
      run: async (caller) => [
        200,
        { items: await partnerClients.list(requireRole(caller.identity, 'admin').tenantId) },
      ],
    },
    {
      method: 'POST',
      path: /^partner-clients$/,
      run: async (caller, req) => {
        const tenantId = requireRole(caller.identity, 'admin').tenantId;
        const input = await body(req, partnerClientInput);
        return [201, await partnerClients.create({ ...input, tenantId })];
      },
    },
    {
      method: 'GET',
      path: partner(),
      run: async (caller, _req, _url, id) => [200, await partnerClients.get(ownClient(caller, id))],
    },
    {
      method: 'POST',
      path: partner('/secret'),
      run: async (caller, req, _url, id) => {
        const ref = ownClient(caller, id);
        return [
          201,
          await partnerClients.rotateSecret({ ...ref, ...(await body(req, rotationInput)) }),
        ];
      },
    },
    {
      method: 'DELETE',
      path: partner('/previous-secret'),
      run: async (caller, _req, _url, id) => [
        200,
        await partnerClients.endSecretOverlap(ownClient(caller, id)),
      ],
    },
    {
      method: 'POST',
      path: partner('/keys'),
      run: async (caller, req, _url, id) => {
        const ref = ownClient(caller, id);
        return [201, await partnerClients.addKey({ ...ref, ...(await body(req, keyInput)) })];
      },
    },
    {
      method: 'DELETE',
      path: partner('/keys/[A-Za-z0-9._:-]{1,100}'),
      run: async (caller, _req, url, id) => [
        200,
        await partnerClients.removeKey({
          ...ownClient(caller, id),
          kid: url.pathname.split('/').at(-1)!,
        }),
      ],
    },
    {
      method: 'POST',
      path: partner('/revoke'),
      run: async (caller, _req, _url, id) => [
        200,
        await partnerClients.revoke(ownClient(caller, id)),
      ],
    },
  ];

  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://admin');
    const path = url.pathname.slice(ADMIN_PREFIX.length);
    const matching = routes.filter((route) => route.path.test(path));
    const route = matching.find((candidate) => candidate.method === req.method);
    const origin = req.headers.origin;
    const allowedOrigin = origin !== undefined && deps.allowedOrigins.includes(origin);
    res.setHeader('vary', 'Origin');
    if (allowedOrigin) res.setHeader('access-control-allow-origin', origin);
    // A browser's preflight: answered for the board's origins and the methods of the path only.
    if (
      req.method === 'OPTIONS' &&
      req.headers['access-control-request-method'] &&
      matching.length
    ) {
      if (!allowedOrigin) {
        return error(res, 403, 'this origin may not call the admin API', { code: 'FORBIDDEN' });
      }
      res
        .writeHead(204, {
          'access-control-allow-methods': matching.map((candidate) => candidate.method).join(', '),
          'access-control-allow-headers': ALLOWED_HEADERS,
          'access-control-max-age': '600',
        })
        .end();
      return;
    }
    try {
      if (!route) {
        if (matching.length === 0) return error(res, 404, 'not found', { code: 'NOT_FOUND' });
        res.setHeader('allow', matching.map((candidate) => candidate.method).join(', '));
        return error(res, 405, `${req.method} is not served here`, { code: 'BAD_REQUEST' });
      }
      const token = bearerToken(req.headers.authorization);
      if (!token) throw unauthenticated();
      const identity = await deps.verifier.verify(token);
      const id = route.path.exec(path)?.[1] ?? '';
      const [status, result] = await route.run(
        { identity, ip: clientIp(req, deps.trustProxy) },
        req,
        url,
        id,
      );
      json(res, status, result);
    } catch (thrown) {
      if (thrown instanceof DomainError) {
        return error(res, STATUS[thrown.code], thrown.message, {
          code: thrown.code,
          ...thrown.details,
        });
      }
      deps.logger.error({ err: thrown }, 'admin API request failed');
      error(res, 500, 'Internal server error', { code: 'INTERNAL_SERVER_ERROR' });
    }
  };
}
