/**
 * A district's bimonthly bulletin with its pack: issuing generates the PDF and Excel documents from the
 * log and records their hashes in BulletinIssued; the documents are downloaded, and checked against the
 * event by anyone entitled to the district's supervision (the hash is sent with every download).
 */
import { Body, Controller, Get, HttpCode, Inject, Param, Post, Req, Res, StreamableFile } from '@nestjs/common';
import { ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Request, Response } from 'express';
import { sha256 } from '@libs/bulletins';
import { loadDocument, MEDIA_TYPES } from '@libs/bulletins/document-store';
import { Clock, CLOCK } from '@libs/clock';
import { DataSource } from 'typeorm';
import { commandContext, written } from '../commands/command-context';
import { ApiCommand } from '../http/openapi';
import { newId } from '../http/request-context';
import { SupervisionAnswer } from '../accountability/answers.dto';
import { DistrictParams, IssueBulletinDto } from '../accountability/supervision.dto';
import { knownDistrict } from '../accountability/supervision.controller';
import { BulletinPacks, recordedHash } from './bulletin-packs';
import { BulletinCheck, BulletinDocumentParams, BulletinParams, BulletinView } from './bulletins.dto';

const BINARY = { type: 'string', format: 'binary' } as const;

@ApiTags('supervision')
@Controller('supervision')
export class BulletinsController {
  constructor(
    private readonly packs: BulletinPacks,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(DataSource) private readonly dataSource: DataSource,
  ) {}

  /** Issues the district's bimonthly bulletin, generating its pack (PDF and Excel) from the log. */
  @Post(':district/bulletins')
  @ApiCommand()
  @HttpCode(201)
  async issue(
    @Param() { district }: DistrictParams,
    @Body() body: IssueBulletinDto,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<SupervisionAnswer> {
    const districtCode = knownDistrict(district);
    const bulletinId = body.bulletinId ?? newId(request, 'bulletinId');
    const { metadata, ifMatch } = commandContext(request, this.clock, body.occurredAt);
    const { period, kind, units, summary } = body;
    const outcome = await this.packs.issue({ districtCode, bulletinId, period, kind, units, summary }, metadata, ifMatch);
    return { districtCode, bulletinId, ...written(response, outcome) };
  }

  /** A bulletin as its event recorded it, with its documents' hashes and where to download them. */
  @Get(':district/bulletins/:bulletinId')
  async read(@Param() { district, bulletinId }: BulletinParams): Promise<BulletinView> {
    const issued = await this.packs.issued(knownDistrict(district), bulletinId);
    const base = `/supervision/${district}/bulletins/${encodeURIComponent(bulletinId)}`;
    const document = issued.document && { ...issued.document, pdf: `${base}/pdf`, xlsx: `${base}/xlsx` };
    return { ...issued, document };
  }

  /** Generates the bulletin again from the log as of its recorded position and compares every hash. */
  @Get(':district/bulletins/:bulletinId/check')
  async check(@Param() { district, bulletinId }: BulletinParams): Promise<BulletinCheck> {
    const issued = await this.packs.issued(knownDistrict(district), bulletinId);
    const recorded = { pdfSha256: recordedHash(issued, 'pdf'), xlsxSha256: recordedHash(issued, 'xlsx') };
    const again = await this.packs.regenerate(issued);
    const keptHash = async (hash: string) => {
      const kept = await loadDocument(this.dataSource.manager, hash);
      return kept ? sha256(kept.bytes) : null;
    };
    const kept = { pdfSha256: await keptHash(recorded.pdfSha256), xlsxSha256: await keptHash(recorded.xlsxSha256) };
    const regenerated = { pdfSha256: again.pdfSha256, xlsxSha256: again.xlsxSha256 };
    const same = (h: { pdfSha256: string | null; xlsxSha256: string | null }) =>
      h.pdfSha256 === recorded.pdfSha256 && h.xlsxSha256 === recorded.xlsxSha256;
    return { bulletinId, recorded, kept, regenerated, asOf: issued.document!.asOf, matches: same(kept) && same(regenerated) };
  }

  /** The bulletin's PDF or Excel document; `Repr-Digest` carries the SHA-256 BulletinIssued recorded. */
  @Get(':district/bulletins/:bulletinId/:format')
  @ApiProduces(MEDIA_TYPES.pdf, MEDIA_TYPES.xlsx)
  @ApiOkResponse({
    description: 'The document; Repr-Digest and X-Recorded-SHA256 carry the hash BulletinIssued recorded',
    content: { [MEDIA_TYPES.pdf]: { schema: BINARY }, [MEDIA_TYPES.xlsx]: { schema: BINARY } },
  })
  async download(
    @Param() { district, bulletinId, format }: BulletinDocumentParams,
    @Res({ passthrough: true }) response: Response,
  ): Promise<StreamableFile> {
    const issued = await this.packs.issued(knownDistrict(district), bulletinId);
    const bytes = await this.packs.document(issued, format);
    const hash = recordedHash(issued, format);
    response.setHeader('Repr-Digest', `sha-256=:${Buffer.from(hash, 'hex').toString('base64')}:`);
    response.setHeader('X-Recorded-SHA256', hash);
    response.setHeader('Content-Disposition', `attachment; filename="bulletin-${district}-${issued.period}.${format}"`);
    return new StreamableFile(bytes, { type: MEDIA_TYPES[format] });
  }
}
