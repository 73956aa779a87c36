import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, Min } from 'class-validator';
import { Type } from 'class-transformer';

/**
 * Grounds for deleting or restricting personal information (PIPL art. 47). A code, not free text: the
 * decision is kept for good, and free text could itself name the person.
 */
export const LEGAL_BASES = [
  'purpose-achieved',
  'purpose-unattainable',
  'no-longer-necessary',
  'service-ended',
  'retention-expired',
  'consent-withdrawn',
  'unlawful-processing',
  'court-order',
  'retention-period-running',
  'deletion-technically-infeasible',
  'dispute-pending',
] as const;
export type LegalBasis = (typeof LEGAL_BASES)[number];

export class KeyDecisionDto {
  @ApiProperty({ enum: LEGAL_BASES, description: 'The legal ground of the decision' })
  @IsIn(LEGAL_BASES)
  legalBasis!: LegalBasis;

  @ApiPropertyOptional({ description: 'Document number of the decision or request (letters, digits, . / -)', maxLength: 64 })
  @IsOptional()
  @IsString()
  @Matches(/^[A-Za-z0-9./-]{1,64}$/, { message: 'reference must be a document number of up to 64 letters, digits, . / -' })
  reference?: string;
}

export class AccessLogQueryDto {
  @IsOptional()
  @IsString()
  @Matches(/^[A-Za-z0-9._:-]{1,128}$/, { message: 'actor must be a token subject' })
  actor?: string;

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1000)
  limit?: number;
}
