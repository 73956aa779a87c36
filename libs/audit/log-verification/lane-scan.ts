/** One lane of whole-log verification: read its share of the log and check every chain in it. */
import { ClientBase } from 'pg';
import { ChainLane, LaneBreak } from './chain-lane';
import { LogScan, readLogPages } from './log-pages';

export interface LaneResult {
  events: number;
  /** The lane's first break in log order; null (not undefined) so that it survives postMessage as is. */
  firstBreak: LaneBreak | null;
}

/** Reads `scan` inside the transaction open on `client`, checking each page as the next one is read. */
export async function verifyLane(client: ClientBase, scan: LogScan, pageSize: number): Promise<LaneResult> {
  const lane = new ChainLane();
  let events = 0;
  let firstBreak: LaneBreak | null = null;
  for await (const rows of readLogPages(client, scan, pageSize)) {
    events += rows.length;
    firstBreak ??= lane.check(rows) ?? null;
  }
  return { events, firstBreak };
}
