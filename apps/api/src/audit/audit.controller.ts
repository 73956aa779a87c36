/**
 * Auditor surfaces across the log: any stream's history and verification, the signing key, signed
 * checkpoints (on demand, latest, checked against the log as it is now), and the accountability trail.
 */
import { Controller, Get, Header, HttpCode, Inject, Param, Post, Query, Res } from '@nestjs/common';
import { Response } from 'express';
import { ApiOperation, ApiProduces, ApiQuery, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { CheckpointWriter, keyHistory, latestStoredCheckpoint, recordKey } from '@libs/audit/checkpointing';
import { exportPublicKey } from '@libs/audit/signing';
import { EventStore, formatPosition } from '@libs/event-store';
import { loadCheckpoint } from '@libs/projection/checkpoints';
import { caseAuditTrailProjection } from '@projections/case-audit-trail/case-audit-trail.projection';
import { queryTrail } from '@projections/case-audit-trail/case-audit-trail.query';
import { utcInstant } from '../http/instant';
import { ProblemException } from '../http/problem';
import { CHECKPOINT_WRITER, RAW_EVENT_STORE } from './audit-ports';
import { ExportQuery, HistoryQuery, StreamParams, TrailQuery } from './audit.dto';
import { ReadSources } from '@libs/read-sources';
import { logSource, minPositionOf, readModelSource } from '../queries/read-source';
import { served } from './checkpoints.controller';
import { asProblem } from './checkpoint-problems';
import { exportStream, historyOf, verifyStream } from './stream-audit';
import {
  AuditTrail,
  CheckpointDto,
  CheckpointVerdict,
  KeyHistoryAnswer,
  PublicKeyAnswer,
  StreamHistory,
  StreamVerdictDto,
} from './answers.dto';

@ApiTags('audit')
@Controller('audit')
export class AuditController {
  constructor(
    @Inject(ReadSources) private readonly sources: ReadSources,
    @Inject(RAW_EVENT_STORE) private readonly raw: EventStore,
    @Inject(CHECKPOINT_WRITER) private readonly writer: CheckpointWriter,
    @Inject(DataSource) private readonly dataSource: DataSource,
  ) {}

  /** Every event of a stream in order, with hashes and the state after each; from the read replica when configured. */
  @Get('streams/:stream/history')
  async history(
    @Param() { stream }: StreamParams,
    @Query() { minPosition }: HistoryQuery,
    @Res({ passthrough: true }) response: Response,
  ): Promise<StreamHistory> {
    const { store } = await logSource(this.sources, minPositionOf(minPosition), response);
    return { stream, events: historyOf(await store.readStream(stream)) };
  }

  /** Checks a stream's hash chain and that the latest signed checkpoint still covers it. */
  @Get('streams/:stream/verify')
  verify(@Param() { stream }: StreamParams): Promise<StreamVerdictDto> {
    return verifyStream(this.raw, this.writer, this.dataSource.manager, stream);
  }

  /** A stream as the signed NDJSON bundle `family-ledger verify` checks offline. */
  @Get('streams/:stream/export')
  @ApiQuery({
    name: 'trusted',
    required: false,
    description: 'Tree size of the checkpoint the auditor last trusted: the bundle carries the consistency proof from it',
  })
  @Header('Content-Type', 'application/x-ndjson; charset=utf-8')
  @ApiProduces('application/x-ndjson')
  async export(@Param() { stream }: StreamParams, @Query() { trusted }: ExportQuery, @Res({ passthrough: true }) response: Response) {
    const bundle = await exportStream(
      this.raw,
      this.writer,
      this.dataSource.manager,
      stream,
      trusted === undefined ? undefined : Number(trusted),
    ).catch(asProblem);
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
      // The same key as a C2SP note verifier key: checkpoints are also served as signed notes under this origin.
      origin: this.writer.origin,
      verifierKey: this.writer.verifierKey(),
    };
  }

  /** Public, like the key: every checkpoint key used, the checkpoints each signed, and the rotation that announced it. */
  @Get('public-keys')
  @ApiOperation({
    summary:
      'Every checkpoint-signing key used: key id, note verifier key, first and last checkpoint signed, the checkpoint that announced it',
  })
  async publicKeys(): Promise<KeyHistoryAnswer> {
    await recordKey(this.dataSource.manager, this.writer.origin, this.writer.publicKey());
    return { origin: this.writer.origin, keys: await keyHistory(this.dataSource.manager) };
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
    const stored = await latestStoredCheckpoint(this.dataSource.manager, this.writer.keyId());
    if (!stored) throw ProblemException.of(404, 'no-checkpoint', 'no checkpoint has been signed with the current key yet');
    return served(this.dataSource.manager, stored);
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
  trail(@Query() query: TrailQuery, @Res({ passthrough: true }) response: Response): Promise<AuditTrail> {
    const { limit, minPosition, from, to, ...rest } = query;
    // Bare dates are Beijing days, not UTC ones: [from, to) starts both at their day's start.
    const filter = {
      ...rest,
      from: from && utcInstant(from, 'from'),
      to: to && utcInstant(to, 'to'),
      limit: limit ? Number(limit) : 200,
    };
    return readModelSource(this.sources, caseAuditTrailProjection.name, minPositionOf(minPosition), response, (source) =>
      source.transaction('REPEATABLE READ', async (tx) => {
        const checkpoint = await loadCheckpoint(tx, caseAuditTrailProjection);
        const entries = checkpoint ? await queryTrail(tx, checkpoint.schema, filter) : [];
        const answer = { position: checkpoint?.position ? formatPosition(checkpoint.position) : null, entries };
        return { answer, position: checkpoint?.position };
      }),
    );
  }
}
