import { programmeTimeZone } from '../calendar';
import { ConfigError, loadConfig } from './config';

describe('configuration', () => {
  it('defaults to the embedded database on port 3000', () => {
    const config = loadConfig({});
    expect(config.databaseUrl).toBeUndefined();
    expect(config.port).toBe(3000);
    expect(config.dataDir).toBe('.data');
  });

  it('trusts no proxy unless told: a hop count as a number, addresses and subnets as Express reads them', () => {
    expect(loadConfig({}).http.trustProxy).toBeUndefined();
    expect(loadConfig({ TRUST_PROXY: '1' }).http.trustProxy).toBe(1);
    expect(loadConfig({ TRUST_PROXY: 'loopback, 10.0.0.0/8, fd00::/8' }).http.trustProxy).toBe('loopback, 10.0.0.0/8, fd00::/8');
  });

  it.each(['esdb://x:2113?tls=false', 'esdb+discover://x:2113', 'kurrentdb://x:2113?tls=false', 'kurrentdb+discover://x:2113,y:2113'])(
    'accepts EVENTSTORE_URL %s (the scheme picks the client)',
    (url) => {
      expect(loadConfig({ EVENTSTORE_URL: url }).eventStoreUrl).toBe(url);
    },
  );

  it.each([
    [{ PORT: 'eighty' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ DATABASE_URL: 'mysql://x/y' }, 'DATABASE_URL'],
    [{ DATABASE_URL: 'not a url' }, 'DATABASE_URL'],
    [{ EVENTSTORE_URL: 'http://x:2113' }, 'EVENTSTORE_URL'],
    [{ PROJECTOR_STOP_ON_POISON: 'maybe' }, 'PROJECTOR_STOP_ON_POISON'],
    [{ TRUST_PROXY: 'yes please' }, 'TRUST_PROXY'],
    [{ TRUST_PROXY: 'loopback; drop table' }, 'TRUST_PROXY'],
  ])('refuses %j with a message that names %s', (env, setting) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(setting);
  });
});

describe('the programme time zone', () => {
  afterEach(() => loadConfig({}));

  it('is Asia/Shanghai unless set, and applies to the calendar as the configuration is read', () => {
    expect(loadConfig({}).programmeTimeZone).toBe('Asia/Shanghai');
    expect(loadConfig({ PROGRAMME_TIME_ZONE: 'Europe/Berlin' }).programmeTimeZone).toBe('Europe/Berlin');
    expect(programmeTimeZone()).toBe('Europe/Berlin');
  });

  it('stops start-up naming PROGRAMME_TIME_ZONE when it is not a time zone', () => {
    expect(() => loadConfig({ PROGRAMME_TIME_ZONE: 'Mars/Olympus' })).toThrow(/PROGRAMME_TIME_ZONE/);
  });
});
