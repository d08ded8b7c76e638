import {
  FORGOT_PASSWORD_PATH,
  linkRefusedPage,
  setPasswordPage,
  signInPage,
  WRONG_CREDENTIALS,
} from './pages';

describe('the sign-in page', () => {
  it('should show the login given back escaped, never as markup', () => {
    const html = signInPage({
      action: '/interaction/abc/login',
      login: '"><script>alert(1)</script>',
      error: WRONG_CREDENTIALS,
    });
    expect(html).not.toContain('<script>');
    expect(html).toContain('value="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"');
    expect(html).toContain('<p class="error" role="alert">Неверный логин или пароль.</p>');
    expect(html).toContain('<html lang="ru">');
  });

  it('should focus the password when the login is filled in', () => {
    expect(signInPage({ action: '/a', login: 'a@b.ru' })).toMatch(/id="password"[^>]*autofocus/);
    expect(signInPage({ action: '/a' })).toMatch(/id="login"[^>]*autofocus/);
  });

  it('should lead to «Забыли пароль?»', () => {
    expect(signInPage({ action: '/a' })).toContain(
      `<a href="${FORGOT_PASSWORD_PATH}">Забыли пароль?</a>`,
    );
  });
});

describe('the pages of one-time links', () => {
  it('should show the login escaped and ask for the new password twice', () => {
    const html = setPasswordPage({
      title: 'Приглашение в Коллегию',
      intro: 'Задайте пароль.',
      login: '<b>a@b.ru</b>',
      action: '/invitation/t0ken',
    });
    expect(html).not.toContain('<b>');
    expect(html).toContain('value="&lt;b&gt;a@b.ru&lt;/b&gt;"');
    expect(html.match(/autocomplete="new-password"/g)).toHaveLength(2);
    expect(html).toContain('action="/invitation/t0ken"');
  });

  it('should tell a used, an expired and an unknown link apart, in Russian', () => {
    expect(linkRefusedPage('used')).toContain('уже использована');
    expect(linkRefusedPage('expired')).toContain('Срок действия ссылки истёк');
    expect(linkRefusedPage('unknown')).toContain('Ссылка недействительна');
  });
});
