import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';

/** `POST /admin/registers/{kind}`: a whole register as CSV, and where it comes from. */
export class RegisterLoadDto {
  @ApiProperty({
    description: 'Where the figures come from (e.g. "Yinchuan civil affairs bureau, household register 2012-2015")',
    minLength: 1,
    maxLength: 200,
  })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  source!: string;

  @ApiProperty({
    description:
      'The register as CSV. village-households: header village_code,year,households; enrolment-targets: org_unit_code,year,households. ' +
      'Checked whole (unknown village or org unit, non-integer or negative counts, a unit and year twice: refused with the line named); each load is a new version.',
    example: 'village_code,year,households\n640104001001,2012,812\n',
  })
  @IsString()
  @MinLength(1)
  csv!: string;
}
