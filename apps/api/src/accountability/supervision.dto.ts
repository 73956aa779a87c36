/** Bodies of the supervision and responsibility endpoints. */
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsDefined,
  IsIn,
  IsNumber,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Min,
  ValidateNested,
} from 'class-validator';
import { BULLETIN_KINDS, BulletinKind } from '@libs/domain/supervision';
import { CommandDto, ReasonDto } from '../commands/shared/command.dto';

const CODE = /^[A-Za-z0-9._:-]+$/;

export class DistrictParams {
  @ApiProperty({ example: '640104' })
  @IsString()
  @Matches(/^\d{6}$/, { message: 'district must be a 6-digit district code' })
  district!: string;
}

export class AssignSupervisorDto extends ReasonDto {
  @IsString()
  @Length(1, 128)
  @Matches(CODE)
  supervisorId!: string;
}

export class RecordVisitDto extends CommandDto {
  @ApiProperty({ example: '201203', description: 'Month visited, YYYYMM' })
  @IsString()
  @Matches(/^\d{6}$/, { message: 'month must be YYYYMM' })
  month!: string;

  @IsArray()
  @ArrayMaxSize(200)
  @IsString({ each: true })
  @Length(1, 64, { each: true })
  unitsVisited!: string[];

  @IsString()
  @Length(1, 5000)
  findings!: string;
}

export class IssueBulletinDto extends CommandDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Length(1, 100)
  @Matches(CODE)
  bulletinId?: string;

  @ApiProperty({ example: '201201B', description: 'Bimonthly period, YYYYMMB' })
  @IsString()
  @Length(7, 7)
  period!: string;

  @ApiProperty({ enum: BULLETIN_KINDS })
  @IsIn(BULLETIN_KINDS)
  kind!: BulletinKind;

  @IsArray()
  @ArrayMaxSize(200)
  @IsString({ each: true })
  @Length(1, 64, { each: true })
  units!: string[];

  @IsString()
  @Length(1, 5000)
  summary!: string;
}

export class IndicatorTargetDto {
  @IsString()
  @Length(1, 64)
  @Matches(CODE)
  code!: string;

  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  target!: number;

  @IsString()
  @Length(1, 40)
  unitOfMeasure!: string;
}

export class AssignResponsibilityDto extends ReasonDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  responsibilityId?: string;

  @IsString()
  @Length(1, 1000)
  task!: string;

  @ApiProperty({ description: 'Id of the official (never a name)' })
  @IsString()
  @Length(1, 64)
  @Matches(CODE)
  officialId!: string;

  @IsString()
  @Length(1, 200)
  position!: string;

  @IsString()
  @Length(1, 64)
  @Matches(CODE)
  unitCode!: string;

  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => IndicatorTargetDto)
  indicator!: IndicatorTargetDto;

  @ApiProperty({ example: '2012Q2', description: 'A DHIS2 period by whose end the target is due' })
  @IsString()
  @Length(4, 7)
  duePeriod!: string;
}

export class ComplianceQuery {
  @IsOptional()
  @IsString()
  @Matches(/^\d{6}$/, { message: 'from must be YYYYMM' })
  from?: string;

  @IsOptional()
  @IsString()
  @Matches(/^\d{6}$/, { message: 'to must be YYYYMM' })
  to?: string;
}
