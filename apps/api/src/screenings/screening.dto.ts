/** Bodies of the screening endpoints: shapes only; dates, results and the order of the chain are the domain's rules. */
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDefined, IsIn, IsObject, IsOptional, IsString, IsUUID, Length, Matches, ValidateNested } from 'class-validator';
import { SCREENING_OUTCOMES, ScreeningOutcome, SUBJECT_KINDS, SubjectKind, TEST_RESULTS, TestResult } from '@libs/domain/screening';
import { CommandDto } from '../commands/shared/command.dto';

/** The woman screened, and for a couple her partner: personal data, encrypted in the log. */
export class ScreenedPersonDto {
  @ApiProperty({ description: 'Personal data' }) @IsString() @Length(1, 100) name!: string;
  @ApiProperty({ description: 'Personal data (resident ID number)' }) @IsString() @Length(1, 32) idNumber!: string;
  @ApiPropertyOptional({ description: 'Personal data; required for a couple' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  partnerName?: string;
  @ApiPropertyOptional({ description: 'Personal data; required for a couple' })
  @IsOptional()
  @IsString()
  @Length(1, 32)
  partnerIdNumber?: string;
}

export class RegisterScreeningDto extends CommandDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'Defaults to one derived from the Idempotency-Key, else a new one' })
  @IsOptional()
  @IsUUID()
  screeningId?: string;

  @ApiProperty({ example: '640104001001', description: 'Village of residence (12 digits)' })
  @IsString()
  @Matches(/^\d{12}$/)
  villageCode!: string;
  @ApiProperty({ enum: SUBJECT_KINDS }) @IsIn(SUBJECT_KINDS) subjectKind!: SubjectKind;
  @ApiProperty({ type: ScreenedPersonDto })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => ScreenedPersonDto)
  person!: ScreenedPersonDto;
}

/** A step of the chain: the local day it was done (programme calendar). */
export class ScreeningStepDto extends CommandDto {
  @ApiProperty({ example: '2012-05-18', description: 'Local date done (programme calendar)' }) @IsString() @Length(10, 10) on!: string;
}

export class ScreeningResultDto extends ScreeningStepDto {
  @ApiProperty({ enum: TEST_RESULTS, description: 'Health data (personal)' }) @IsIn(TEST_RESULTS) result!: TestResult;
}

export class HighRiskFindingDto extends ScreeningStepDto {
  @ApiProperty({ description: 'What was found: health data (personal)' }) @IsString() @Length(1, 1000) finding!: string;
}

export class GeneticCounsellingDto extends ScreeningStepDto {
  @ApiProperty({ description: 'The advice given: health data (personal)' }) @IsString() @Length(1, 1000) advice!: string;
}

export class ScreeningOutcomeDto extends ScreeningStepDto {
  @ApiProperty({ enum: SCREENING_OUTCOMES, description: 'Health data (personal)' }) @IsIn(SCREENING_OUTCOMES) outcome!: ScreeningOutcome;
}
