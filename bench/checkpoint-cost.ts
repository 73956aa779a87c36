/**
 * What checkpoints cost over a log of N events: the first checkpoint of a fresh writer (the whole log read,
 * every hash recomputed, the tree and the stream heads built, signed as JSON and as a note, stored), then a
 * checkpoint after 1,000 more events (the writer reads only those); and whole-log verification against the
 * signed checkpoints (`npm run audit:verify`: chains, then the tree pass), next to the verifier's plain read.
 */
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { CheckpointWriter, loadCheckpointConfig } from '../libs/audit/checkpointing';
import { auditLog } from '../libs/audit/log-verification/audit-log';
import { generateSigningKeyPair, keyFingerprint, loadPublicKey } from '../libs/audit/signing';
import { systemClock } from '../libs/clock';
import { libSchema, openDatabase } from '../libs/database/data-source';
import { PostgresEventStore } from '../libs/event-store/postgres/postgres-event-store';
import { round } from './support/stats';

export interface CheckpointCost {
  events: number;
  streams: number;
  firstCheckpointMs: number;
  nextCheckpointMs: number;
  nextCheckpointAfter: number;
  verifyAgainstCheckpoints: { seconds: number; eventsPerSecond: number; intact: boolean; summary: string };
}

export async function benchCheckpointCost(url: string, store: PostgresEventStore): Promise<CheckpointCost> {
  const dataSource: DataSource = await openDatabase(url, libSchema);
  const key = generateSigningKeyPair().privateKeyPem;
  const writer = new CheckpointWriter(
    store,
    dataSource.manager,
    systemClock,
    loadCheckpointConfig({ AUDIT_SIGNING_KEY: key, AUDIT_ORIGIN: 'family-ledger.bench/640100' }, '/nonexistent'),
  );
  try {
    let started = performance.now();
    const first = await writer.checkpoint();
    const firstCheckpointMs = performance.now() - started;
    const more = 1_000;
    for (let i = 0; i < more; i += 100) {
      const events = Array.from({ length: 100 }, () => ({
        id: randomUUID(),
        type: 'BenchEventRecorded',
        data: { i },
        metadata: { actor: 'bench', correlationId: randomUUID(), causationId: randomUUID(), occurredAt: '2015-01-01T00:00:00.000Z' },
      }));
      await store.appendToStream(`bench-${randomUUID()}`, events);
    }
    started = performance.now();
    const next = await writer.checkpoint();
    const nextCheckpointMs = performance.now() - started;
    const publicKey = loadPublicKey(key);
    started = performance.now();
    const audit = await auditLog(url, new Map([[keyFingerprint(publicKey), publicKey]]));
    const seconds = (performance.now() - started) / 1000;
    return {
      events: first.eventCount,
      streams: first.streamCount ?? 0,
      firstCheckpointMs: round(firstCheckpointMs, 1),
      nextCheckpointMs: round(nextCheckpointMs, 1),
      nextCheckpointAfter: next.eventCount - first.eventCount,
      verifyAgainstCheckpoints: {
        seconds: round(seconds, 2),
        eventsPerSecond: Math.round(audit.chains.events / seconds),
        intact: audit.intact,
        summary: audit.summary,
      },
    };
  } finally {
    await writer.stop();
    await dataSource.destroy();
  }
}
