import { hashPassword, UNKNOWN_ACCOUNT_HASH, verifyPassword } from './password';

describe('password hashing', () => {
  it('should verify the password it hashed and refuse another', async () => {
    const hash = await hashPassword('секрет-123');
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    await expect(verifyPassword('секрет-123', hash)).resolves.toBe(true);
    await expect(verifyPassword('секрет-124', hash)).resolves.toBe(false);
  });

  it('should salt each hash, so equal passwords hash differently', async () => {
    const [first, second] = await Promise.all([hashPassword('same'), hashPassword('same')]);
    expect(first).not.toBe(second);
  });

  it('should match nothing when the stored hash is not an argon2id PHC string', async () => {
    await expect(verifyPassword('x', 'plain-text')).resolves.toBe(false);
    await expect(verifyPassword('', UNKNOWN_ACCOUNT_HASH)).resolves.toBe(false);
  });
});
