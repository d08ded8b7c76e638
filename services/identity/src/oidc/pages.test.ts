import { signInPage, WRONG_CREDENTIALS } from './pages';

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
});
