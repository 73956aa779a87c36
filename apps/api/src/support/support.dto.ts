/** Bodies of the support endpoints: shapes only; programmes, forms and limits are the domain's rules. */
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, IsString, IsUUID, Length, Matches, Max, Min } from 'class-validator';
import { CommandDto, ReasonDto } from '../commands/shared/command.dto';

/** Money in integer fen (goods: their value, 0 when unknown) and goods in units (0 for cash). */
export class SupportQuantityDto extends CommandDto {
  @ApiProperty({ minimum: 0, description: 'Integer fen (1 yuan = 100 fen): the money, or the value of the goods (0 when unknown)' })
  @IsInt()
  @Min(0)
  @Max(Number.MAX_SAFE_INTEGER)
  amountFen!: number;

  @ApiProperty({ minimum: 0, description: 'Goods handed over (wheelchairs, items); 0 for cash' })
  @IsInt()
  @Min(0)
  @Max(Number.MAX_SAFE_INTEGER)
  units!: number;
}

export class GrantSupportDto extends SupportQuantityDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'Defaults to one derived from the Idempotency-Key, else a new one' })
  @IsOptional()
  @IsUUID()
  supportId?: string;

  @ApiProperty({ format: 'uuid', description: 'An enrolled household' })
  @IsUUID()
  householdId!: string;

  @ApiProperty({ description: 'A support programme code (support-programmes.v1)', example: 'award-support' })
  @IsString()
  @Matches(/^[a-z0-9][a-z0-9-]{0,63}$/, { message: 'programmeCode must be a lower-case code' })
  programmeCode!: string;
}

export class ReturnSupportDto extends SupportQuantityDto {
  @ApiProperty({ minLength: 1, maxLength: 1000, description: 'Why it was given back (treated as personal data)' })
  @IsString()
  @Length(1, 1000)
  reason!: string;
}

export class ReverseSupportDto extends ReasonDto {}
