/**
 * `family-ledger verify <bundle.ndjson> [--public-key <file|PEM|base64|JSON of /audit/public-key>] [--trusted <checkpoint.json>] [--json]`
 *   checks an export bundle offline and exits 0 when it verifies, 1 when it does not, 2 on a usage error,
 *   3 when it is only consistent: without --public-key the signature is checked against the key the bundle
 *   carries, which whoever rewrote the database could have signed it with. With --trusted, the bundle's
 *   checkpoint must extend the one the auditor trusted before; with --witnesses N, at least N of the
 *   --witness keys must have cosigned the bundle's checkpoint note.
 * `family-ledger consistency <answer.json> --trusted <checkpoint.json> --public-key <key>`
 *   checks that the later checkpoint of a /audit/checkpoints/{a}/consistency/{b} answer extends the trusted one.
 * `family-ledger keygen`
 *   prints a fresh Ed25519 key pair (PEM) for the service's checkpoint-signing configuration.
 */
import { existsSync, readFileSync } from 'node:fs';
import { BundleVerdict, verifyBundle } from '../../libs/audit/bundle';
import { generateSigningKeyPair } from '../../libs/audit/signing';
import { consistencyProblem, readTrustedCheckpoint } from './trusted';
import { PublishedKeyError, trustedKeyText } from '../../libs/audit/published-key';

export interface CliIo {
  readFile(path: string): string;
  exists(path: string): boolean;
  out(line: string): void;
  err(line: string): void;
}

const processIo: CliIo = {
  readFile: (path) => readFileSync(path, 'utf8'),
  exists: (path) => existsSync(path),
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
};

/** Exit codes of `verify`; docs/audit.md lists them. */
export const EXIT = { verified: 0, notVerified: 1, usage: 2, keyNotPinned: 3 } as const;

const USAGE = [
  'usage: family-ledger verify <bundle.ndjson> [--public-key <file|PEM|base64|/audit/public-key JSON>] [--trusted <checkpoint.json|note>]',
  '         [--witness <verifier key>]... [--witnesses <N>] [--json]',
  '       family-ledger consistency <answer.json> --trusted <checkpoint.json|note> --public-key <file|PEM|base64>',
  '         [--witness <verifier key>]... [--witnesses <N>]',
  '       family-ledger keygen',
];

export function main(argv: readonly string[], io: CliIo = processIo): number {
  const [command, ...rest] = argv;
  if (command === 'verify') return verify(rest, io);
  if (command === 'consistency') return consistency(rest, io);
  if (command === 'keygen' && rest.length === 0) return keygen(io);
  USAGE.forEach((line) => io.err(line));
  return EXIT.usage;
}

function verify(args: readonly string[], io: CliIo): number {
  const parsed = parseVerifyArgs(args);
  if (typeof parsed === 'string') {
    io.err(`family-ledger: ${parsed}`);
    USAGE.forEach((line) => io.err(line));
    return EXIT.usage;
  }
  let text: string;
  let trustedPublicKey: string | undefined;
  let trusted: ReturnType<typeof readTrustedCheckpoint> | undefined;
  try {
    text = io.readFile(parsed.bundle);
    if (parsed.publicKey !== undefined) trustedPublicKey = io.exists(parsed.publicKey) ? io.readFile(parsed.publicKey) : parsed.publicKey;
    if (parsed.trusted !== undefined) trusted = readTrustedCheckpoint(io.readFile(parsed.trusted));
  } catch {
    io.err(`family-ledger: cannot read ${parsed.bundle}${parsed.trusted ? ` or ${parsed.trusted}` : ''}`);
    return EXIT.usage;
  }
  try {
    if (trustedPublicKey !== undefined) trustedPublicKey = trustedKeyText(trustedPublicKey);
  } catch (error) {
    if (!(error instanceof PublishedKeyError)) throw error;
    io.err(`family-ledger: ${error.message}`);
    return EXIT.usage;
  }
  if (typeof trusted === 'string') return usageError(trusted, io);
  const witnesses = parsed.witnesses === undefined ? undefined : { keys: parsed.witnessKeys, required: parsed.witnesses };
  const verdict = verifyBundle(text, { trustedPublicKey, trustedCheckpoint: trusted?.checkpoint, witnesses });
  const pinned = trustedPublicKey !== undefined;
  if (parsed.json) io.out(JSON.stringify({ ...verdict, pinned }));
  else printVerdict(verdict, pinned, io);
  if (!verdict.ok) return EXIT.notVerified;
  return pinned ? EXIT.verified : EXIT.keyNotPinned;
}

interface VerifyArgs {
  bundle: string;
  publicKey?: string;
  trusted?: string;
  witnessKeys: string[];
  witnesses?: number;
  json: boolean;
}

function usageError(message: string, io: CliIo): number {
  io.err(`family-ledger: ${message}`);
  USAGE.forEach((line) => io.err(line));
  return EXIT.usage;
}

function consistency(args: readonly string[], io: CliIo): number {
  const parsed = parseVerifyArgs(args);
  if (typeof parsed === 'string') return usageError(parsed, io);
  if (parsed.trusted === undefined || parsed.publicKey === undefined) return usageError('consistency needs --trusted and --public-key', io);
  try {
    const trusted = readTrustedCheckpoint(io.readFile(parsed.trusted));
    if (typeof trusted === 'string') return usageError(trusted, io);
    const key = trustedKeyText(io.exists(parsed.publicKey) ? io.readFile(parsed.publicKey) : parsed.publicKey);
    const witnesses = parsed.witnesses === undefined ? undefined : { keys: parsed.witnessKeys, required: parsed.witnesses };
    const problem = consistencyProblem(io.readFile(parsed.bundle), trusted.checkpoint, key, witnesses);
    io.out(problem === undefined ? 'verdict: EXTENDS the trusted checkpoint' : `verdict: DOES NOT EXTEND: ${problem}`);
    return problem === undefined ? 0 : 1;
  } catch {
    return usageError(`cannot read ${parsed.bundle} or ${parsed.trusted}`, io);
  }
}

function parseVerifyArgs(args: readonly string[]): VerifyArgs | string {
  const positional: string[] = [];
  let publicKey: string | undefined;
  let trusted: string | undefined;
  const witnessKeys: string[] = [];
  let witnesses: number | undefined;
  let json = false;
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--json') json = true;
    else if (args[i] === '--public-key') {
      publicKey = args[++i];
      if (publicKey === undefined) return '--public-key needs a value';
    } else if (args[i] === '--trusted') {
      trusted = args[++i];
      if (trusted === undefined) return '--trusted needs a value';
    } else if (args[i] === '--witness') {
      const key = args[++i];
      if (key === undefined) return '--witness needs a verifier key';
      witnessKeys.push(key);
    } else if (args[i] === '--witnesses') {
      witnesses = Number(args[++i]);
      if (!Number.isInteger(witnesses) || witnesses < 0 || witnesses > 100) return '--witnesses needs a number from 0 to 100';
    } else if (args[i].startsWith('--')) return `unknown option ${args[i]}`;
    else positional.push(args[i]);
  }
  if (positional.length !== 1) return 'give exactly one file to check';
  if (witnesses !== undefined && witnesses > witnessKeys.length) return `--witnesses ${witnesses} needs as many --witness keys`;
  return { bundle: positional[0], publicKey, trusted, witnessKeys, witnesses, json };
}

/**
 * Without a pinned key a bundle that passes every check is only self-consistent: an operator who rewrote
 * the log could have re-signed it with a key of their own and put that key in the bundle.
 */
function printVerdict(verdict: BundleVerdict, pinned: boolean, io: CliIo): void {
  io.out(`bundle: ${verdict.stream ?? '(unreadable)'}, ${verdict.events} events`);
  for (const check of verdict.checks) io.out(`  ${check.ok ? 'ok  ' : 'FAIL'}  ${check.name.padEnd(10)}  ${check.detail}`);
  const where = verdict.firstBadRevision === null ? '' : ` (first bad revision: ${verdict.firstBadRevision})`;
  if (!verdict.ok) io.out(`verdict: NOT VERIFIED${where}`);
  else io.out(pinned ? 'verdict: VERIFIED' : 'verdict: CONSISTENT (signing key not pinned: give --public-key to verify)');
}

function keygen(io: CliIo): number {
  const { privateKeyPem, publicKeyPem } = generateSigningKeyPair();
  io.out(privateKeyPem.trimEnd());
  io.out(publicKeyPem.trimEnd());
  return 0;
}
