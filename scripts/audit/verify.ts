/**
 * `npm run audit:verify [-- --public-key <file|PEM|base64>]... [--workers N] [--page-size N]`
 * Whole-log verification against the signed checkpoints: every chain, then every signed root. Its verdicts
 * and exit codes are `family-ledger verify`'s: 0 VERIFIED (intact, and signed by a key given with
 * --public-key), 1 NOT VERIFIED (tampered: the summary names the first break), 2 when it could not be
 * checked, 3 CONSISTENT (intact, but held only to the key the environment configures, or to no checkpoint).
 */
import { auditLog, LogAudit } from '@libs/audit/log-verification/audit-log';
import { loadConfig } from '@libs/config';
import { databaseSchema } from '@projections/index';
import { Progress, progressBar } from '@libs/progress';
import { openRuntime } from '@libs/runtime';
import { readOptions } from '../support/options';
import { EXIT } from '../verify/cli';
import { trustedKeys } from './trusted-keys';

const USAGE = 'npm run audit:verify -- [--public-key <key>]... [--workers N] [--page-size N]';

function positive(text: string | undefined, name: string): number | undefined {
  if (text === undefined) return undefined;
  const n = Number(text);
  if (!Number.isInteger(n) || n < 0 || n > 1_000_000) throw new Error(`${name} must be an integer from 0 to 1000000 (${USAGE})`);
  return n;
}

/**
 * The configured key is the operator's word: whoever rewrote the database could have re-signed it with a key
 * of their own and configured that. Only a key the auditor pinned makes an intact log VERIFIED; and with no
 * signed checkpoint, chains anyone can recompute are all there is.
 */
export function auditVerdict(audit: LogAudit, pinned: boolean): { line: string; code: number } {
  if (!audit.intact) return { line: 'verdict: NOT VERIFIED', code: EXIT.notVerified };
  if (audit.checkpoints.checkpoints === 0)
    return { line: 'verdict: CONSISTENT (no signed checkpoint: the chains hold only to themselves)', code: EXIT.keyNotPinned };
  if (!pinned) return { line: 'verdict: CONSISTENT (signing key not pinned: give --public-key to verify)', code: EXIT.keyNotPinned };
  return { line: 'verdict: VERIFIED', code: EXIT.verified };
}

/** Runs the audit; resolves to the exit code (throws when the log could not be checked: exit 2). */
export async function auditVerify(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const options = readOptions(
    argv,
    {
      'public-key': { type: 'string', multiple: true },
      workers: { type: 'string' },
      'page-size': { type: 'string' },
    },
    USAGE,
  );
  const workers = positive(options.workers, '--workers');
  const pageSize = positive(options['page-size'], '--page-size') || undefined;
  const runtime = await openRuntime(loadConfig(env), { env, schema: databaseSchema });
  try {
    const keys = await trustedKeys(runtime.dataSource, runtime.config.dataDir, options['public-key'] ?? [], env);
    const bars = new Map<string, Progress>();
    const started = Date.now();
    const audit = await auditLog(runtime.databaseUrl, keys, {
      workers,
      pageSize,
      onProgress: (phase, read, total) => {
        if (!bars.has(phase)) bars.set(phase, progressBar({ label: phase === 'chains' ? 'chains     ' : 'checkpoints', total }));
        const bar = bars.get(phase)!;
        bar.setTotal(total);
        bar.update(read);
      },
    });
    bars.forEach((bar) => bar.stop());
    console.log(`${audit.summary} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
    const verdict = auditVerdict(audit, (options['public-key'] ?? []).length > 0);
    console.log(verdict.line);
    return verdict.code;
  } finally {
    await runtime.close();
  }
}

if (require.main === module) {
  auditVerify(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      console.error(`audit:verify could not check the log: ${error instanceof Error ? error.message : String(error)}`);
      process.exitCode = EXIT.usage;
    },
  );
}
