/** The auditor's view of one case: its full history, its verification, and its offline-verifiable export. */
import { Controller, Get, Header, Inject, Param, Query, Res } from '@nestjs/common';
import { ApiProduces, ApiQuery, ApiTags } from '@nestjs/swagger';
import { Response } from 'express';
import { DataSource } from 'typeorm';
import { CheckpointWriter } from '@libs/audit/checkpointing';
import { EventStore } from '@libs/event-store';
import { caseStream } from '@libs/domain/accountability-case';
import { ReadSources } from '@libs/read-sources';
import { logSource, minPositionOf } from '../queries/read-source';
import { IdParams } from '../commands/shared/command.dto';
import { CHECKPOINT_WRITER, RAW_EVENT_STORE } from './audit-ports';
import { ExportQuery, HistoryQuery } from './audit.dto';
import { asProblem } from './checkpoint-problems';
import { exportStream, historyOf, verifyStream } from './stream-audit';
import { StreamHistory, StreamVerdictDto } from './answers.dto';

@ApiTags('audit')
@Controller('cases')
export class CaseAuditController {
  constructor(
    @Inject(ReadSources) private readonly sources: ReadSources,
    @Inject(RAW_EVENT_STORE) private readonly raw: EventStore,
    @Inject(CHECKPOINT_WRITER) private readonly writer: CheckpointWriter,
    @Inject(DataSource) private readonly dataSource: DataSource,
  ) {}

  /**
   * Every event in order, as readable now (personal fields decrypted where allowed), with the state after each;
   * from the read replica when configured (X-Read-Source, X-Log-Position: the copy's head).
   */
  @Get(':id/history')
  async history(
    @Param() { id }: IdParams,
    @Query() { minPosition }: HistoryQuery,
    @Res({ passthrough: true }) response: Response,
  ): Promise<StreamHistory> {
    const { store } = await logSource(this.sources, minPositionOf(minPosition), response);
    return { caseId: id, stream: caseStream(id), events: historyOf(await store.readStream(caseStream(id))) };
  }

  /** Checks the case's hash chain and that the latest signed checkpoint still covers it. */
  @Get(':id/verify')
  verify(@Param() { id }: IdParams): Promise<StreamVerdictDto> {
    return verifyStream(this.raw, this.writer, this.dataSource.manager, caseStream(id));
  }

  /** The NDJSON bundle `family-ledger verify` checks offline (see exportStream). */
  @Get(':id/export')
  @ApiQuery({
    name: 'trusted',
    required: false,
    description: 'Tree size of the checkpoint the auditor last trusted: the bundle carries the consistency proof from it',
  })
  @Header('Content-Type', 'application/x-ndjson; charset=utf-8')
  @ApiProduces('application/x-ndjson')
  async export(@Param() { id }: IdParams, @Query() { trusted }: ExportQuery, @Res({ passthrough: true }) response: Response) {
    const bundle = await exportStream(
      this.raw,
      this.writer,
      this.dataSource.manager,
      caseStream(id),
      trusted === undefined ? undefined : Number(trusted),
    ).catch(asProblem);
    response.setHeader('Content-Disposition', `attachment; filename="case-${id}.ndjson"`);
    return bundle;
  }
}
