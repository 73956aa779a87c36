/**
 * `npm run audit:witness -- --log-key <verifier key> --url <service> --key <witness key file>
 *   [--state <file>] [--token <bearer>] [--interval <seconds>] [--once] [--new-key <name>]`
 * A witness: polls the service's latest checkpoint note, checks it extends the last tree it cosigned (kept
 * in the state file), cosigns and posts the cosignature. Refuses a fork or a rollback: says so, posts
 * nothing, keeps its state, and exits 1. `--new-key <name>` writes a fresh witness key to --key and prints
 * its verifier key (what verifiers pass to --witness). Bearer token: --token or WITNESS_TOKEN (role `witness`: `npm run token -- --role witness`).
 */
import { generateKeyPairSync } from 'node:crypto';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { ConsistencyProof } from '@libs/audit/consistency';
import { COSIGNATURE_V1, noteSigner, parseSignerKey, parseVerifierKey, signerKeyText, verifierKeyText } from '@libs/audit/notes/note-keys';
import { WitnessedTree, WitnessRefusal } from '@libs/audit/notes/witness';
import { LogService, witnessOnce } from '@libs/audit/witnessing/witness-run';
import { readOptions } from '../support/options';

const USAGE =
  'npm run audit:witness -- --log-key <vkey> --url <service> --key <file> [--state <file>] [--token <t>] [--interval <s>] [--once] [--new-key <name>]';

export function httpLogService(url: string, token: string | undefined): LogService {
  const headers = { ...(token && { authorization: `Bearer ${token}` }), 'content-type': 'application/json' };
  const get = async (path: string) => {
    const response = await fetch(`${url}${path}`, { headers });
    if (!response.ok) throw new Error(`GET ${path}: ${response.status}`);
    return response.json() as Promise<Record<string, unknown>>;
  };
  return {
    latestNote: async () => String((await get('/audit/checkpoints/latest')).note),
    consistency: async (first, second) => (await get(`/audit/checkpoints/${first}/consistency/${second}`)).proof as ConsistencyProof,
    postCosignature: async (size, witnessKey, cosignature) => {
      const response = await fetch(`${url}/audit/checkpoints/${size}/cosignatures`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ witnessKey, cosignature }),
      });
      if (!response.ok) throw new Error(`POST cosignature of ${size}: ${response.status} ${await response.text()}`);
    },
  };
}

export async function runWitness(argv: readonly string[], env: NodeJS.ProcessEnv = process.env, print = console.log): Promise<number> {
  const o = readOptions(
    argv,
    {
      'log-key': { type: 'string' },
      url: { type: 'string' },
      key: { type: 'string' },
      state: { type: 'string' },
      token: { type: 'string' },
      interval: { type: 'string' },
      once: { type: 'boolean' },
      'new-key': { type: 'string' },
    },
    USAGE,
  );
  if (!o.key) throw new Error(`--key is required (${USAGE})`);
  if (o['new-key']) {
    const signer = noteSigner(o['new-key'], generateKeyPairSync('ed25519').privateKey, COSIGNATURE_V1);
    writeFileSync(o.key, `${signerKeyText(signer)}\n`, { mode: 0o600, flag: 'wx' });
    print(verifierKeyText(signer));
    return 0;
  }
  if (!o['log-key'] || !o.url) throw new Error(`--log-key and --url are required (${USAGE})`);
  const log = parseVerifierKey(o['log-key']);
  const witness = parseSignerKey(readFileSync(o.key, 'utf8').trim());
  const statePath = o.state ?? `${o.key}.state.json`;
  const service = httpLogService(o.url.replace(/\/$/, ''), o.token ?? env.WITNESS_TOKEN);
  const intervalMs = Number(o.interval ?? 60) * 1000;
  for (;;) {
    const last = existsSync(statePath) ? (JSON.parse(readFileSync(statePath, 'utf8')) as WitnessedTree) : undefined;
    try {
      const outcome = await witnessOnce(service, last, log, witness, BigInt(Math.floor(Date.now() / 1000)));
      if (outcome.kind === 'cosigned') {
        writeFileSync(`${statePath}.tmp`, JSON.stringify(outcome.tree));
        renameSync(`${statePath}.tmp`, statePath);
        print(`cosigned the checkpoint of ${outcome.tree.size} events`);
      }
    } catch (error) {
      if (!(error instanceof WitnessRefusal)) throw error;
      print(`REFUSED (${error.code}): ${error.message}; nothing cosigned, still at ${last?.size ?? 0} events`);
      return 1;
    }
    if (o.once) return 0;
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

if (require.main === module) {
  runWitness(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      console.error(`audit:witness failed: ${error instanceof Error ? error.message : String(error)}`);
      process.exitCode = 2;
    },
  );
}
