/**
 * Signed checkpoints by tree size, and the consistency proof between two of them (RFC 9162): what an
 * auditor (or a witness) holding an earlier checkpoint asks for to check that a later one extends it.
 */
import { Controller, Get, Inject, Param } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { CheckpointWriter, StoredCheckpoint, storedCheckpointOfSize } from '@libs/audit/checkpointing';
import { ProblemException } from '../http/problem';
import { CHECKPOINT_WRITER } from './audit-ports';
import { CheckpointSizeParams, ConsistencyParams } from './audit.dto';
import { asProblem } from './checkpoint-problems';

@ApiTags('audit')
@Controller('audit/checkpoints')
export class CheckpointsController {
  constructor(
    @Inject(CHECKPOINT_WRITER) private readonly writer: CheckpointWriter,
    @Inject(DataSource) private readonly dataSource: DataSource,
  ) {}

  @Get(':size')
  async bySize(@Param() { size }: CheckpointSizeParams) {
    return served(await this.find(Number(size)));
  }

  @Get(':first/consistency/:second')
  async consistency(@Param() params: ConsistencyParams) {
    const [first, second] = [Number(params.first), Number(params.second)];
    if (first > second) throw ProblemException.of(400, 'invalid-request', 'first must not exceed second', { errors: [{ field: 'first', message: 'first must not exceed second' }] });
    const [earlier, later] = [await this.find(first), await this.find(second)];
    const proof = await this.writer.consistencyBetween(earlier.checkpoint, later.checkpoint).catch(asProblem);
    return { first: served(earlier), second: served(later), proof };
  }

  private async find(size: number): Promise<StoredCheckpoint> {
    const stored = await storedCheckpointOfSize(this.dataSource.manager, size);
    if (!stored) throw ProblemException.of(404, 'checkpoint-not-found', `no checkpoint of ${size} events was signed`);
    return stored;
  }
}

/** A checkpoint as served: its JSON fields, and its signed-note form beside them when it has one. */
export function served({ checkpoint, note }: StoredCheckpoint) {
  return note === null ? checkpoint : { ...checkpoint, note };
}
