/** The auditor's view of one case: its full history, its verification, and its offline-verifiable export. */
import { Controller, Get, Header, Inject, Param, Query, Res } from '@nestjs/common';
import { ApiProduces, ApiQuery, ApiTags } from '@nestjs/swagger';
import { Response } from 'express';
import { DataSource } from 'typeorm';
import { CheckpointWriter } from '@libs/audit/checkpointing';
import { caseStream } from '@libs/domain/accountability-case';
import { EVENT_STORE, EventStore } from '@libs/event-store';
import { IdParams } from '../commands/shared/command.dto';
import { CHECKPOINT_WRITER, RAW_EVENT_STORE } from './audit-ports';
import { ExportQuery } from './audit.dto';
import { asProblem } from './checkpoint-problems';
import { exportStream, historyOf, verifyStream } from './stream-audit';
import { StreamHistory, StreamVerdictDto } from './answers.dto';

@ApiTags('audit')
@Controller('cases')
export class CaseAuditController {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(RAW_EVENT_STORE) private readonly raw: EventStore,
    @Inject(CHECKPOINT_WRITER) private readonly writer: CheckpointWriter,
    @Inject(DataSource) private readonly dataSource: DataSource,
  ) {}

  /** Every event in order, as readable now (personal fields decrypted where allowed), with the state after each. */
  @Get(':id/history')
  async history(@Param() { id }: IdParams): Promise<StreamHistory> {
    const events = await this.store.readStream(caseStream(id));
    return { caseId: id, stream: caseStream(id), events: historyOf(events) };
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
