/**
 * Bimonthly bulletins with their packs, a district's and the city's: issuing generates the PDF and Excel
 * documents from the log and records their hashes (and the scorecard printed) in the event; the documents
 * are downloaded, and checked against the event by anyone entitled (the hash is sent with every download).
 * The city's routes come first: `city` is no district code.
 */
import { Body, Controller, Get, HttpCode, Inject, Param, Post, Req, Res, StreamableFile } from '@nestjs/common';
import { ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Request, Response } from 'express';
import { DataSource } from 'typeorm';
import { CITY, hasRole, Principal } from '@libs/auth';
import { sha256 } from '@libs/bulletins';
import { DocumentFormat, loadDocument, MEDIA_TYPES } from '@libs/bulletins/document-store';
import { Clock, CLOCK } from '@libs/clock';
import { commandContext, written } from '../commands/command-context';
import { ApiCommand } from '../http/openapi';
import { ProblemException } from '../http/problem';
import { newId } from '../http/request-context';
import { SupervisionAnswer } from '../accountability/answers.dto';
import { DistrictParams } from '../accountability/supervision.dto';
import { knownDistrict } from '../accountability/supervision.controller';
import { BulletinPacks, Issued, recordedHash } from './bulletin-packs';
import { CAMPAIGN_SCHEME } from './bulletin-scorecard';
import {
  BulletinCheck,
  BulletinDocumentParams,
  BulletinParams,
  BulletinView,
  CityBulletinAnswer,
  CityBulletinDocumentParams,
  CityBulletinParams,
  CityBulletinView,
  IssueBulletinPackDto,
} from './bulletins.dto';

const BINARY = { type: 'string', format: 'binary' } as const;
const DOCUMENT_RESPONSE = {
  description: 'The document; Repr-Digest and X-Recorded-SHA256 carry the hash the event recorded',
  content: { [MEDIA_TYPES.pdf]: { schema: BINARY }, [MEDIA_TYPES.xlsx]: { schema: BINARY } },
};

@ApiTags('supervision')
@Controller('supervision')
export class BulletinsController {
  constructor(
    private readonly packs: BulletinPacks,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(DataSource) private readonly dataSource: DataSource,
  ) {}

  /** The city office issues the city's bimonthly bulletin: the six districts side by side, ranked by the scorecard. */
  @Post('city/bulletins')
  @ApiCommand()
  @HttpCode(201)
  async issueCity(
    @Body() body: IssueBulletinPackDto,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CityBulletinAnswer> {
    cityOffice(request);
    const bulletinId = body.bulletinId ?? newId(request, 'bulletinId');
    const { metadata, ifMatch } = commandContext(request, this.clock, body.occurredAt);
    const { period, kind, units, summary } = body;
    const outcome = await this.packs.issueCity(
      { bulletinId, period, kind, units, summary },
      body.scheme ?? CAMPAIGN_SCHEME,
      metadata,
      ifMatch,
    );
    return { bulletinId, ...written(response, outcome) };
  }

  /** A city bulletin as its event recorded it, with its documents' hashes, its scorecard and where to download them. */
  @Get('city/bulletins/:bulletinId')
  async readCity(@Param() { bulletinId }: CityBulletinParams): Promise<CityBulletinView> {
    return (await this.view('city', bulletinId)) as CityBulletinView;
  }

  /** Generates the city bulletin again from the log as of its recorded position and compares every hash. */
  @Get('city/bulletins/:bulletinId/check')
  checkCity(@Param() { bulletinId }: CityBulletinParams): Promise<BulletinCheck> {
    return this.checked(this.packs.issued('city', bulletinId));
  }

  /** The city bulletin's PDF or Excel document; `Repr-Digest` carries the SHA-256 CityBulletinIssued recorded. */
  @Get('city/bulletins/:bulletinId/:format')
  @ApiProduces(MEDIA_TYPES.pdf, MEDIA_TYPES.xlsx)
  @ApiOkResponse(DOCUMENT_RESPONSE)
  downloadCity(@Param() { bulletinId, format }: CityBulletinDocumentParams, @Res({ passthrough: true }) response: Response) {
    return this.downloaded(this.packs.issued('city', bulletinId), format, 'city', response);
  }

  /** Issues the district's bimonthly bulletin, generating its pack (PDF and Excel) from the log. */
  @Post(':district/bulletins')
  @ApiCommand()
  @HttpCode(201)
  async issue(
    @Param() { district }: DistrictParams,
    @Body() body: IssueBulletinPackDto,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<SupervisionAnswer> {
    const districtCode = knownDistrict(district);
    const bulletinId = body.bulletinId ?? newId(request, 'bulletinId');
    const { metadata, ifMatch } = commandContext(request, this.clock, body.occurredAt);
    const { period, kind, units, summary } = body;
    const data = { districtCode, bulletinId, period, kind, units, summary };
    const outcome = await this.packs.issue(data, body.scheme ?? CAMPAIGN_SCHEME, metadata, ifMatch);
    return { districtCode, bulletinId, ...written(response, outcome) };
  }

  /** A bulletin as its event recorded it, with its documents' hashes, its scorecard and where to download them. */
  @Get(':district/bulletins/:bulletinId')
  async read(@Param() { district, bulletinId }: BulletinParams): Promise<BulletinView> {
    return (await this.view(knownDistrict(district), bulletinId)) as BulletinView;
  }

  /** Generates the bulletin again from the log as of its recorded position and compares every hash. */
  @Get(':district/bulletins/:bulletinId/check')
  check(@Param() { district, bulletinId }: BulletinParams): Promise<BulletinCheck> {
    return this.checked(this.packs.issued(knownDistrict(district), bulletinId));
  }

  /** The bulletin's PDF or Excel document; `Repr-Digest` carries the SHA-256 BulletinIssued recorded. */
  @Get(':district/bulletins/:bulletinId/:format')
  @ApiProduces(MEDIA_TYPES.pdf, MEDIA_TYPES.xlsx)
  @ApiOkResponse(DOCUMENT_RESPONSE)
  download(@Param() { district, bulletinId, format }: BulletinDocumentParams, @Res({ passthrough: true }) response: Response) {
    return this.downloaded(this.packs.issued(knownDistrict(district), bulletinId), format, district, response);
  }

  private async view(place: string, bulletinId: string) {
    const issued = await this.packs.issued(place, bulletinId);
    const base = `/supervision/${place}/bulletins/${encodeURIComponent(bulletinId)}`;
    const document = issued.document && { ...issued.document, pdf: `${base}/pdf`, xlsx: `${base}/xlsx` };
    return { ...issued, document };
  }

  private async checked(found: Promise<Issued>): Promise<BulletinCheck> {
    const issued = await found;
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
    const { bulletinId } = issued;
    return { bulletinId, recorded, kept, regenerated, asOf: issued.document!.asOf, matches: same(kept) && same(regenerated) };
  }

  private async downloaded(found: Promise<Issued>, format: DocumentFormat, place: string, response: Response): Promise<StreamableFile> {
    const issued = await found;
    const bytes = await this.packs.document(issued, format);
    const hash = recordedHash(issued, format);
    response.setHeader('Repr-Digest', `sha-256=:${Buffer.from(hash, 'hex').toString('base64')}:`);
    response.setHeader('X-Recorded-SHA256', hash);
    response.setHeader('Content-Disposition', `attachment; filename="bulletin-${place}-${issued.period}.${format}"`);
    return new StreamableFile(bytes, { type: MEDIA_TYPES[format] });
  }
}

/**
 * The city's bulletin is the city office's: behind a bearer token, an administrator or a supervisor whose
 * token spans the city (the policy table says so too; this holds when the table's entry is ever widened).
 */
function cityOffice(request: Request): void {
  const principal = (request as Request & { principal?: Principal }).principal;
  if (principal === undefined || hasRole(principal, 'admin') || (hasRole(principal, 'supervisor') && principal.ou === CITY)) return;
  throw ProblemException.of(403, 'role-not-permitted', "the city's bulletin is issued by the city office (a city-wide token)");
}
