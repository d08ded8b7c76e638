/**
 * The provider's few pages, server-rendered and in Russian: sign-in, sign-out, accepting an
 * invitation, setting a new password, «Забыли пароль?», and errors. Plain
 * HTML with inline styles, nothing loaded from elsewhere.
 */
import { escapeHtml } from '@kollegia/documents/html';

const STYLE = `body{font-family:system-ui,sans-serif;background:#f4f5f7;margin:0;padding:2rem 1rem;color:#1d2330}
main{max-width:22rem;margin:0 auto;background:#fff;padding:1.5rem 2rem;border-radius:8px;box-shadow:0 1px 3px rgba(0,0,0,.15)}
h1{font-size:1.4rem;font-weight:600}label{display:block;margin:1rem 0 .3rem}
input{width:100%;box-sizing:border-box;padding:.5rem;font-size:1rem;border:1px solid #8a93a6;border-radius:4px}
button{margin-top:1.5rem;width:100%;padding:.6rem;font-size:1rem;border:0;border-radius:4px;background:#1f5fbf;color:#fff;cursor:pointer}
button.secondary{background:#e3e6ec;color:#1d2330;margin-top:.5rem}
.error{background:#fdecea;color:#8a1c13;padding:.6rem .8rem;border-radius:4px}`;

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="ru">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} — Коллегия</title>
<style>${STYLE}</style>
</head>
<body><main>
<h1>${escapeHtml(title)}</h1>
${body}
</main></body>
</html>`;
}

/** Where «Забыли пароль?» leads. */
export const FORGOT_PASSWORD_PATH = '/password/forgot';

/** Shown when the login and password do not sign in, whatever the reason. */
export const WRONG_CREDENTIALS = 'Неверный логин или пароль.';

export function signInPage(options: { action: string; login?: string; error?: string }): string {
  const error = options.error
    ? `<p class="error" role="alert">${escapeHtml(options.error)}</p>`
    : '';
  return page(
    'Вход в Коллегию',
    `${error}
<form method="post" action="${escapeHtml(options.action)}">
<label for="login">Логин (адрес электронной почты)</label>
<input id="login" name="login" type="email" autocomplete="username" required${options.login ? '' : ' autofocus'} value="${escapeHtml(options.login ?? '')}">
<label for="password">Пароль</label>
<input id="password" name="password" type="password" autocomplete="current-password" required${options.login ? ' autofocus' : ''}>
<button type="submit">Войти</button>
</form>
<p><a href="${FORGOT_PASSWORD_PATH}">Забыли пароль?</a></p>`,
  );
}

/** The provider's sign-out confirmation; `form` is its own (it carries the anti-forgery token). */
export function signOutPage(form: string): string {
  return page(
    'Выход из Коллегии',
    `${form}
<p>Завершить сеанс на этом устройстве?</p>
<button type="submit" form="op.logoutForm" name="logout" value="yes" autofocus>Выйти</button>
<button type="submit" form="op.logoutForm" class="secondary">Остаться</button>`,
  );
}

export function signedOutPage(): string {
  return page('Вы вышли', '<p>Сеанс завершён. Окно можно закрыть.</p>');
}

export function errorPage(message: string): string {
  return page('Не получилось', `<p class="error" role="alert">${escapeHtml(message)}</p>`);
}

/** The form of a one-time link: a new password, twice. `login` is shown, and given to password managers. */
export function setPasswordPage(options: {
  title: string;
  intro: string;
  login: string;
  action: string;
  error?: string;
}): string {
  const error = options.error
    ? `<p class="error" role="alert">${escapeHtml(options.error)}</p>`
    : '';
  return page(
    options.title,
    `${error}
<p>${escapeHtml(options.intro)}</p>
<form method="post" action="${escapeHtml(options.action)}">
<label for="login">Логин</label>
<input id="login" name="login" type="email" autocomplete="username" readonly value="${escapeHtml(options.login)}">
<label for="password">Новый пароль (не короче 8 символов)</label>
<input id="password" name="password" type="password" autocomplete="new-password" minlength="8" maxlength="256" required autofocus>
<label for="confirmation">Пароль ещё раз</label>
<input id="confirmation" name="confirmation" type="password" autocomplete="new-password" minlength="8" maxlength="256" required>
<button type="submit">Сохранить пароль</button>
</form>`,
  );
}

/** Why a one-time link does not work, in words, and what to do. */
const LINK_REFUSALS = {
  used: 'Эта ссылка уже использована. Войдите со своим паролем или попросите администратора выдать новую ссылку.',
  expired: 'Срок действия ссылки истёк. Попросите администратора выдать новую.',
  unknown:
    'Ссылка недействительна: проверьте, что она скопирована целиком, или попросите администратора выдать новую.',
} as const;

export function linkRefusedPage(refusal: keyof typeof LINK_REFUSALS): string {
  return page('Ссылка не работает', `<p class="error" role="alert">${LINK_REFUSALS[refusal]}</p>`);
}

export function forgotPasswordPage(options: { action: string; error?: string }): string {
  const error = options.error
    ? `<p class="error" role="alert">${escapeHtml(options.error)}</p>`
    : '';
  return page(
    'Забыли пароль?',
    `${error}
<p>Укажите логин: администратор вашей организации получит запрос и выдаст ссылку для нового пароля.</p>
<form method="post" action="${escapeHtml(options.action)}">
<label for="login">Логин (адрес электронной почты)</label>
<input id="login" name="login" type="email" autocomplete="username" required autofocus>
<button type="submit">Отправить запрос</button>
</form>`,
  );
}

/** The same answer whether or not the login exists. */
export function passwordRequestedPage(): string {
  return page(
    'Запрос принят',
    '<p>Если такой логин есть, администратор вашей организации увидит запрос и выдаст ссылку для нового пароля. Письма Коллегия пока не отправляет.</p>',
  );
}
