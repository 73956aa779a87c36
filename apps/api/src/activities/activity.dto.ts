/** Bodies of the group-activity endpoints: shapes only; ranges, codes and dates are the domain's rules. */
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDefined, IsIn, IsInt, IsObject, IsOptional, IsString, IsUUID, Length, Matches, ValidateNested } from 'class-validator';
import { ACTIVITY_KINDS, ActivityKind } from '@libs/domain/activity';
import { FOCUS_AREAS, FocusArea } from '@libs/domain/household';
import { ReasonDto } from '../commands/shared/command.dto';

const CODE = /^[A-Za-z0-9._-]+$/;

export class MaterialsDto {
  @ApiProperty() @IsInt() boards!: number;
  @ApiProperty() @IsInt() walls!: number;
  @ApiProperty() @IsInt() billboards!: number;
  @ApiProperty() @IsInt() lightBoxes!: number;
}

export class HoldActivityDto extends ReasonDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'Defaults to one derived from the Idempotency-Key, else a new one' })
  @IsOptional()
  @IsUUID()
  activityId?: string;

  @ApiProperty({ enum: ACTIVITY_KINDS }) @IsIn(ACTIVITY_KINDS) kind!: ActivityKind;
  @ApiProperty({ enum: FOCUS_AREAS }) @IsIn(FOCUS_AREAS) focusArea!: FocusArea;
  @ApiProperty({ example: '640104', description: 'City, district, township or village code' })
  @IsString()
  @Matches(/^\d{6}(\d{3}(\d{3})?)?$/)
  orgUnitCode!: string;
  @ApiProperty({ example: 'population-family-planning' }) @IsString() @Length(1, 64) @Matches(CODE) departmentCode!: string;
  @ApiProperty({ example: '2011-06-18', description: 'Local date held (programme calendar)' }) @IsString() @Length(10, 10) heldOn!: string;
  @ApiProperty({ minimum: 1 }) @IsInt() sessions!: number;
  @ApiProperty({ minimum: 0 }) @IsInt() attendance!: number;
  @ApiProperty({ minimum: 0, description: 'Integer fen' }) @IsInt() costFen!: number;
  @ApiProperty({ type: MaterialsDto }) @IsDefined() @IsObject() @ValidateNested() @Type(() => MaterialsDto) materials!: MaterialsDto;
}

export class CorrectActivityDto extends ReasonDto {
  @ApiPropertyOptional({ enum: ACTIVITY_KINDS }) @IsOptional() @IsIn(ACTIVITY_KINDS) kind?: ActivityKind;
  @ApiPropertyOptional({ enum: FOCUS_AREAS }) @IsOptional() @IsIn(FOCUS_AREAS) focusArea?: FocusArea;
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 64) @Matches(CODE) departmentCode?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(10, 10) heldOn?: string;
  @ApiPropertyOptional() @IsOptional() @IsInt() sessions?: number;
  @ApiPropertyOptional() @IsOptional() @IsInt() attendance?: number;
  @ApiPropertyOptional() @IsOptional() @IsInt() costFen?: number;
  @ApiPropertyOptional({ type: MaterialsDto })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => MaterialsDto)
  materials?: MaterialsDto;
}
