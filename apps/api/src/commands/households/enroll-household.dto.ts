import { Type } from 'class-transformer';
import {
  IsDefined, IsIn, IsInt, IsISO8601, IsOptional, IsString, IsUUID, Length, Matches, Max, Min, ValidateNested,
} from 'class-validator';
import { HOUSEHOLD_CATEGORIES, HouseholdCategory } from '@libs/domain/household';

export class PersonalDetailsDto {
  @IsString() @Length(1, 100)
  name!: string;

  /** Resident identity card number: 17 digits and a check character. */
  @IsOptional() @IsString() @Matches(/^\d{17}[\dX]$/, { message: 'idNumber must be an 18-character resident ID number' })
  idNumber?: string;

  @IsOptional() @IsString() @Matches(/^1\d{10}$/, { message: 'phone must be an 11-digit mobile number' })
  phone?: string;
}

export class EnrollHouseholdDto {
  @IsOptional() @IsUUID()
  householdId?: string;

  @IsString() @Matches(/^\d{12}$/, { message: 'villageCode must be a 12-digit village or community code' })
  villageCode!: string;

  @IsIn(HOUSEHOLD_CATEGORIES)
  category!: HouseholdCategory;

  @IsInt() @Min(1) @Max(30)
  members!: number;

  @IsDefined() @ValidateNested() @Type(() => PersonalDetailsDto)
  head!: PersonalDetailsDto;

  @IsOptional() @IsInt() @Min(2011) @Max(2035)
  enrolmentYear?: number;

  @IsOptional() @IsInt() @Min(1) @Max(100)
  batch?: number;

  /** When the enrolment happened in the field; defaults to now. */
  @IsOptional() @IsISO8601({ strict: true, strictSeparator: true })
  occurredAt?: string;
}
