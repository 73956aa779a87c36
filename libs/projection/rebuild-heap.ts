/**
 * The V8 old-space cap a process that rebuilds read models runs with (the projections:rebuild command and the
 * bench's rebuild). Without a cap V8 let a rebuild's heap fill with 130-210 MB of mostly garbage between major
 * collections (30-40 MB live after one), and the full city's rebuild (3.27 million events) peaked at 301 MB of
 * RSS; capped, 158-173 MB at 100,000 events, in alternated runs no slower (bench/rebuild-profile.ts). The cap
 * is a collection trigger as much as a ceiling: V8 collects sooner as the heap nears it.
 */
import { spawnSync } from 'node:child_process';

export const REBUILD_HEAP_FLAG = '--max-old-space-size=256';

/** Whether this process was started with an old-space size, the rebuild's or one its operator chose. */
function hasHeapCap(): boolean {
  const given = [...process.execArgv, ...(process.env.NODE_OPTIONS ?? '').split(/\s+/)];
  return given.some((flag) => /^--max[-_]old[-_]space[-_]size=/.test(flag));
}

/**
 * Runs this script again under the rebuild's cap, unless it already has one, and exits with its status;
 * returns only in the process that is to do the work.
 */
export function underRebuildHeap(): void {
  if (hasHeapCap()) return;
  const { status, signal } = spawnSync(process.execPath, [...process.execArgv, REBUILD_HEAP_FLAG, ...process.argv.slice(1)], {
    stdio: 'inherit',
  });
  process.exit(status ?? (signal ? 1 : 0));
}
