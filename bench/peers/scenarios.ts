/**
 * The peers section: the same append and read scenarios against family-ledger's store and Emmett's, on
 * fresh databases of one server in one run, interleaved (ours, then the peer, round after round) so a noisy
 * neighbour weighs on both; medians of the rounds. Also the gap probe: writers racing a reader that pages
 * through the global log by position, and what the reader never saw.
 */
import { median, round } from '../support/stats';
import { Contender, emmett, familyLedger } from './contenders';
import { appendAll, probeGaps, READ_DEADLINE_MS, readWhole } from './workloads';
import { settle } from './settle';

export interface PeerOptions {
  singleEvents: number;
  batchEvents: number;
  batchSize: number;
  writers: number;
  readEvents: number;
  probeEvents: number;
  rounds: number;
}

export const defaultPeerOptions: PeerOptions = {
  singleEvents: 20_000,
  batchEvents: 200_000,
  batchSize: 100,
  writers: 8,
  readEvents: 200_000,
  probeEvents: 4_000,
  rounds: 3,
};

type Open = (url: string, poolSize: number) => Promise<Contender>;
const CONTENDERS: [string, Open][] = [
  ['family-ledger', familyLedger],
  ['Emmett 0.42', emmett],
];

export interface PeerRow {
  scenario: string;
  ours: number;
  peer: number;
  ratio: number;
  unit: string;
}

export async function benchPeers(
  fresh: () => Promise<string>,
  o = defaultPeerOptions,
): Promise<{ rows: PeerRow[]; gapProbe: Record<string, { appended: number; seen: number; missed: number; duplicates: number }> }> {
  const rows: PeerRow[] = [];
  for (const analysed of [false, true]) {
    const when = analysed ? ', after the empty tables were analysed' : '';
    rows.push(
      await compare(`${o.singleEvents} single-event appends, ${o.writers} writers${when}`, 'events/s', o.rounds, async (open) => {
        const store = await ready(open, await fresh(), o.writers, analysed);
        return finally_(store, () => appendAll(store, o.singleEvents, o.writers, 1));
      }),
    );
    rows.push(
      await compare(
        `${o.batchEvents} events in appends of ${o.batchSize}, ${o.writers} writers${when}`,
        'events/s',
        o.rounds,
        async (open) => {
          const store = await ready(open, await fresh(), o.writers, analysed);
          return finally_(store, () => appendAll(store, o.batchEvents, o.writers, o.batchSize));
        },
      ),
    );
  }
  rows.push(
    await compare(`read the whole ${o.readEvents}-event log, pages of 1,000`, 'events/s', o.rounds, async (open) => {
      const url = await fresh();
      const store = await ready(open, url, o.writers, false);
      return finally_(store, async () => {
        await appendAll(store, o.readEvents, o.writers, 1_000);
        // Untimed: until the whole log is visible to a reader (a store may hold its newest events back a moment).
        const visibleBy = performance.now() + READ_DEADLINE_MS;
        for (let tries = 0; ; tries++) {
          const { read, complete } = await readWhole(store, visibleBy);
          if (read >= o.readEvents || !complete) break; // all visible, or too slow a read to wait for
          if (tries > 200) throw new Error(`${store.name} never showed all ${o.readEvents} events`);
          await new Promise((resolve) => setTimeout(resolve, 25));
        }
        await settle(url);
        const started = performance.now();
        const { read, complete } = await readWhole(store, started + READ_DEADLINE_MS);
        const seconds = (performance.now() - started) / 1000;
        // Cut off (seen with the peer's read after its table was analysed: minutes for a page, then for the log):
        // the round's rate is what it read by then, which errs in the reader's favour as its pages slow down.
        if (!complete)
          console.log(`${store.name}: read ${read} of ${o.readEvents} events before it was cut off after ${round(seconds, 1)} s`);
        else if (read !== o.readEvents) {
          // Ours must give the whole log. The peer holds back the events of transactions newer than the oldest
          // one running (an autovacuum's, say), so its read may end short of the tail: said, and its rate kept.
          if (store.readsWholeLog) throw new Error(`${store.name} read ${read} of ${o.readEvents} events`);
          console.log(`${store.name}: read ${read} of ${o.readEvents} events (the rest held back when it read)`);
        }
        return read / seconds;
      });
    }),
  );
  const gapProbe: Record<string, { appended: number; seen: number; missed: number; duplicates: number }> = {};
  for (const [name, open] of CONTENDERS) {
    const store = await ready(open, await fresh(), o.writers + 1, false);
    gapProbe[name] = await finally_(store, () => probeGaps(store, o.probeEvents, o.writers));
  }
  return { rows, gapProbe };
}

async function compare(scenario: string, unit: string, rounds: number, once: (open: Open) => Promise<number>): Promise<PeerRow> {
  const results: number[][] = [[], []];
  for (let r = 0; r < rounds; r++) for (const [i, [, open]] of CONTENDERS.entries()) results[i].push(await once(open));
  const [ours, peer] = results.map((values) => Math.round(median(values)));
  return { scenario, ours, peer, ratio: round(ours / peer, 2), unit };
}

async function ready(open: Open, url: string, poolSize: number, analysed: boolean): Promise<Contender> {
  const store = await open(url, poolSize + 2);
  if (analysed) await store.analyse();
  await settle(url);
  return store;
}

async function finally_<T>(store: Contender, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } finally {
    await store.close();
  }
}
