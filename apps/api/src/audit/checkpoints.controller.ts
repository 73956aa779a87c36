/**
 * Signed checkpoints by tree size, and the consistency proof between two of them (RFC 9162): what an
 * auditor (or a witness) holding an earlier checkpoint asks for to check that a later one extends it; and
 * the witnesses' cosignatures, checked and kept.
 */
import { Body, Controller, Get, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { DataSource, EntityManager } from 'typeorm';
import {
  addCosignature,
  CheckpointWriter,
  CosignatureRejected,
  cosignatureLines,
  StoredCheckpoint,
  storedCheckpointOfSize,
} from '@libs/audit/checkpointing';
import { ProblemException } from '../http/problem';
import { CheckpointDto, ConsistencyAnswer, CosignedCheckpoint } from './answers.dto';
import { CHECKPOINT_WRITER } from './audit-ports';
import { CheckpointSizeParams, ConsistencyParams, CosignatureBody } from './audit.dto';
import { asProblem } from './checkpoint-problems';

@ApiTags('audit')
@Controller('audit/checkpoints')
export class CheckpointsController {
  constructor(
    @Inject(CHECKPOINT_WRITER) private readonly writer: CheckpointWriter,
    @Inject(DataSource) private readonly dataSource: DataSource,
  ) {}

  @Get(':size')
  @ApiOperation({
    summary:
      "The signed checkpoint of a tree of `size` events: its JSON fields, and `note`, its C2SP signed note with the witnesses' cosignatures",
  })
  @ApiParam({ name: 'size', description: 'Tree size (events) of a signed checkpoint', example: '1024' })
  @ApiOkResponse({ type: CheckpointDto })
  async bySize(@Param() { size }: CheckpointSizeParams): Promise<CheckpointDto> {
    return served(this.dataSource.manager, await this.find(Number(size)));
  }

  /** A witness's cosignature, kept once it verifies over the checkpoint's note; answers the note as now served. */
  @Post(':size/cosignatures')
  @HttpCode(201)
  @ApiOperation({
    summary:
      "A witness's cosignature (tlog-cosignature/v1) of the checkpoint of `size`: kept once it verifies under `witnessKey` over that checkpoint's note",
  })
  @ApiCreatedResponse({ type: CosignedCheckpoint })
  async cosign(@Param() { size }: CheckpointSizeParams, @Body() body: CosignatureBody): Promise<CosignedCheckpoint> {
    const stored = await this.find(Number(size));
    if (stored.note === null)
      throw ProblemException.of(409, 'checkpoint-without-note', 'this checkpoint was signed before checkpoints were notes');
    const line = body.cosignature.endsWith('\n') ? body.cosignature : `${body.cosignature}\n`;
    const witness = await addCosignature(this.dataSource.manager, stored.checkpoint.eventCount, stored.note, body.witnessKey, line).catch(
      (error: unknown) => {
        if (error instanceof CosignatureRejected) throw ProblemException.of(422, 'cosignature-rejected', error.message);
        throw error;
      },
    );
    return { witness, ...(await served(this.dataSource.manager, stored)) };
  }

  @Get(':first/consistency/:second')
  @ApiOperation({
    summary: 'RFC 9162 consistency proof that the signed tree of `second` events extends the signed tree of `first`, with both checkpoints',
  })
  @ApiParam({ name: 'first', description: 'Tree size of the earlier signed checkpoint (at least 1, at most `second`)' })
  @ApiParam({ name: 'second', description: 'Tree size of the later signed checkpoint' })
  @ApiOkResponse({ type: ConsistencyAnswer })
  async consistency(@Param() params: ConsistencyParams): Promise<ConsistencyAnswer> {
    const [first, second] = [Number(params.first), Number(params.second)];
    if (first > second)
      throw ProblemException.of(400, 'invalid-request', 'first must not exceed second', {
        errors: [{ field: 'first', rule: 'max', message: 'first must not exceed second' }],
      });
    const [earlier, later] = [await this.find(first), await this.find(second)];
    const proof = await this.writer.consistencyBetween(earlier.checkpoint, later.checkpoint).catch(asProblem);
    const db = this.dataSource.manager;
    return { first: await served(db, earlier), second: await served(db, later), proof };
  }

  private async find(size: number): Promise<StoredCheckpoint> {
    const stored = await storedCheckpointOfSize(this.dataSource.manager, size);
    if (!stored) throw ProblemException.of(404, 'checkpoint-not-found', `no checkpoint of ${size} events was signed`);
    return stored;
  }
}

/** A checkpoint as served: its JSON fields, and beside them its signed note with the witnesses' cosignatures. */
export async function served(db: EntityManager, { checkpoint, note }: StoredCheckpoint) {
  return note === null ? checkpoint : { ...checkpoint, note: note + (await cosignatureLines(db, checkpoint.eventCount)) };
}
