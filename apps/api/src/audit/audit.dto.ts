import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Length, Matches } from 'class-validator';
import { CASE_GROUNDS } from '@libs/domain/accountability-case';
import { instantDescription, IsInstant } from '../http/instant';
import { LOG_POSITION } from '../queries/read-source';

const MIN_POSITION_MESSAGE = 'minPosition must be a log position, as commands answer it';

/**
 * `?minPosition=` on the auditors' reads: the answer reflects at least that position, read from the read
 * replica once it does, else from the primary (503 read-model-behind when neither does within the wait).
 */
export class HistoryQuery {
  /** A log position (e.g. the `position` a command answered): the answer reflects at least it. */
  @IsOptional()
  @Matches(LOG_POSITION, { message: MIN_POSITION_MESSAGE })
  minPosition?: string;
}

export class StreamParams {
  @IsString()
  @Length(3, 200)
  @Matches(/^[a-z]+-[A-Za-z0-9._:-]+$/, { message: 'stream must be <category>-<id>' })
  stream!: string;
}

/** `GET /audit/trail`: every filter optional; period as occurredAt bounds [from, to). */
export class TrailQuery extends HistoryQuery {
  @IsOptional()
  @Matches(/^\d{6}$/, { message: 'district must be a 6-digit district code' })
  district?: string;

  /** Entries recorded as done by this actor, and those an administrator of this id sent under another actor's name. */
  @IsOptional()
  @IsString()
  @Matches(/^[A-Za-z0-9._:-]{1,128}$/, { message: 'actor must be an actor id' })
  actor?: string;

  @IsOptional()
  @IsIn(CASE_GROUNDS)
  ground?: string;

  @IsOptional()
  @IsIn(['case', 'supervision', 'responsibility'])
  aggregate?: string;

  /** One subject's entries: a case id (its own events, and those that name it), a supervision's district... */
  @IsOptional()
  @IsString()
  @Matches(/^[A-Za-z0-9._:-]{1,128}$/, { message: 'subject must be an id' })
  subject?: string;

  @ApiPropertyOptional({ description: `occurredAt from (inclusive). ${instantDescription()}` })
  @IsOptional()
  @IsInstant()
  from?: string;

  @ApiPropertyOptional({ description: `occurredAt up to (exclusive). ${instantDescription()}` })
  @IsOptional()
  @IsInstant()
  to?: string;

  @IsOptional()
  @Matches(/^([1-9]\d{0,2}|1000)$/, { message: 'limit must be 1 to 1000' })
  limit?: string;
}

const SIZE = /^[1-9]\d{0,14}$/;
const SIZE_MESSAGE = (name: string) => `${name} must be a tree size: a whole number from 1`;

/** `?trusted=<size>` on an export: the checkpoint the auditor last trusted, to prove the export's extends it. */
export class ExportQuery {
  @IsOptional()
  @Matches(SIZE, { message: SIZE_MESSAGE('trusted') })
  trusted?: string;
}

export class CheckpointSizeParams {
  @Matches(SIZE, { message: SIZE_MESSAGE('size') })
  size!: string;
}

export class ConsistencyParams {
  @Matches(SIZE, { message: SIZE_MESSAGE('first') })
  first!: string;

  @Matches(SIZE, { message: SIZE_MESSAGE('second') })
  second!: string;
}

/** A witness's cosignature of a checkpoint: its C2SP verifier key, and the signature line it added. */
export class CosignatureBody {
  @IsString()
  @Length(10, 300)
  witnessKey!: string;

  @IsString()
  @Length(10, 400)
  cosignature!: string;
}
