import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Length, Matches } from 'class-validator';
import { instantDescription, IsInstant } from '../../http/instant';
import { NOT_AHEAD_OF_NOW } from '../shared/command.dto';

const ID = /^[A-Za-z0-9._:-]+$/;

/** `POST /pilot-villages`: a township designates one of its villages as a pilot. */
export class DesignatePilotVillageDto {
  @ApiProperty({ description: '12-digit village code', example: '640104001001' })
  @IsString()
  @Matches(/^\d{12}$/, { message: 'villageCode must be a 12-digit village code' })
  villageCode!: string;

  @ApiProperty({ description: 'Id of the official or body that decided (never a name)', example: 'township-640104001' })
  @IsString()
  @Length(1, 64)
  @Matches(ID, { message: 'designatedBy must be an id (letters, digits, . _ : -)' })
  designatedBy!: string;

  @ApiProperty({
    description: "Why: the township's decision and its grounds",
    example: 'township decision 2012-3: conditions and leadership',
  })
  @IsString()
  @Length(1, 500)
  reason!: string;

  @ApiPropertyOptional({
    description: `When it was decided (default: now). ${NOT_AHEAD_OF_NOW} ${instantDescription()}`,
    format: 'date-time',
  })
  @IsOptional()
  @IsInstant()
  occurredAt?: string;
}

/** `POST /pilot-villages/withdrawals`: a designation withdrawn. */
export class WithdrawPilotVillageDto {
  @ApiProperty({ description: '12-digit village code', example: '640104001001' })
  @IsString()
  @Matches(/^\d{12}$/, { message: 'villageCode must be a 12-digit village code' })
  villageCode!: string;

  @ApiProperty({ description: 'Id of the official or body that decided (never a name)' })
  @IsString()
  @Length(1, 64)
  @Matches(ID, { message: 'withdrawnBy must be an id (letters, digits, . _ : -)' })
  withdrawnBy!: string;

  @ApiProperty({ description: 'Why the designation is withdrawn' })
  @IsString()
  @Length(1, 500)
  reason!: string;

  @ApiPropertyOptional({
    description: `When it was decided (default: now). ${NOT_AHEAD_OF_NOW} ${instantDescription()}`,
    format: 'date-time',
  })
  @IsOptional()
  @IsInstant()
  occurredAt?: string;
}
