/**
 * Steady-state projection lag: the projector's runners follow the live log while household histories are
 * appended at a fixed rate (each stream its own append, as commands do). For every append and every read model
 * that handles some of its events, the lag is the time from the append's commit until that read model's
 * checkpoint has passed the last of them (checkpoints polled every 5 ms). Baseline in the same run: a plain
 * subscription to the whole log, the time from the same commit until it hands out the append's last event.
 */
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { DataSource } from 'typeorm';
import { EventToAppend } from '../libs/event-store/event-store.port';
import { PostgresEventStore } from '../libs/event-store/postgres/postgres-event-store';
import { Projection } from '../libs/projection/projection';
import { ProjectionRunner } from '../libs/projection/projection-runner';
import { householdHistory } from '../scripts/projections/campaign-history';
import { progressBar } from './support/progress';
import { percentile, round } from './support/stats';

export interface LagFigures {
  eventsPerSecond: { target: number; achieved: number };
  appends: number;
  projectionLag: { p50Ms: number; p99Ms: number; maxMs: number; samples: number };
  baselineSubscriberLag: { p50Ms: number; p99Ms: number; maxMs: number };
}

interface Append {
  committedAt: number;
  /** Id of the append's last event. */
  lastId: string;
  /** Per read model handling some of its events, the id of the last of them. */
  lastHandled: Map<string, string>;
}

function appended(committedAt: number, events: readonly EventToAppend[], projections: readonly Projection[]): Append {
  const lastHandled = new Map<string, string>();
  for (const projection of projections) {
    const last = [...events].reverse().find((e) => projection.handles.includes(e.type));
    if (last) lastHandled.set(projection.name, last.id);
  }
  return { committedAt, lastId: events[events.length - 1].id, lastHandled };
}

const summary = (samples: number[]) => ({
  p50Ms: round(percentile(samples, 50), 2),
  p99Ms: round(percentile(samples, 99), 2),
  maxMs: round(Math.max(...samples), 2),
});

export async function benchProjectionLag(
  dataSource: DataSource,
  store: PostgresEventStore,
  projections: readonly Projection[],
  options: { eventsPerSecond: number; seconds: number },
): Promise<LagFigures> {
  const runners = projections.map((p) => new ProjectionRunner(p, store, dataSource, { batchSize: 500 }));
  runners.forEach((r) => r.start());
  while (runners.some((r) => r.status !== 'active')) await sleep(20); // caught up to the log written so far
  const seen = new Map<string, { commit: bigint; at: number }>();
  const subscription = store.subscribeToAll({ fromPosition: 'end' });
  const following = (async () => {
    for await (const event of subscription) seen.set(event.id, { commit: event.position.commit, at: performance.now() });
  })();
  const appends: Append[] = [];
  const reached = new Map<Append, Map<string, number>>();
  let sampling = true;
  const sampler = sampleCheckpoints(dataSource, appends, seen, reached, () => sampling);
  try {
    const written = await writeAtRate(store, projections, options, appends);
    await sleep(2000); // let the last appends reach every read model
    sampling = false;
    await sampler;
    const lags = [...reached.values()].flatMap((byProjection) => [...byProjection.values()]);
    const baseline = appends.flatMap((a) => {
      const received = seen.get(a.lastId);
      return received ? [received.at - a.committedAt] : [];
    });
    return {
      eventsPerSecond: { target: options.eventsPerSecond, achieved: Math.round(written / options.seconds) },
      appends: appends.length,
      projectionLag: { ...summary(lags), samples: lags.length },
      baselineSubscriberLag: summary(baseline),
    };
  } finally {
    sampling = false;
    await subscription.close();
    await following;
    await Promise.all(runners.map((r) => r.stop()));
  }
}

/** Appends household histories so that `eventsPerSecond` are written, paced every 20 ms; returns the events written. */
async function writeAtRate(
  store: PostgresEventStore,
  projections: readonly Projection[],
  options: { eventsPerSecond: number; seconds: number },
  appends: Append[],
): Promise<number> {
  const total = options.eventsPerSecond * options.seconds;
  const bar = progressBar(`lag at ${options.eventsPerSecond} events/s`, total, 'events');
  const started = performance.now();
  let written = 0;
  for (let n = 0; written < total; n++) {
    const due = ((performance.now() - started) / 1000) * options.eventsPerSecond;
    if (written >= due) {
      await sleep(20);
      continue;
    }
    for (const [stream, drafts] of householdHistory(n)) {
      const events = drafts.map((d): EventToAppend => ({ id: randomUUID(), ...d }));
      await store.appendToStream(stream, events);
      appends.push(appended(performance.now(), events, projections));
      written += events.length;
      bar.increment(events.length);
    }
  }
  bar.stop();
  return written;
}

/** Polls the checkpoints and notes, per append and read model, when the checkpoint first passed the append's last event of its types. */
async function sampleCheckpoints(
  dataSource: DataSource,
  appends: Append[],
  seen: Map<string, { commit: bigint }>,
  reached: Map<Append, Map<string, number>>,
  going: () => boolean,
): Promise<void> {
  let done = 0; // appends before this index have reached every read model that handles them
  while (going()) {
    const rows: { projection: string; commit_position: string }[] = await dataSource.query(
      `SELECT projection, commit_position FROM projections.checkpoints`,
    );
    const now = performance.now();
    const checkpoints = new Map(rows.map((r) => [r.projection, BigInt(r.commit_position)]));
    for (let i = done; i < appends.length; i++) {
      const append = appends[i];
      const byProjection = reached.get(append) ?? new Map<string, number>();
      reached.set(append, byProjection);
      let pending = 0;
      for (const [projection, lastId] of append.lastHandled) {
        if (byProjection.has(projection)) continue;
        const target = seen.get(lastId);
        if (target && (checkpoints.get(projection) ?? -1n) >= target.commit) byProjection.set(projection, now - append.committedAt);
        else pending++;
      }
      if (pending === 0 && i === done) done++;
    }
    await sleep(5);
  }
}
