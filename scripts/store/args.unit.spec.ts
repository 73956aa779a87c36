import { parseStoreArgs } from './args';

describe('store command line', () => {
  const env = { DATABASE_URL: 'postgres://localhost/ledger', EVENTSTORE_URL: 'esdb://localhost:2113?tls=false' };

  it('takes each side from its backend setting by default', () => {
    expect(parseStoreArgs(['--from', 'postgres', '--to', 'esdb'], env)).toEqual({
      from: { backend: 'postgres', url: env.DATABASE_URL },
      to: { backend: 'esdb', url: env.EVENTSTORE_URL },
    });
  });

  it('lets --from-url and --to-url override the settings, in either flag form', () => {
    const args = parseStoreArgs(
      ['--from=postgres', '--from-url=postgres://a/one', '--to', 'postgres', '--to-url', 'postgres://a/two'],
      env,
    );
    expect(args.from.url).toBe('postgres://a/one');
    expect(args.to.url).toBe('postgres://a/two');
  });

  it('refuses to copy a log onto itself', () => {
    expect(() => parseStoreArgs(['--from', 'postgres', '--to', 'postgres'], env)).toThrow(/same log/);
  });

  it('names the missing setting of a side', () => {
    expect(() => parseStoreArgs(['--from', 'esdb', '--to', 'postgres'], { DATABASE_URL: 'postgres://x/y' })).toThrow(/EVENTSTORE_URL/);
  });

  it.each([[['--from', 'mysql', '--to', 'esdb']], [['--from', 'postgres', '--to']], [['--from', 'postgres', '--to', 'esdb', '--fast']]])(
    'refuses a malformed command line %p with the usage',
    (argv) => {
      expect(() => parseStoreArgs(argv, env)).toThrow(/usage: --from/);
    },
  );
});
