/** Parameters and answers of the bulletin endpoints (a district's, and the city's). */
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Length, Matches } from 'class-validator';
import { BulletinKind } from '@libs/domain/supervision';
import { DistrictParams, IssueBulletinDto } from '../accountability/supervision.dto';
import { CommandAnswer } from '../commands/shared/answers.dto';

const BULLETIN_ID = /^[A-Za-z0-9._:-]+$/;

export class IssueBulletinPackDto extends IssueBulletinDto {
  @ApiPropertyOptional({
    example: 'happy-family',
    description:
      "The assessment scheme the scorecard section is scored under (the version in effect for the bimonth); the campaign's by default",
  })
  @IsOptional()
  @IsString()
  @Matches(/^[a-z][a-z0-9-]{0,59}$/, { message: 'scheme must be a scheme code (no @version: a bulletin prints the official scores)' })
  scheme?: string;
}

export class CityBulletinAnswer extends CommandAnswer {
  bulletinId!: string;
}

export class CityBulletinParams {
  @IsString()
  @Length(1, 100)
  @Matches(BULLETIN_ID)
  bulletinId!: string;
}

export class CityBulletinDocumentParams extends CityBulletinParams {
  @ApiProperty({ enum: ['pdf', 'xlsx'] })
  @IsIn(['pdf', 'xlsx'])
  format!: 'pdf' | 'xlsx';
}

export class BulletinParams extends DistrictParams {
  @IsString()
  @Length(1, 100)
  @Matches(BULLETIN_ID)
  bulletinId!: string;
}

export class BulletinDocumentParams extends BulletinParams {
  @ApiProperty({ enum: ['pdf', 'xlsx'] })
  @IsIn(['pdf', 'xlsx'])
  format!: 'pdf' | 'xlsx';
}

export class ScoreComponentView {
  key!: string;
  line!: string;
  measure!: string;
  @ApiProperty({ enum: ['proportion', 'count'] })
  unit!: 'proportion' | 'count';
  weight!: number;
  target!: number;
  /** Null when there was nothing to measure. */
  value!: number | null;
  points!: number;
}

export class ScoreChangeView {
  period!: string;
  total!: number;
  rank!: number;
  totalChange!: number;
  rankChange!: number;
}

export class ScoreRowView {
  unit!: string;
  rank!: number;
  total!: number;
  change!: ScoreChangeView | null;
  components!: ScoreComponentView[];
}

export class ReflectedPosition {
  readModel!: string;
  position!: string | null;
}

/** The districts' scorecard as recorded in the event when the bulletin was issued (printed as recorded). */
export class BulletinScorecardView {
  scheme!: string;
  /** Null when the scheme had not taken effect in the bimonth (no rows). */
  version!: number | null;
  period!: string;
  previousPeriod!: string;
  scoredAt!: string;
  reflects!: ReflectedPosition[];
  rows!: ScoreRowView[];
}

export class BulletinDocumentView {
  /** Hex SHA-256 of the PDF, as the event recorded it. */
  pdfSha256!: string;
  xlsxSha256!: string;
  /** The log position the figures were read at. */
  asOf!: string;
  layout!: string;
  /** Null in layout bulletin-pack/1, which printed no scores. */
  scorecard!: BulletinScorecardView | null;
  /** Where to download each document. */
  pdf!: string;
  xlsx!: string;
}

export class BulletinView {
  districtCode!: string;
  bulletinId!: string;
  period!: string;
  kind!: BulletinKind;
  units!: string[];
  summary!: string;
  supervisorId!: string;
  issuedAt!: string;
  /** Null for a bulletin issued without documents. */
  document!: BulletinDocumentView | null;
}

export class CityBulletinView {
  bulletinId!: string;
  period!: string;
  kind!: BulletinKind;
  units!: string[];
  summary!: string;
  /** Who issued it for the city office. */
  issuedBy!: string;
  issuedAt!: string;
  document!: BulletinDocumentView;
}

export class BulletinCheck {
  bulletinId!: string;
  /** The hashes the event recorded. */
  recorded!: { pdfSha256: string; xlsxSha256: string };
  /** The hashes of the documents kept, null when not kept. */
  kept!: { pdfSha256: string | null; xlsxSha256: string | null };
  /** The hashes of the pack generated again now from the log up to `asOf`. */
  regenerated!: { pdfSha256: string; xlsxSha256: string };
  asOf!: string;
  /** True when kept and regenerated documents all hash to what the event recorded. */
  matches!: boolean;
}
