import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, IsUUID, Length } from 'class-validator';
import { instantDescription, IsInstant } from '../../http/instant';

/** What `occurredAt` may not be, in every command's OpenAPI description (apps/api/src/http/request-context.ts refuses it). */
export const NOT_AHEAD_OF_NOW = 'Never later than now (a clock up to five minutes fast is allowed).';

/** What every command body may carry besides its own fields. */
export class CommandDto {
  @ApiPropertyOptional({
    format: 'date-time',
    description: `When it happened in the field; defaults to now. ${NOT_AHEAD_OF_NOW} ${instantDescription()}`,
  })
  @IsOptional()
  @IsInstant()
  occurredAt?: string;
}

/** A command whose only field is why it was given; reasons may name people, so they are personal data. */
export class ReasonDto extends CommandDto {
  @ApiProperty({ minLength: 1, maxLength: 1000, description: 'Free text (treated as personal data)' })
  @IsString()
  @Length(1, 1000)
  reason!: string;
}

/** `{id}` in the path of a command on one aggregate. */
export class IdParams {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  id!: string;
}
