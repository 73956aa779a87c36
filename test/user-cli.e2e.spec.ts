/** `npm run user -- add ...` makes an account that can sign in over HTTP, as the service it runs beside. */
import request from 'supertest';
import { Users } from '@libs/accounts';
import { parseUserCommand, runUserCommand, UsageError } from '../scripts/user/user-command';
import { startTestApp, TestApp } from './support/test-app';

describe('the user command', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(async () => {
    await app.close();
  });

  async function run(argv: string[]): Promise<string[]> {
    const printed: string[] = [];
    await runUserCommand(parseUserCommand(argv), new Users(app.runtime.dataSource), (line) => printed.push(line));
    return printed;
  }

  it('adds a user with a generated password, printed once, who can then sign in', async () => {
    const printed = await run(['add', '--username', 'wang', '--role', 'analyst', '--ou', '640104', '--display-name', '王丽']);
    const password = /password: (\S+)/.exec(printed.join('\n'))![1];
    expect(printed[0]).toMatch(/^added wang \(analyst in 640104\)/);
    const signIn = await request(app.http).post('/auth/sessions').set('X-Test-Anonymous', '1').send({ username: 'wang', password });
    expect([signIn.status, signIn.body.user]).toEqual([201, { username: 'wang', displayName: '王丽', roles: ['analyst'], ou: '640104' }]);
  });

  it('takes a given password and several roles', async () => {
    await run([
      'add',
      '--username',
      'chen',
      '--role',
      'supervisor',
      '--role',
      'auditor',
      '--ou',
      '640105',
      '--password',
      'a chosen long password',
    ]);
    const signIn = await request(app.http)
      .post('/auth/sessions')
      .set('X-Test-Anonymous', '1')
      .send({ username: 'chen', password: 'a chosen long password' });
    expect(signIn.body.user.roles).toEqual(['supervisor', 'auditor']);
    expect(await run(['list'])).toEqual([
      expect.stringMatching(/^chen\tsupervisor,auditor\t640105\t-\tactive/),
      expect.stringMatching(/^wang\t/),
    ]);
  });

  it('refuses a bad command line before touching the database, naming what is wrong', () => {
    expect(() => parseUserCommand(['add', '--role', 'analyst', '--ou', '640104'])).toThrow(/--username is required/);
    expect(() => parseUserCommand(['add', '--username', 'x1', '--colour', 'red'])).toThrow(UsageError);
    expect(() => parseUserCommand(['remove', '--username', 'x1'])).toThrow(/unknown command "remove"/);
  });

  it('refuses an unknown role or org unit by name', async () => {
    await expect(run(['add', '--username', 'zhou', '--role', 'wizard', '--ou', '640104'])).rejects.toThrow(/roles/);
    await expect(run(['add', '--username', 'zhou', '--role', 'analyst', '--ou', '123456'])).rejects.toThrow(/ou is not an org unit/);
  });
});
