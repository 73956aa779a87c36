/**
 * The projection daemon: one runner per projection. Several projector processes may run; each projection
 * is active in one of them (see ProjectionRunner).
 */
import { Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { EventStore } from '@libs/event-store';
import { Projection } from './projection';
import { ProjectionRunner, RunnerOptions } from './projection-runner';

export class Projector {
  private readonly logger = new Logger('projector');
  readonly runners: ProjectionRunner[];

  constructor(projections: readonly Projection[], store: EventStore, dataSource: DataSource, options: RunnerOptions = {}) {
    this.runners = projections.map(
      (projection) =>
        new ProjectionRunner(projection, store, dataSource, {
          ...options,
          onError: (error) =>
            this.logger.error(`projection ${projection.name}: ${(error as Error)?.name ?? 'error'}: ${(error as Error)?.message ?? ''}`),
        }),
    );
  }

  start(): void {
    for (const runner of this.runners) runner.start();
  }

  async stop(): Promise<void> {
    await Promise.all(this.runners.map((runner) => runner.stop()));
  }

  statuses(): Record<string, string> {
    return Object.fromEntries(this.runners.map((runner) => [runner.projection.name, runner.status]));
  }
}
