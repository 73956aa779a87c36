import { hashPassword, verifyPassword } from './passwords';

// A low cost keeps the unit test quick; the stored parameters are what verification uses.
const CHEAP = { N: 1024, r: 8, p: 1 };

describe('password hashing', () => {
  it('verifies the password it hashed and refuses any other', async () => {
    const stored = await hashPassword('correct horse battery', CHEAP);
    await expect(verifyPassword('correct horse battery', stored)).resolves.toBe(true);
    await expect(verifyPassword('correct horse batterY', stored)).resolves.toBe(false);
  });

  it('stores the algorithm and its cost beside a fresh salt, never the password', async () => {
    const [one, two] = await Promise.all([hashPassword('same password here', CHEAP), hashPassword('same password here', CHEAP)]);
    expect(one).toMatch(/^scrypt\$1024\$8\$1\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]{43}$/);
    expect(one).not.toBe(two);
    expect(one).not.toContain('same password');
  });

  it('uses the default cost of 2^15 when none is given', async () => {
    expect(await hashPassword('a password of ours')).toMatch(/^scrypt\$32768\$8\$1\$/);
  });

  it('answers false for a stored value it cannot read', async () => {
    await expect(verifyPassword('x', 'plain-text')).resolves.toBe(false);
    await expect(verifyPassword('x', 'scrypt$a$b$c$d$e')).resolves.toBe(false);
  });
});
