import { existsSync, mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { dataSourceOptions, libSchema } from '../database/data-source';
import { createTestDatabase, TestDatabase } from '../testing/test-database';
import { ensureFirstAdmin } from './first-admin';
import { csrfTokenMatches, Sessions } from './sessions';
import { Users } from './users';

describe('accounts and sessions in PostgreSQL', () => {
  let database: TestDatabase;
  let db: DataSource;
  let users: Users;
  let now = new Date('2026-01-01T00:00:00Z');
  let sessions: Sessions;

  beforeAll(async () => {
    database = await createTestDatabase();
    db = await new DataSource(dataSourceOptions(database.url, libSchema)).initialize();
    users = new Users(db);
    sessions = new Sessions(db, { idleSeconds: 1800, maxSeconds: 8 * 3600 }, () => now);
  });
  afterAll(async () => {
    await db.destroy();
    await database.drop();
  });

  it('makes the first administrator once, with the password in a file only its owner can read', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'family-ledger-first-admin-'));
    const printed: string[] = [];
    expect(await ensureFirstAdmin(users, dataDir, (line) => printed.push(line))).toBe(true);
    expect(await ensureFirstAdmin(users, dataDir, (line) => printed.push(line))).toBe(false);
    const file = join(dataDir, 'auth', 'first-admin.txt');
    const password = /password: (\S+)/.exec(readFileSync(file, 'utf8'))![1];
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(printed).toHaveLength(1);
    expect(printed[0]).toContain(password);
    expect((await users.list()).map((user) => [user.username, user.roles, user.ou])).toEqual([['admin', ['admin'], '640100']]);
    expect(existsSync(join(dataDir, 'auth'))).toBe(true);
  });

  it('keeps only a digest of the session id, and ends a session after the idle limit', async () => {
    const user = await users.create({ username: 'idle-user', password: 'a long enough password', roles: ['analyst'], ou: '640104' });
    const session = await sessions.create(user);
    const stored: { id_digest: Buffer }[] = await db.query(`SELECT id_digest FROM accounts.sessions WHERE username = 'idle-user'`);
    expect(stored).toHaveLength(1);
    expect(stored[0].id_digest.toString('base64url')).not.toBe(session.id);
    expect(csrfTokenMatches(session.id, session.csrfToken)).toBe(true);

    now = new Date(now.getTime() + 29 * 60_000);
    expect((await sessions.find(session.id))?.user.username).toBe('idle-user');
    now = new Date(now.getTime() + 29 * 60_000);
    expect(await sessions.find(session.id)).toBeDefined();
    now = new Date(now.getTime() + 31 * 60_000);
    expect(await sessions.find(session.id)).toBeUndefined();
  });

  it('ends a session at its absolute limit however busy it is', async () => {
    const user = (await users.withHash('idle-user'))!.user;
    const session = await sessions.create(user);
    // A request every 20 minutes keeps it from going idle, for 7 h 40 min; at 8 h it ends.
    for (let step = 1; step < 24; step++) {
      now = new Date(now.getTime() + 20 * 60_000);
      expect([step, (await sessions.find(session.id))?.user.username]).toEqual([step, 'idle-user']);
    }
    now = new Date(now.getTime() + 20 * 60_000);
    expect(await sessions.find(session.id)).toBeUndefined();
  });
});
