import type { IncomingMessage, ServerResponse } from 'node:http';

import type { Logger } from '@kollegia/service-kit';
import { errors } from 'oidc-provider';
import type Provider from 'oidc-provider';

import type { AuditLog } from '../application/audit-log';
import type { AccountRepository } from '../db/account.repository';
import { signIn } from '../application/sign-in';
import { clientIp, originsOf, readBody } from '../http/request';
import { errorPage, signInPage, WRONG_CREDENTIALS } from './pages';

/** The interaction routes the provider sends a browser to: `/interaction/<uid>[/login]`. */
export const INTERACTION_PATH = /^\/interaction\/([\w-]+)(\/login)?$/;

const MAX_FORM_BYTES = 16 * 1024;

/**
 * The pages' content security policy. The sign-in form posts here, and the answer redirects the
 * browser on to the client's redirect URI: browsers hold that redirect to `form-action` too, so it
 * names the web clients' origins besides this one.
 */
export function pagePolicy(redirectUris: readonly string[]): string {
  return `default-src 'none'; style-src 'unsafe-inline'; form-action 'self' ${originsOf(redirectUris).join(' ')}`.trim();
}

export function sender(policy: string) {
  return (res: ServerResponse, status: number, html: string): void => {
    res.writeHead(status, {
      'content-type': 'text/html; charset=utf-8',
      'cache-control': 'no-store',
      'x-frame-options': 'DENY',
      // A one-time link's token is in the page's URL: it must not leave in a Referer.
      'referrer-policy': 'no-referrer',
      'content-security-policy': policy,
    });
    res.end(html);
  };
}

/** A form posted to a page, or undefined when it is too long. */
export async function readForm(req: IncomingMessage): Promise<URLSearchParams | undefined> {
  const body = await readBody(req, MAX_FORM_BYTES);
  return body === undefined ? undefined : new URLSearchParams(body);
}

/**
 * Serves the sign-in form and takes its answer. The provider asks for a login only (the web board's
 * consent is granted by `loadExistingGrant`); any other prompt ends the request as access denied.
 */
export function interactionHandler(
  provider: Provider,
  deps: { accounts: AccountRepository; audit: AuditLog; logger: Logger; trustProxy: boolean },
  redirectUris: readonly string[],
) {
  const { logger } = deps;
  const send = sender(pagePolicy(redirectUris));
  return async (req: IncomingMessage, res: ServerResponse, uid: string, login: boolean) => {
    const action = `/interaction/${uid}/login`;
    try {
      const details = await provider.interactionDetails(req, res);
      if (details.uid !== uid) throw new errors.SessionNotFound('interaction uid mismatch');
      if (details.prompt.name !== 'login') {
        await provider.interactionFinished(req, res, {
          error: 'access_denied',
          error_description: 'this client is not granted access',
        });
        return;
      }
      if (!login) return send(res, 200, signInPage({ action }));
      if (req.method !== 'POST')
        return send(res, 405, errorPage('Форма отправляется методом POST.'));
      const form = await readForm(req);
      if (!form) return send(res, 413, errorPage('Слишком длинный запрос.'));
      const name = form.get('login') ?? '';
      const password = form.get('password') ?? '';
      const account = await signIn(deps, name, password, clientIp(req, deps.trustProxy));
      if (!account) {
        return send(res, 401, signInPage({ action, login: name, error: WRONG_CREDENTIALS }));
      }
      await provider.interactionFinished(
        req,
        res,
        { login: { accountId: account.id } },
        { mergeWithLastSubmission: false },
      );
    } catch (error) {
      if (error instanceof errors.SessionNotFound) {
        return send(
          res,
          400,
          errorPage('Страница входа устарела. Вернитесь в приложение и войдите снова.'),
        );
      }
      logger.error({ err: error }, 'sign-in interaction failed');
      send(res, 500, errorPage('Внутренняя ошибка. Попробуйте позже.'));
    }
  };
}
