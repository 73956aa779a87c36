/**
 * Test support (no jest globals): supervision histories written through the real decider and store, as the
 * API writes them, and a projection run until it has applied everything appended so far.
 */
import { randomUUID } from 'node:crypto';
import { handleCommand } from '@libs/command-handling/handle-command';
import { SupervisionCommand, supervisionDecider, supervisionStream } from '@libs/domain/supervision';
import { ProjectionRunner, RunnerOptions } from '@libs/projection/projection-runner';
import { Projection } from '@libs/projection/projection';
import { appendedHead, caughtUp, ProjectionDatabase } from '../../shared/testing/harness';

const metadata = (actor: string, occurredAt: string) => ({ commandId: randomUUID(), actor, correlationId: randomUUID(), occurredAt });

export const assign = (districtCode: string, supervisorId: string, at: string): SupervisionCommand => ({
  type: 'AssignSupervisor',
  data: { districtCode, supervisorId, reason: 'order 12' },
  metadata: metadata('city-office', at),
});

export const endTerm = (districtCode: string, at: string): SupervisionCommand => ({
  type: 'EndSupervisorAssignment',
  data: { districtCode, reason: 'rotation' },
  metadata: metadata('city-office', at),
});

export const visit = (districtCode: string, supervisorId: string, month: string, at: string): SupervisionCommand => ({
  type: 'RecordSupervisionVisit',
  data: { districtCode, month, unitsVisited: [`${districtCode}001`], findings: 'ok' },
  metadata: metadata(supervisorId, at),
});

/** Decides and appends one supervision command, as the API's handler does. */
export async function supervise(db: ProjectionDatabase, command: SupervisionCommand): Promise<void> {
  await handleCommand(db.store, supervisionStream(command.data.districtCode), supervisionDecider, command);
}

/** Runs the projection until its checkpoint has passed every event appended so far, then stops it. */
export async function catchUp(db: ProjectionDatabase, projection: Projection, options: RunnerOptions = {}): Promise<void> {
  const upTo = await appendedHead(db.dataSource);
  if (!upTo) return;
  const runner = new ProjectionRunner(projection, db.store, db.dataSource, { standbyPollMs: 20, ...options });
  runner.start();
  try {
    const deadline = Date.now() + 20_000;
    while (!(await caughtUp(db.dataSource, projection, upTo))) {
      if (Date.now() > deadline) throw new Error(`${projection.name} did not catch up in time`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  } finally {
    await runner.stop();
  }
}
