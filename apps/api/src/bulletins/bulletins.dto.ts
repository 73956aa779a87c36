/** Parameters and answers of the bulletin endpoints. */
import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsString, Length, Matches } from 'class-validator';
import { BulletinKind } from '@libs/domain/supervision';
import { DistrictParams } from '../accountability/supervision.dto';

export class BulletinParams extends DistrictParams {
  @IsString()
  @Length(1, 100)
  @Matches(/^[A-Za-z0-9._:-]+$/)
  bulletinId!: string;
}

export class BulletinDocumentParams extends BulletinParams {
  @ApiProperty({ enum: ['pdf', 'xlsx'] })
  @IsIn(['pdf', 'xlsx'])
  format!: 'pdf' | 'xlsx';
}

export class BulletinDocumentView {
  /** Hex SHA-256 of the PDF, as BulletinIssued recorded it. */
  pdfSha256!: string;
  xlsxSha256!: string;
  /** The log position the figures were read at. */
  asOf!: string;
  layout!: string;
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

export class BulletinCheck {
  bulletinId!: string;
  /** The hashes BulletinIssued recorded. */
  recorded!: { pdfSha256: string; xlsxSha256: string };
  /** The hashes of the documents kept, null when not kept. */
  kept!: { pdfSha256: string | null; xlsxSha256: string | null };
  /** The hashes of the pack generated again now from the log up to `asOf`. */
  regenerated!: { pdfSha256: string; xlsxSha256: string };
  asOf!: string;
  /** True when kept and regenerated documents all hash to what the event recorded. */
  matches!: boolean;
}
