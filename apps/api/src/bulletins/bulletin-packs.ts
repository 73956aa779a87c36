/**
 * Issuing a bulletin with its pack, and reading the pack back. Issuing: refuse early what the decider would
 * refuse (no document is made for nothing), read the log's head, score the districts as of it (recorded in
 * the event: ./bulletin-scorecard.ts), generate, then append the event carrying the hashes, that position
 * and the scorecard; the documents are kept once the event is in the log. Reading: the kept document, checked
 * against the hash the event recorded; one missing is generated again from the log. A district's bulletin
 * goes to the district's supervision stream, the city's to the city's (`supervision-640100`).
 */
import { Inject, Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import {
  BULLETIN_LAYOUT,
  BulletinHeader,
  CITY_BULLETIN_LAYOUT,
  CITY_LAYOUTS,
  CityBulletinHeader,
  CityLayout,
  DISTRICT_LAYOUTS,
  DistrictLayout,
  DocumentFormat,
  generateBulletin,
  generateCityBulletin,
  keepDocuments,
  loadDocument,
  MEDIA_TYPES,
  recordedPosition,
} from '@libs/bulletins';
import { handleCommand, loadStream } from '@libs/command-handling/handle-command';
import { CommandMetadata } from '@libs/domain/shared';
import {
  BulletinDocument,
  BulletinIssued,
  cityBulletinDecider,
  CityBulletinIssued,
  cityBulletinStream,
  IssueBulletin,
  IssueCityBulletin,
  supervisionDecider,
  supervisionStream,
} from '@libs/domain/supervision';
import { EVENT_STORE, EventStore, Position } from '@libs/event-store';
import { acknowledgedHead } from '@libs/read-sources';
import { ActOnSupervision, SupervisionOutcome } from '../accountability/accountability.commands';
import { asForbidden } from '../accountability/acting-role';
import { ProblemException } from '../http/problem';
import { BulletinScorecards, READ_MODEL_WAIT_MS } from './bulletin-scorecard';

export type BulletinRequest = Omit<IssueBulletin['data'], 'document'>;
export type CityBulletinRequest = Omit<IssueCityBulletin['data'], 'document'>;
/** What either event says of its bulletin: the district's or the city's. */
export type Issued = BulletinIssued['data'] | CityBulletinIssued['data'];
type Pack = { pdf: Buffer; xlsx: Buffer; pdfSha256: string; xlsxSha256: string; asOf: string };

/** Checked against the stream before any document is made; the real document replaces it. */
const NO_DOCUMENT: BulletinDocument = { pdfSha256: '', xlsxSha256: '', asOf: '', layout: '', scorecard: null };

@Injectable()
export class BulletinPacks {
  constructor(
    private readonly commands: CommandBus,
    private readonly scorecards: BulletinScorecards,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(DataSource) private readonly dataSource: DataSource,
  ) {}

  async issue(data: BulletinRequest, scheme: string, metadata: CommandMetadata, ifMatch?: bigint): Promise<SupervisionOutcome> {
    const command: IssueBulletin = { type: 'IssueBulletin', data, metadata };
    const { state } = await loadStream(this.store, supervisionStream(data.districtCode), supervisionDecider);
    try {
      supervisionDecider.decide(command, state);
    } catch (error) {
      asForbidden(error);
    }
    const asOf = await this.acknowledgedHead();
    const scorecard = await this.scorecards.at(data.period, scheme, asOf);
    const pack = await generateBulletin(this.store, { ...headerOf(data, metadata), asOf, layout: BULLETIN_LAYOUT, scorecard });
    const document = documentOf(pack, BULLETIN_LAYOUT, scorecard);
    const outcome = await this.commands.execute(new ActOnSupervision({ ...command, data: { ...data, document } }, ifMatch));
    await this.keep(pack);
    return outcome;
  }

  async issueCity(data: CityBulletinRequest, scheme: string, metadata: CommandMetadata, ifMatch?: bigint) {
    const stream = cityBulletinStream();
    const { state } = await loadStream(this.store, stream, cityBulletinDecider);
    cityBulletinDecider.decide({ type: 'IssueCityBulletin', data: { ...data, document: NO_DOCUMENT }, metadata }, state);
    const asOf = await this.acknowledgedHead();
    const scorecard = await this.scorecards.at(data.period, scheme, asOf);
    const header: Omit<CityBulletinHeader, 'asOf'> = {
      ...data,
      issuedBy: metadata.actor,
      issuedAt: metadata.occurredAt,
      layout: CITY_BULLETIN_LAYOUT,
      scorecard,
    };
    const pack = await generateCityBulletin(this.store, { ...header, asOf });
    const document = documentOf(pack, CITY_BULLETIN_LAYOUT, scorecard);
    const command: IssueCityBulletin = { type: 'IssueCityBulletin', data: { ...data, document }, metadata };
    const outcome = await handleCommand(this.store, stream, cityBulletinDecider, command, { ifMatch });
    await this.keep(pack);
    return outcome;
  }

  /** The bulletin as its event recorded it; 404 when the district (or the city: `city`) has no such bulletin. */
  async issued(districtCode: string | 'city', bulletinId: string): Promise<Issued> {
    const stream = districtCode === 'city' ? cityBulletinStream() : supervisionStream(districtCode);
    const { events } = await loadStream(this.store, stream, { evolve: (s: null) => s, initialState: null });
    const type = districtCode === 'city' ? 'CityBulletinIssued' : 'BulletinIssued';
    const event = events.find((e) => e.type === type && e.data.bulletinId === bulletinId);
    const where = districtCode === 'city' ? 'the city' : `district ${districtCode}`;
    if (!event) throw ProblemException.of(404, 'bulletin-not-found', `${where} has no bulletin ${bulletinId}`);
    return event.data as Issued;
  }

  /** The document in `format`, its bytes hashing to what the event recorded. */
  async document(issued: Issued, format: DocumentFormat): Promise<Buffer> {
    const expected = recordedHash(issued, format);
    const kept = await loadDocument(this.dataSource.manager, expected);
    if (kept) return kept.bytes;
    const again = await this.regenerate(issued);
    await this.keep(again);
    if ((format === 'pdf' ? again.pdfSha256 : again.xlsxSha256) !== expected)
      throw ProblemException.of(500, 'bulletin-not-reproduced', `bulletin ${issued.bulletinId} did not regenerate to its recorded hash`);
    return again[format];
  }

  /** Generates the pack again from the log up to the position the event recorded, with the scorecard it recorded. */
  regenerate(issued: Issued): Promise<Pack> {
    const document = issued.document!;
    const asOf = recordedPosition(document.asOf);
    const { layout, scorecard } = document;
    if ('districtCode' in issued && isDistrictLayout(layout)) {
      const header = headerOf(issued, { actor: issued.supervisorId, occurredAt: issued.issuedAt });
      return generateBulletin(this.store, { ...header, asOf, layout, scorecard });
    }
    if ('issuedBy' in issued && isCityLayout(layout)) {
      const { bulletinId, period, kind, units, summary, issuedBy, issuedAt } = issued;
      const header: Omit<CityBulletinHeader, 'asOf'> = { bulletinId, period, kind, units, summary, issuedBy, issuedAt, layout, scorecard };
      return generateCityBulletin(this.store, { ...header, asOf });
    }
    throw ProblemException.of(409, 'bulletin-layout-retired', `layout ${layout} is no longer generated`);
  }

  private keep(pack: Pack): Promise<void> {
    return keepDocuments(this.dataSource.manager, [
      { sha256: pack.pdfSha256, mediaType: MEDIA_TYPES.pdf, bytes: pack.pdf },
      { sha256: pack.xlsxSha256, mediaType: MEDIA_TYPES.xlsx, bytes: pack.xlsx },
    ]);
  }

  /**
   * What the bulletin is read as of: every append acknowledged before it was asked for. Not readable within
   * the wait: ReadModelBehindError, answered 503 with Retry-After, nothing appended.
   */
  private acknowledgedHead(): Promise<Position | undefined> {
    return acknowledgedHead(this.store, READ_MODEL_WAIT_MS);
  }
}

function documentOf(pack: Pack, layout: string, scorecard: BulletinDocument['scorecard']): BulletinDocument {
  return { pdfSha256: pack.pdfSha256, xlsxSha256: pack.xlsxSha256, asOf: pack.asOf, layout, scorecard };
}

/** The hash the event recorded for a format; 404 for a bulletin issued without documents. */
export function recordedHash(issued: Issued, format: DocumentFormat): string {
  if (!issued.document)
    throw ProblemException.of(404, 'bulletin-has-no-document', `bulletin ${issued.bulletinId} was issued without documents`);
  return format === 'pdf' ? issued.document.pdfSha256 : issued.document.xlsxSha256;
}

function headerOf(
  data: BulletinRequest,
  metadata: Pick<CommandMetadata, 'actor' | 'occurredAt'>,
): Omit<BulletinHeader, 'asOf' | 'layout' | 'scorecard'> {
  const { bulletinId, districtCode, period, kind, units, summary } = data;
  return { bulletinId, districtCode, period, kind, units, summary, supervisorId: metadata.actor, issuedAt: metadata.occurredAt };
}

const isDistrictLayout = (layout: string): layout is DistrictLayout => (DISTRICT_LAYOUTS as readonly string[]).includes(layout);
const isCityLayout = (layout: string): layout is CityLayout => (CITY_LAYOUTS as readonly string[]).includes(layout);
