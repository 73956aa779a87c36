import { parseGenerateArgs } from './args';

describe('npm run generate arguments', () => {
  it('defaults to the campaign at its real size through the command path', () => {
    expect(parseGenerateArgs([])).toEqual({
      households: 70_200,
      years: 4,
      seed: 1,
      mode: 'commands',
      order: 'shards',
      concurrency: 1024,
      shard: 250,
    });
  });

  it('reads sizes, the mode and the database, in both flag forms', () => {
    expect(
      parseGenerateArgs([
        '--households',
        '500',
        '--years=2',
        '--seed',
        '7',
        '--mode',
        'bulk',
        '--events',
        '10000000',
        '--database-url',
        'postgres://x/y',
      ]),
    ).toMatchObject({ households: 500, years: 2, seed: 7, mode: 'bulk', events: 10_000_000, databaseUrl: 'postgres://x/y' });
  });

  it('loads a log sized in events in bulk unless told to use the command path', () => {
    expect(parseGenerateArgs(['--events', '10000000'])).toMatchObject({ events: 10_000_000, mode: 'bulk' });
    expect(parseGenerateArgs(['--events', '10000', '--mode', 'commands'])).toMatchObject({ events: 10_000, mode: 'commands' });
  });

  it('sends commands shard by shard when asked, with shards sized for the mode unless given', () => {
    expect(parseGenerateArgs(['--order', 'shards'])).toMatchObject({ mode: 'commands', order: 'shards', shard: 250 });
    expect(parseGenerateArgs(['--order', 'shards', '--shard', '200'])).toMatchObject({ order: 'shards', shard: 200 });
    expect(parseGenerateArgs(['--mode', 'bulk'])).toMatchObject({ mode: 'bulk', shard: 1_000 });
  });

  it.each([
    [['--mode', 'fast'], '--mode must be commands or bulk'],
    [['--order', 'random'], '--order must be time or shards'],
    [['--households=-3'], '--households must be an integer'],
    [['--years', '2.5'], '--years must be an integer'],
    [['--seed'], '--seed needs a value'],
    [['--colour', 'red'], 'unknown argument --colour'],
    [['--database-url', 'mysql://x'], '--database-url must start with postgres://'],
  ])('refuses %j', (argv, message) => {
    expect(() => parseGenerateArgs(argv)).toThrow(message);
  });

  it('reads a part of a bulk load, and refuses parts out of range or without bulk', () => {
    expect(parseGenerateArgs(['--mode', 'bulk', '--part', '2/3']).part).toEqual({ index: 2, of: 3 });
    expect(() => parseGenerateArgs(['--mode', 'bulk', '--part', '4/3'])).toThrow('--part must be K/N');
    expect(() => parseGenerateArgs(['--mode', 'bulk', '--part', 'half'])).toThrow('--part must be K/N');
    expect(() => parseGenerateArgs(['--part', '1/2'])).toThrow('--part and --range work with --mode bulk only');
  });
});
