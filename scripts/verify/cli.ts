/**
 * `family-ledger verify <bundle.ndjson> [--public-key <file|PEM|base64|JSON of /audit/public-key>] [--json]`
 *   checks an export bundle offline and exits 0 when it verifies, 1 when it does not, 2 on a usage error.
 * `family-ledger keygen`
 *   prints a fresh Ed25519 key pair (PEM) for the service's checkpoint-signing configuration.
 */
import { existsSync, readFileSync } from 'node:fs';
import { BundleVerdict, verifyBundle } from '../../libs/audit/bundle';
import { generateSigningKeyPair } from '../../libs/audit/signing';
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

const USAGE = [
  'usage: family-ledger verify <bundle.ndjson> [--public-key <file|PEM|base64|/audit/public-key JSON>] [--json]',
  '       family-ledger keygen',
];

export function main(argv: readonly string[], io: CliIo = processIo): number {
  const [command, ...rest] = argv;
  if (command === 'verify') return verify(rest, io);
  if (command === 'keygen' && rest.length === 0) return keygen(io);
  USAGE.forEach((line) => io.err(line));
  return 2;
}

function verify(args: readonly string[], io: CliIo): number {
  const parsed = parseVerifyArgs(args);
  if (typeof parsed === 'string') {
    io.err(`family-ledger: ${parsed}`);
    USAGE.forEach((line) => io.err(line));
    return 2;
  }
  let text: string;
  let trustedPublicKey: string | undefined;
  try {
    text = io.readFile(parsed.bundle);
    if (parsed.publicKey !== undefined) trustedPublicKey = io.exists(parsed.publicKey) ? io.readFile(parsed.publicKey) : parsed.publicKey;
  } catch {
    io.err(`family-ledger: cannot read ${parsed.bundle}`);
    return 2;
  }
  try {
    if (trustedPublicKey !== undefined) trustedPublicKey = trustedKeyText(trustedPublicKey);
  } catch (error) {
    if (!(error instanceof PublishedKeyError)) throw error;
    io.err(`family-ledger: ${error.message}`);
    return 2;
  }
  const verdict = verifyBundle(text, { trustedPublicKey });
  if (parsed.json) io.out(JSON.stringify(verdict));
  else printVerdict(verdict, io);
  return verdict.ok ? 0 : 1;
}

interface VerifyArgs {
  bundle: string;
  publicKey?: string;
  json: boolean;
}

function parseVerifyArgs(args: readonly string[]): VerifyArgs | string {
  const positional: string[] = [];
  let publicKey: string | undefined;
  let json = false;
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--json') json = true;
    else if (args[i] === '--public-key') {
      publicKey = args[++i];
      if (publicKey === undefined) return '--public-key needs a value';
    } else if (args[i].startsWith('--')) return `unknown option ${args[i]}`;
    else positional.push(args[i]);
  }
  if (positional.length !== 1) return 'verify takes exactly one bundle';
  return { bundle: positional[0], publicKey, json };
}

function printVerdict(verdict: BundleVerdict, io: CliIo): void {
  io.out(`bundle: ${verdict.stream ?? '(unreadable)'}, ${verdict.events} events`);
  for (const check of verdict.checks) io.out(`  ${check.ok ? 'ok  ' : 'FAIL'}  ${check.name.padEnd(10)}  ${check.detail}`);
  const where = verdict.firstBadRevision === null ? '' : ` (first bad revision: ${verdict.firstBadRevision})`;
  io.out(verdict.ok ? 'verdict: VERIFIED' : `verdict: NOT VERIFIED${where}`);
}

function keygen(io: CliIo): number {
  const { privateKeyPem, publicKeyPem } = generateSigningKeyPair();
  io.out(privateKeyPem.trimEnd());
  io.out(publicKeyPem.trimEnd());
  return 0;
}
