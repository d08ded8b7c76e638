import type { IncomingMessage, ServerResponse } from 'node:http';

import { DomainError, type Logger } from '@kollegia/service-kit';

import type { AccountLifecycle } from '../application/account-lifecycle';
import type { AccountLinkKind } from '../db/account-link.model';
import { clientIp } from '../http/request';
import { pagePolicy, readForm, sender } from './interactions';
import {
  errorPage,
  FORGOT_PASSWORD_PATH,
  forgotPasswordPage,
  linkRefusedPage,
  passwordRequestedPage,
  setPasswordPage,
} from './pages';

/** `/invitation/<token>` and `/password/reset/<token>` (the paths of `LINK_PATHS`), and «Забыли пароль?». */
export const ACCOUNT_PAGE_PATH =
  /^\/(?:(invitation|password\/reset)\/([A-Za-z0-9_-]{1,100})|(password\/forgot))$/;

const KINDS: Record<string, AccountLinkKind> = {
  invitation: 'invitation',
  'password/reset': 'password-reset',
};

const WORDING: Record<AccountLinkKind, { title: string; intro: string }> = {
  invitation: {
    title: 'Приглашение в Коллегию',
    intro: 'Вас пригласили в Коллегию. Задайте пароль — с ним вы будете входить.',
  },
  'password-reset': {
    title: 'Новый пароль',
    intro: 'Задайте новый пароль. Сеансы, открытые со старым паролем, завершатся.',
  },
};

/**
 * The pages a person reaches by a one-time link — accept an invitation, set a new password — and
 * «Забыли пароль?». Server-rendered, in Russian, no scripts, the sign-in page's policy. A password
 * set, the browser goes on to the web board, which signs in.
 */
export function accountPagesHandler(deps: {
  lifecycle: AccountLifecycle;
  logger: Logger;
  trustProxy: boolean;
  redirectUris: readonly string[];
  boardUrl: string;
}) {
  const send = sender(pagePolicy([...deps.redirectUris, deps.boardUrl]));

  async function linkPage(
    req: IncomingMessage,
    res: ServerResponse,
    kind: AccountLinkKind,
    token: string,
  ): Promise<void> {
    const action = req.url?.split('?')[0] ?? '';
    const state = await deps.lifecycle.linkState(kind, token);
    if (!state.usable) return send(res, 410, linkRefusedPage(state.refusal));
    const form = (error?: string) =>
      setPasswordPage({
        ...WORDING[kind],
        login: state.account.email,
        action,
        ...(error ? { error } : {}),
      });
    if (req.method !== 'POST') return send(res, 200, form());
    const posted = await readForm(req);
    if (!posted) return send(res, 413, errorPage('Слишком длинный запрос.'));
    const password = posted.get('password') ?? '';
    if (password !== (posted.get('confirmation') ?? '')) {
      return send(res, 400, form('Пароли не совпадают.'));
    }
    let used;
    try {
      used = await deps.lifecycle.useLink(kind, token, password, clientIp(req, deps.trustProxy));
    } catch (error) {
      if (error instanceof DomainError && error.code === 'BAD_USER_INPUT') {
        return send(res, 400, form('Пароль должен быть длиной от 8 до 256 символов.'));
      }
      throw error;
    }
    if ('refusal' in used) return send(res, 410, linkRefusedPage(used.refusal));
    res.writeHead(303, { location: deps.boardUrl, 'cache-control': 'no-store' }).end();
  }

  async function forgotPage(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (req.method !== 'POST')
      return send(res, 200, forgotPasswordPage({ action: FORGOT_PASSWORD_PATH }));
    const posted = await readForm(req);
    if (!posted) return send(res, 413, errorPage('Слишком длинный запрос.'));
    const login = (posted.get('login') ?? '').trim();
    if (!login) {
      return send(
        res,
        400,
        forgotPasswordPage({ action: FORGOT_PASSWORD_PATH, error: 'Укажите логин.' }),
      );
    }
    const ip = clientIp(req, deps.trustProxy);
    if (!(await deps.lifecycle.requestPasswordReset(login, ip))) {
      deps.logger.warn(
        { login: login.slice(0, 254), ip },
        'password reset asked for an unknown login',
      );
    }
    send(res, 200, passwordRequestedPage());
  }

  return async (req: IncomingMessage, res: ServerResponse, match: RegExpExecArray) => {
    try {
      const [, kind, token, forgot] = match;
      if (forgot) return await forgotPage(req, res);
      await linkPage(req, res, KINDS[kind!]!, token!);
    } catch (error) {
      deps.logger.error({ err: error }, 'account page failed');
      send(res, 500, errorPage('Внутренняя ошибка. Попробуйте позже.'));
    }
  };
}
