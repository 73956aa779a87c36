import { generateKeyPairSync } from 'node:crypto';
import { readOptions } from './options';

const USAGE = 'npm run audit:verify -- [--public-key <key>]...';
const keyOptions = { 'public-key': { type: 'string' as const, multiple: true }, workers: { type: 'string' as const } };
const pem = generateKeyPairSync('ed25519').publicKey.export({ type: 'spki', format: 'pem' }).toString();

describe('readOptions', () => {
  it('takes a PEM key pasted after its option as the value, not as a flag', () => {
    const values = readOptions(['--public-key', pem, '--workers', '2'], keyOptions, USAGE);
    expect(values['public-key']).toEqual([pem]);
    expect(values.workers).toBe('2');
  });

  it('keeps several pasted keys apart', () => {
    const other = generateKeyPairSync('ed25519').publicKey.export({ type: 'spki', format: 'pem' }).toString();
    expect(readOptions(['--public-key', pem, '--public-key', other], keyOptions, USAGE)['public-key']).toEqual([pem, other]);
  });

  it('still refuses an option left without a value, naming it with the usage', () => {
    expect(() => readOptions(['--public-key', '--workers', '2'], keyOptions, USAGE)).toThrow(
      `--public-key needs a value; one that starts with "-" goes as --public-key=<value> (${USAGE})`,
    );
  });

  it('does not join armour to an option that takes no value', () => {
    expect(() => readOptions(['--quiet', pem], { quiet: { type: 'boolean' } }, USAGE)).toThrow(/\(npm run audit:verify/);
  });
});
