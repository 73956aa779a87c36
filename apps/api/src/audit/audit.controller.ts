/**
 * Auditor surfaces across the log: any stream's history and verification, the signing key, signed
 * checkpoints (on demand, latest, checked against the log as it is now), and the accountability trail.
 */
import { Controller, Get, Header, HttpCode, Inject, Param, Post, Query, Res } from '@nestjs/common';
import { Response } from 'express';
import { ApiProduces, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { CheckpointWriter, latestSignedCheckpoint } from '@libs/audit/checkpointing';
import { exportPublicKey } from '@libs/audit/signing';
import { EVENT_STORE, EventStore, formatPosition } from '@libs/event-store';
import { loadCheckpoint } from '@libs/projection/checkpoints';
import { caseAuditTrailProjection } from '@projections/case-audit-trail/case-audit-trail.projection';
import { queryTrail } from '@projections/case-audit-trail/case-audit-trail.query';
import { ProblemException } from '../http/problem';
import { CHECKPOINT_WRITER, RAW_EVENT_STORE } from './audit-ports';
import { StreamParams, TrailQuery } from './audit.dto';
import { asProblem } from './checkpoint-problems';
import { exportStream, historyOf, verifyStream } from './stream-audit';
import { AuditTrail, CheckpointDto, CheckpointVerdict, PublicKeyAnswer, StreamHistory, StreamVerdictDto } from './answers.dto';

@ApiTags('audit')
@Controller('audit')
export class AuditController {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(RAW_EVENT_STORE) private readonly raw: EventStore,
    @Inject(CHECKPOINT_WRITER) private readonly writer: CheckpointWriter,
    @Inject(DataSource) private readonly dataSource: DataSource,
  ) {}

  /** Every event of a stream in order, with hashes and the state after each. */
  @Get('streams/:stream/history')
  async history(@Param() { stream }: StreamParams): Promise<StreamHistory> {
    return { stream, events: historyOf(await this.store.readStream(stream)) };
  }

  /** Checks a stream's hash chain and that the latest signed checkpoint still covers it. */
  @Get('streams/:stream/verify')
  verify(@Param() { stream }: StreamParams): Promise<StreamVerdictDto> {
    return verifyStream(this.raw, this.writer, this.dataSource.manager, stream);
  }

  /** A stream as the signed NDJSON bundle `family-ledger verify` checks offline. */
  @Get('streams/:stream/export')
  @Header('Content-Type', 'application/x-ndjson; charset=utf-8')
  @ApiProduces('application/x-ndjson')
  async export(@Param() { stream }: StreamParams, @Res({ passthrough: true }) response: Response) {
    const bundle = await exportStream(this.raw, this.writer, stream).catch(asProblem);
    response.setHeader('Content-Disposition', `attachment; filename="${stream}.ndjson"`);
    return bundle;
  }

  /** Public: verifiers fetch it to pin the key a bundle must be signed with. */
  @Get('public-key')
  publicKey(): PublicKeyAnswer {
    const key = this.writer.publicKey();
    return {
      algorithm: 'Ed25519',
      keyId: this.writer.keyId(),
      publicKey: exportPublicKey(key),
      pem: key.export({ type: 'spki', format: 'pem' }).toString(),
    };
  }

  /** Signs a Merkle checkpoint over the whole log now. */
  @Post('checkpoints')
  @HttpCode(201)
  checkpoint(): Promise<CheckpointDto> {
    return this.writer.checkpoint().catch(asProblem);
  }

  /** The latest checkpoint signed with the current key. */
  @Get('checkpoints/latest')
  async latest(): Promise<CheckpointDto> {
    const signed = await latestSignedCheckpoint(this.dataSource.manager, this.writer.keyId());
    if (!signed) throw ProblemException.of(404, 'no-checkpoint', 'no checkpoint has been signed with the current key yet');
    return signed;
  }

  /** Recomputes the root over the log as it is now: a rewrite since signing shows as `root: false`. */
  @Get('checkpoints/latest/verify')
  async verifyLatest(): Promise<CheckpointVerdict> {
    const signed = await this.latest();
    const { signature, root } = await this.writer.verifyAgainstLog(signed);
    return { ok: signature && root, checkpoint: signed, signatureValid: signature, logMatches: root };
  }

  /** The audit trail: events of audited streams in log order, filtered. */
  @Get('trail')
  trail(@Query() query: TrailQuery): Promise<AuditTrail> {
    return this.dataSource.transaction('REPEATABLE READ', async (tx) => {
      const checkpoint = await loadCheckpoint(tx, caseAuditTrailProjection);
      const { limit, ...filter } = query;
      const entries = checkpoint ? await queryTrail(tx, checkpoint.schema, { ...filter, limit: limit ? Number(limit) : 200 }) : [];
      return { position: checkpoint?.position ? formatPosition(checkpoint.position) : null, entries };
    });
  }
}
