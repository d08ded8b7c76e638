import type { IncomingMessage, ServerResponse } from 'node:http';

import { bearerToken, DomainError, secretMatcher, type Logger } from '@kollegia/service-kit';
import { z } from 'zod';

import type { RecipientDirectory } from '../application/recipients';
import { PERSON_ROLES } from '../domain/account';
import { error, json } from './request';

/** Where the internal API is served: to Kollegia's own services, never to people or partners. */
export const INTERNAL_PREFIX = '/internal/v1/';

const RECIPIENTS_PATH = /^tenants\/([a-z0-9][a-z0-9-]{1,62})\/recipients$/;
const id = z.string().min(1).max(100);

/** The query of `recipients`: at least one filter, each known; nothing else. */
const recipientsQuery = z
  .strictObject({
    role: z.enum(PERSON_ROLES).optional(),
    organization: id.optional(),
    person: z.array(id).min(1).max(100).optional(),
  })
  .refine((query) => query.role ?? query.organization ?? query.person, {
    message: 'name at least one of role, organization, person',
  });

function queryOf(url: URL): unknown {
  const query: Record<string, string | string[]> = {};
  for (const key of new Set(url.searchParams.keys())) {
    query[key] = key === 'person' ? url.searchParams.getAll(key) : url.searchParams.get(key)!;
  }
  return query;
}

/**
 * The provider's internal API, for Kollegia's services inside the deployment (the notifier): they
 * present `INTERNAL_API_SECRET` as a bearer credential (compared in constant time). Without that
 * setting the API is off and every path under it is not found.
 *
 * `GET tenants/<tenant>/recipients?role=&organization=&person=&person=…`: the tenant's enabled,
 * accepted accounts matching every filter, by login: `{ recipients, complete }`.
 */
export function internalApiHandler(deps: {
  secret: string | undefined;
  recipients: RecipientDirectory;
  logger: Logger;
}): (req: IncomingMessage, res: ServerResponse) => Promise<void> {
  const matches = deps.secret ? secretMatcher(deps.secret) : undefined;
  return async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://internal');
    const path = url.pathname.slice(INTERNAL_PREFIX.length);
    const tenant = RECIPIENTS_PATH.exec(path)?.[1];
    if (!matches || tenant === undefined) {
      return error(res, 404, 'not found', { code: 'NOT_FOUND' });
    }
    if (req.method !== 'GET') {
      res.setHeader('allow', 'GET');
      return error(res, 405, `${req.method} is not served here`, { code: 'BAD_REQUEST' });
    }
    if (!matches(bearerToken(req.headers.authorization))) {
      res.setHeader('www-authenticate', 'Bearer');
      return error(res, 401, 'the internal API takes the services’ credential only', {
        code: 'UNAUTHENTICATED',
      });
    }
    const query = recipientsQuery.safeParse(queryOf(url));
    if (!query.success) {
      const issue = query.error.issues[0];
      return error(res, 400, `${issue?.path.join('.') || 'query'}: ${issue?.message}`, {
        code: 'BAD_USER_INPUT',
        field: issue?.path.join('.') || 'query',
      });
    }
    try {
      const { role, organization, person } = query.data;
      json(
        res,
        200,
        await deps.recipients.find(tenant, {
          ...(role ? { role } : {}),
          ...(organization ? { organizationId: organization } : {}),
          ...(person ? { personIds: person } : {}),
        }),
      );
    } catch (thrown) {
      if (thrown instanceof DomainError && thrown.code === 'NOT_FOUND') {
        return error(res, 404, thrown.message, { code: thrown.code });
      }
      deps.logger.error({ err: thrown }, 'internal API request failed');
      error(res, 500, 'Internal server error', { code: 'INTERNAL_SERVER_ERROR' });
    }
  };
}
