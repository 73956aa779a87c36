import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';

const NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
const nameMessage = (field: string) => ({ message: `${field} must be 1 to 64 letters, digits, '.', '_' or '-'` });

export class GroupFilterDto {
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @Matches(/^[A-Za-z][A-Za-z0-9_]{0,99}$/, { each: true, message: 'types must be event type names' })
  types?: string[];

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @Matches(/^[A-Za-z0-9][A-Za-z0-9_.:-]{0,199}$/, { each: true, message: 'streams must be stream name prefixes' })
  streams?: string[];
}

export class DefineGroupDto {
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => GroupFilterDto)
  filter?: GroupFilterDto;

  /** A log position ("123", "123/120"), "start" or "end". */
  @IsOptional()
  @IsString()
  @Matches(/^(start|end|\d{1,19}(\/\d{1,19})?)$/, { message: 'from must be a log position, start or end' })
  from?: string;

  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100)
  maxDeliveries?: number;

  @IsOptional()
  @IsInt()
  @Min(10)
  @Max(3_600_000)
  leaseMs?: number;
}

export class ClaimDto {
  @IsString()
  @Matches(NAME, nameMessage('consumer'))
  consumer!: string;

  @IsInt()
  @Min(1)
  @Max(1000)
  max!: number;
}

export class AckDto {
  @IsString()
  @Matches(NAME, nameMessage('consumer'))
  consumer!: string;

  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(1000)
  @IsUUID('all', { each: true })
  eventIds!: string[];
}

export class NackDto extends AckDto {
  @IsString()
  @Length(1, 500)
  reason!: string;
}

export class ReplayDto {
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(1000)
  @IsUUID('all', { each: true })
  eventIds?: string[];
}

export const GROUP_NAME = NAME;
