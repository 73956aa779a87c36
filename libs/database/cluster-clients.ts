/**
 * Which processes use an embedded cluster: one file per process under `<cluster>.clients/`, named by pid
 * and holding the process's start time (so a pid reused by another program does not count). The last live
 * client to stop stops the server; one killed with SIGKILL leaves a file that no longer counts.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isAlive } from './pg-cluster';

export function clientsDir(dataDir: string): string {
  return `${dataDir}.clients`;
}

export function registerClient(dataDir: string): void {
  const dir = clientsDir(dataDir);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  writeFileSync(join(dir, String(process.pid)), startTime(process.pid) ?? '');
}

export function unregisterClient(dataDir: string): void {
  rmSync(join(clientsDir(dataDir), String(process.pid)), { force: true });
}

/** Live processes other than this one that registered as clients; stale files are removed. */
export function otherLiveClients(dataDir: string): number[] {
  const dir = clientsDir(dataDir);
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  const live: number[] = [];
  for (const name of names) {
    const pid = Number(name);
    if (pid === process.pid) continue;
    if (Number.isInteger(pid) && isAlive(pid) && sameProcess(pid, readFileSync(join(dir, name), 'utf8'))) live.push(pid);
    else rmSync(join(dir, name), { force: true });
  }
  return live;
}

function sameProcess(pid: number, recorded: string): boolean {
  const now = startTime(pid);
  return now === undefined || recorded === '' || now === recorded;
}

/** Field 22 of /proc/<pid>/stat (start time in clock ticks since boot); undefined off Linux. */
function startTime(pid: number): string | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
  } catch {
    return undefined;
  }
}
