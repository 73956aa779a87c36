/** The audit surfaces' ports: the log as stored (for hashes and exports) and the checkpoint writer. */
import { Inject, Injectable, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { CheckpointWriter, loadCheckpointConfig } from '@libs/audit/checkpointing';
import { EventStore } from '@libs/event-store';
import { Runtime } from '../bootstrap/runtime';
import { RUNTIME } from '../tokens';

export const RAW_EVENT_STORE = Symbol('RAW_EVENT_STORE');
export const CHECKPOINT_WRITER = Symbol('CHECKPOINT_WRITER');

/** The log as stored: personal fields as the ciphertext the hash chain was computed over. */
export function rawEventStoreOf(runtime: Runtime): EventStore {
  return runtime.rawEventStore;
}

export const auditProviders = [
  { provide: RAW_EVENT_STORE, useFactory: rawEventStoreOf, inject: [RUNTIME] },
  {
    provide: CHECKPOINT_WRITER,
    inject: [RUNTIME],
    useFactory: (runtime: Runtime) =>
      new CheckpointWriter(rawEventStoreOf(runtime), runtime.dataSource.manager, runtime.clock, loadCheckpointConfig(process.env, runtime.config.dataDir)),
  },
];

/**
 * Opens the signing key at start-up (generating the embedded default on first start, and failing fast on a
 * broken key file), then signs checkpoints on the configured interval while the app runs.
 */
@Injectable()
export class CheckpointTimer implements OnApplicationBootstrap, OnModuleDestroy {
  constructor(@Inject(CHECKPOINT_WRITER) private readonly writer: CheckpointWriter) {}

  onApplicationBootstrap(): void {
    this.writer.publicKey();
    this.writer.start();
  }

  onModuleDestroy(): Promise<void> {
    return this.writer.stop();
  }
}
