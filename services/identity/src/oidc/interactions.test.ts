import { pagePolicy } from './interactions';

describe('the pages’ content security policy', () => {
  it('should let the sign-in form lead on to the web clients’ origins, each once', () => {
    expect(
      pagePolicy([
        'http://127.0.0.1:4106/callback',
        'http://127.0.0.1:4106/silent',
        'https://board.example.org/callback',
      ]),
    ).toBe(
      "default-src 'none'; style-src 'unsafe-inline'; form-action 'self' http://127.0.0.1:4106 https://board.example.org",
    );
  });
});
