/**
 * The server's own time zone must not change what a request records. Jest's workers do not follow a TZ set
 * from a test (they keep the zone they started with), so each zone gets a node process of its own, which
 * reads the same texts through instant.ts as the API does.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(__dirname, '../../../..');
const READ = `
const { utcInstant, deadlineInstant } = require('./apps/api/src/http/instant.ts');
process.stdout.write(JSON.stringify({
  zone: new Date(2012, 2, 1).getTimezoneOffset(),
  offsetless: utcInstant('2012-03-01T10:00', 'occurredAt'),
  point: utcInstant('2012-03-01', 'occurredAt'),
  deadline: deadlineInstant('2012-03-31'),
  replay: utcInstant('2012-03-31', 'asOf', 'end-of-day'),
  offset: utcInstant('2012-03-01T10:00:00+08:00', 'occurredAt'),
}));
`;

function readUnder(tz: string): Record<string, unknown> {
  const out = execFileSync(process.execPath, ['-r', './scripts/projections/register.js', '-e', READ], {
    cwd: ROOT,
    env: { ...process.env, TZ: tz },
    encoding: 'utf8',
  });
  return JSON.parse(out) as Record<string, unknown>;
}

describe('instants in requests, whatever the server time zone', () => {
  const ZONES: [string, number][] = [
    ['UTC', 0],
    ['America/New_York', 300],
    ['Asia/Kolkata', -330],
    ['Pacific/Kiritimati', -840],
  ];

  it.each(ZONES)('reads the same instants under TZ=%s', (tz, offsetMinutes) => {
    expect(readUnder(tz)).toEqual({
      zone: offsetMinutes, // the child did run in that zone
      offsetless: '2012-03-01T02:00:00.000Z',
      point: '2012-02-29T16:00:00.000Z',
      deadline: '2012-03-31T15:59:59.999Z',
      replay: '2012-03-31T15:59:59.999Z',
      offset: '2012-03-01T02:00:00.000Z',
    });
  });
});
