/**
 * CPU seconds used so far by one PostgreSQL server on this machine (its postmaster and live processes, plus the
 * backends the postmaster has reaped), from /proc: on the 2-core machine the rebuild's wall time is bounded by Node's and
 * the server's CPU together, so a figure needs both. Undefined where /proc cannot tell (not Linux).
 */
import { readdirSync, readFileSync } from 'node:fs';

const TICKS_PER_SECOND = 100; // USER_HZ, 100 on every Linux this runs on

/** The postmaster's pid, from any backend's (`SELECT pg_backend_pid()`): its parent. */
export function postmasterOf(backendPid: number): number | undefined {
  return readStat(String(backendPid))?.fields[1];
}

export function serverCpuSeconds(postmaster: number | undefined): number | undefined {
  if (postmaster === undefined) return undefined;
  let ticks = 0;
  try {
    for (const pid of readdirSync('/proc')) {
      if (!/^\d+$/.test(pid)) continue;
      const stat = readStat(pid);
      if (!stat || (Number(pid) !== postmaster && stat.fields[1] !== postmaster)) continue;
      ticks += stat.fields[11] + stat.fields[12] + stat.fields[13] + stat.fields[14]; // utime stime cutime cstime
    }
  } catch {
    return undefined;
  }
  return ticks / TICKS_PER_SECOND;
}

function readStat(pid: string): { fields: number[] } | undefined {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const close = text.lastIndexOf(')');
    return {
      fields: text
        .slice(close + 2)
        .split(' ')
        .map(Number),
    };
  } catch {
    return undefined; // the process ended while listed
  }
}
