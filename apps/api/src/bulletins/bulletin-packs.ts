/**
 * Issuing a bulletin with its pack, and reading the pack back. Issuing: refuse early what the decider would
 * refuse (no document is made for nothing), read the log up to its head, generate, then send IssueBulletin
 * carrying the hashes and that position; the documents are kept once the event is in the log. Reading: the
 * kept document, checked against the hash the event recorded; one missing is generated again from the log.
 */
import { Inject, Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import {
  BulletinHeader,
  DocumentFormat,
  generateBulletin,
  GeneratedBulletin,
  keepDocuments,
  loadDocument,
  MEDIA_TYPES,
} from '@libs/bulletins';
import { BULLETIN_LAYOUT, recordedPosition } from '@libs/bulletins/generate';
import { loadStream } from '@libs/command-handling/handle-command';
import { CommandMetadata } from '@libs/domain/shared';
import { BulletinIssued, IssueBulletin, supervisionDecider, supervisionStream } from '@libs/domain/supervision';
import { EVENT_STORE, EventStore } from '@libs/event-store';
import { ActOnSupervision, SupervisionOutcome } from '../accountability/accountability.commands';
import { asForbidden } from '../accountability/acting-role';
import { ProblemException } from '../http/problem';

export type BulletinRequest = Omit<IssueBulletin['data'], 'document'>;
type Issued = BulletinIssued['data'];

@Injectable()
export class BulletinPacks {
  constructor(
    private readonly commands: CommandBus,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(DataSource) private readonly dataSource: DataSource,
  ) {}

  async issue(data: BulletinRequest, metadata: CommandMetadata, ifMatch?: bigint): Promise<SupervisionOutcome> {
    const command: IssueBulletin = { type: 'IssueBulletin', data, metadata };
    const { state } = await loadStream(this.store, supervisionStream(data.districtCode), supervisionDecider);
    try {
      supervisionDecider.decide(command, state);
    } catch (error) {
      asForbidden(error);
    }
    const asOf = await this.store.headPosition();
    const pack = await generateBulletin(this.store, { ...headerOf(data, metadata), asOf });
    const document = { pdfSha256: pack.pdfSha256, xlsxSha256: pack.xlsxSha256, asOf: pack.pack.header.asOf, layout: BULLETIN_LAYOUT };
    const outcome = await this.commands.execute(new ActOnSupervision({ ...command, data: { ...data, document } }, ifMatch));
    await this.keep(pack);
    return outcome;
  }

  /** The bulletin as its event recorded it; 404 when the district has no such bulletin. */
  async issued(districtCode: string, bulletinId: string): Promise<Issued> {
    const { events } = await loadStream(this.store, supervisionStream(districtCode), supervisionDecider);
    const event = events.find((e) => e.type === 'BulletinIssued' && e.data.bulletinId === bulletinId);
    if (!event) throw ProblemException.of(404, 'bulletin-not-found', `district ${districtCode} has no bulletin ${bulletinId}`);
    return event.data as Issued;
  }

  /** The document in `format`, its bytes hashing to what the event recorded. */
  async document(issued: Issued, format: DocumentFormat): Promise<Buffer> {
    const expected = recordedHash(issued, format);
    const kept = await loadDocument(this.dataSource.manager, expected);
    if (kept) return kept.bytes;
    const again = await this.regenerate(issued);
    await this.keep(again);
    const bytes = again[format];
    if ((format === 'pdf' ? again.pdfSha256 : again.xlsxSha256) !== expected)
      throw ProblemException.of(500, 'bulletin-not-reproduced', `bulletin ${issued.bulletinId} did not regenerate to its recorded hash`);
    return bytes;
  }

  /** Generates the pack again from the log up to the position the event recorded. */
  regenerate(issued: Issued): Promise<GeneratedBulletin> {
    const document = issued.document!;
    if (document.layout !== BULLETIN_LAYOUT)
      throw ProblemException.of(409, 'bulletin-layout-retired', `layout ${document.layout} is no longer generated`);
    const header = {
      ...headerOf(issued, { actor: issued.supervisorId, occurredAt: issued.issuedAt }),
      asOf: recordedPosition(document.asOf),
    };
    return generateBulletin(this.store, header);
  }

  private keep(pack: GeneratedBulletin): Promise<void> {
    return keepDocuments(this.dataSource.manager, [
      { sha256: pack.pdfSha256, mediaType: MEDIA_TYPES.pdf, bytes: pack.pdf },
      { sha256: pack.xlsxSha256, mediaType: MEDIA_TYPES.xlsx, bytes: pack.xlsx },
    ]);
  }
}

/** The hash the event recorded for a format; 404 for a bulletin issued without documents. */
export function recordedHash(issued: Issued, format: DocumentFormat): string {
  if (!issued.document)
    throw ProblemException.of(404, 'bulletin-has-no-document', `bulletin ${issued.bulletinId} was issued without documents`);
  return format === 'pdf' ? issued.document.pdfSha256 : issued.document.xlsxSha256;
}

function headerOf(data: BulletinRequest, metadata: Pick<CommandMetadata, 'actor' | 'occurredAt'>): Omit<BulletinHeader, 'asOf'> {
  const { bulletinId, districtCode, period, kind, units, summary } = data;
  return { bulletinId, districtCode, period, kind, units, summary, supervisorId: metadata.actor, issuedAt: metadata.occurredAt };
}
