/** The audit surfaces' ports: the log as stored (for hashes and exports) and the checkpoint writer. */
import { Inject, Injectable, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { CheckpointWriter, loadCheckpointConfig } from '@libs/audit/checkpointing';
import { DataSource } from 'typeorm';
import { Clock, CLOCK } from '@libs/clock';
import { Config } from '@libs/config';
import { EventStore } from '@libs/event-store';
import { CONFIG, RAW_EVENT_STORE } from '../tokens';

export { RAW_EVENT_STORE };
export const CHECKPOINT_WRITER = Symbol('CHECKPOINT_WRITER');

export const auditProviders = [
  {
    provide: CHECKPOINT_WRITER,
    inject: [RAW_EVENT_STORE, DataSource, CLOCK, CONFIG],
    // Over the log as stored: the hash chain was computed over the personal fields' ciphertext.
    useFactory: (raw: EventStore, dataSource: DataSource, clock: Clock, config: Config) =>
      new CheckpointWriter(raw, dataSource.manager, clock, loadCheckpointConfig(process.env, config.dataDir)),
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
