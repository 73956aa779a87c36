/**
 * Whole-log verification against the signed checkpoints (`npm run audit:verify`): every stream's chain
 * recomputed from content (verify-log.ts), then the Merkle tree rebuilt from the stored hashes and every
 * signed root compared (verify-checkpoints.ts). Either finding a break makes the log tampered.
 */
import { KeyObject } from 'node:crypto';
import { CheckpointPassResult, describeCheckpointBreak } from './checkpoint-pass';
import { verifyCheckpoints } from './verify-checkpoints';
import { LogVerdict, verifyLog } from './verify-log';
import { formatPosition } from '../../event-store/position';

export interface LogAuditOptions {
  pageSize?: number;
  workers?: number;
  /** Progress of each pass: `phase` names it. */
  onProgress?: (phase: 'chains' | 'checkpoints', read: number, total: number) => void;
}

export interface LogAudit {
  intact: boolean;
  chains: LogVerdict;
  checkpoints: CheckpointPassResult;
  /** The first break found, in words: the chain's first, else the first checkpoint the log fails. */
  summary: string;
}

export async function auditLog(
  connectionString: string,
  keys: ReadonlyMap<string, KeyObject>,
  options: LogAuditOptions = {},
): Promise<LogAudit> {
  options.onProgress?.('chains', 0, 1);
  const chains = await verifyLog(connectionString, { pageSize: options.pageSize, workers: options.workers });
  options.onProgress?.('chains', chains.events, chains.events);
  const checkpoints = await verifyCheckpoints(connectionString, keys, {
    pageSize: options.pageSize,
    onProgress: (read, total) => options.onProgress?.('checkpoints', read, total),
  });
  const intact = chains.intact && checkpoints.firstBreak === undefined;
  return { intact, chains, checkpoints, summary: summarise(chains, checkpoints) };
}

function summarise(chains: LogVerdict, checkpoints: CheckpointPassResult): string {
  const counts = `${chains.events} events, ${checkpoints.matched} of ${checkpoints.checkpoints} signed checkpoints matched`;
  if (chains.firstBreak) {
    const { stream, revision, position, reason } = chains.firstBreak;
    return `TAMPERED: ${counts}; first chain break at ${stream} revision ${revision} (position ${formatPosition(position)}): ${reason}`;
  }
  if (checkpoints.firstBreak) return `TAMPERED: ${counts}; ${describeCheckpointBreak(checkpoints.firstBreak)}`;
  if (checkpoints.checkpoints === 0) return `INTACT chains, but no signed checkpoint to hold them to: ${counts}`;
  return `INTACT: ${counts}`;
}
