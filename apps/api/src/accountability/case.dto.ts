/** Bodies of the case endpoints. Free text (reasons, evidence, reports) may name people: never echoed in errors. */
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsOptional, IsString, IsUUID, Length, Matches, ValidateNested } from 'class-validator';
import { LOG_POSITION } from '../queries/read-source';
import {
  ACCOUNTABILITY_MEASURES,
  AccountabilityMeasure,
  CASE_GROUNDS,
  CASE_RESOLUTIONS,
  CaseGround,
  CaseResolution,
  ESCALATION_LEVELS,
  EscalationLevel,
} from '@libs/domain/accountability-case';
import { ReasonDto } from '../commands/shared/command.dto';
import { instantDescription, IsInstant } from '../http/instant';
import { PageQuery } from '../http/paging';

export class EvidenceDto {
  @IsString()
  @Length(1, 200)
  reference!: string;

  @IsString()
  @Length(1, 2000)
  description!: string;
}

export class OpenCaseDto extends ReasonDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  caseId?: string;

  @ApiProperty({ description: 'Code of the unit under the case' })
  @IsString()
  @Length(1, 64)
  @Matches(/^[A-Za-z0-9._:-]+$/)
  subjectUnit!: string;

  @ApiProperty({ example: '640104' })
  @IsString()
  @Matches(/^\d{6}$/, { message: 'districtCode must be a 6-digit district code' })
  districtCode!: string;

  @ApiProperty({ enum: CASE_GROUNDS, isArray: true })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(CASE_GROUNDS.length)
  @IsIn(CASE_GROUNDS, { each: true })
  grounds!: CaseGround[];

  @ApiProperty({ type: [EvidenceDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => EvidenceDto)
  evidence!: EvidenceDto[];
}

export class OrderRectificationDto extends ReasonDto {
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @Length(1, 1000, { each: true })
  requirements!: string[];

  @ApiProperty({
    format: 'date-time',
    description: `By when the unit must report its rectification; a report after it is late. ${instantDescription('end-of-day')}`,
  })
  @IsInstant({ bareDate: 'end-of-day' })
  deadline!: string;
}

export class ReportRectificationDto extends ReasonDto {
  @IsString()
  @Length(1, 5000)
  report!: string;

  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => EvidenceDto)
  evidence!: EvidenceDto[];
}

export class IssueCriticismDto extends ReasonDto {
  @IsString()
  @Length(1, 100)
  bulletinId!: string;
}

export class HoldLeaderAccountableDto extends ReasonDto {
  @ApiProperty({ description: 'Id of the official (never a name)' })
  @IsString()
  @Length(1, 64)
  @Matches(/^[A-Za-z0-9._:-]+$/)
  officialId!: string;

  @IsString()
  @Length(1, 200)
  position!: string;

  @ApiProperty({ enum: ACCOUNTABILITY_MEASURES })
  @IsIn(ACCOUNTABILITY_MEASURES)
  measure!: AccountabilityMeasure;
}

export class EscalateCaseDto extends ReasonDto {
  @ApiProperty({ enum: ESCALATION_LEVELS })
  @IsIn(ESCALATION_LEVELS)
  to!: EscalationLevel;
}

export class CloseCaseDto extends ReasonDto {
  @ApiProperty({ enum: CASE_RESOLUTIONS })
  @IsIn(CASE_RESOLUTIONS)
  resolution!: CaseResolution;

  @ApiPropertyOptional({ description: 'Required when a rectification is outstanding: why it is let go' })
  @IsOptional()
  @IsString()
  @Length(1, 1000)
  waiverReason?: string;
}

const STATUSES = ['Open', 'Closed'] as const;

/** `GET /cases?district=&status=` */
export class CaseListQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'district code; required for a token scoped to an org unit' })
  @IsOptional()
  @IsString()
  @Matches(/^\d{6}$/, { message: 'district must be a 6-digit district code' })
  district?: string;

  @ApiPropertyOptional({ enum: STATUSES })
  @IsOptional()
  @IsIn(STATUSES)
  status?: (typeof STATUSES)[number];
}

/** `GET /cases/{id}`: at most one of the three replay points. */
export class CaseReadQuery {
  @ApiPropertyOptional({ description: `State from what had been recorded by then (recordedAt). ${instantDescription('end-of-day')}` })
  @IsOptional()
  @IsInstant({ bareDate: 'end-of-day' })
  asOf?: string;

  @ApiPropertyOptional({
    description: `State from what had happened by then (occurredAt), late-recorded facts included. ${instantDescription('end-of-day')}`,
  })
  @IsOptional()
  @IsInstant({ bareDate: 'end-of-day' })
  occurredAsOf?: string;

  @ApiPropertyOptional({ description: 'State after this revision' })
  @IsOptional()
  @Matches(/^\d{1,18}$/, { message: 'revision must be a revision number' })
  revision?: string;

  @ApiPropertyOptional({
    description:
      'With asOf, occurredAsOf or revision: replayed from a copy of the log that reflects at least this position (the read replica once it does, else the primary; 503 read-model-behind when neither does within READ_REPLICA_MAX_WAIT_MS)',
  })
  @IsOptional()
  @Matches(LOG_POSITION, { message: 'minPosition must be a log position, as commands answer it' })
  minPosition?: string;
}
