/**
 * Generating a bulletin pack: read the log up to a position (the events the figures need, through the
 * store the caller gives, which upcasts), fold the figures, lay out the pack, render PDF and Excel, hash
 * them. Issuing reads up to the head; checking or regenerating an issued bulletin reads up to the
 * position its event recorded, so it gets the same events and the same bytes.
 */
import { createHash } from 'node:crypto';
import { localMonthOf } from '../calendar';
import { EventStore } from '../event-store/event-store.port';
import { comparePositions, formatPosition, parsePosition, Position } from '../event-store/position';
import { BulletinFigures, bulletinFigures, FIGURE_EVENT_TYPES, figureStreamPrefixes, LoggedEvent } from './figures';
import { BulletinHeader, BulletinPack, buildPack, BULLETIN_LAYOUT } from './pack';
import { renderPdf } from './pdf';
import { renderXlsx } from './xlsx';

export interface GeneratedBulletin {
  pack: BulletinPack;
  figures: BulletinFigures;
  pdf: Buffer;
  xlsx: Buffer;
  pdfSha256: string;
  xlsxSha256: string;
  /** The log position read up to (text form; `start` for an empty log). */
  asOf: string;
  /** How many events the figures were folded from. */
  eventsRead: number;
}

const PAGE = 5000;

/** The events the figures of `districtCode` read, in log order, up to and including `asOf`. */
export function readFigureEvents(store: EventStore, districtCode: string, asOf: Position | undefined): Promise<LoggedEvent[]> {
  return readEventsUpTo(store, { streamPrefixes: figureStreamPrefixes(districtCode), eventTypes: FIGURE_EVENT_TYPES }, asOf);
}

/** The events through `filter`, in log order, up to and including `asOf` (none for an empty log). */
export async function readEventsUpTo(
  store: EventStore,
  filter: { streamPrefixes: string[]; eventTypes: readonly string[] },
  asOf: Position | undefined,
): Promise<LoggedEvent[]> {
  const events: LoggedEvent[] = [];
  if (asOf === undefined) return events;
  let from: Position | 'start' = 'start';
  for (;;) {
    const page = await store.readAll({ fromPosition: from, maxCount: PAGE, filter });
    for (const event of page) {
      if (comparePositions(event.position, asOf) > 0) return events;
      events.push(event);
    }
    if (page.length < PAGE) return events;
    from = page[page.length - 1].position;
  }
}

export const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/**
 * The pack of a bulletin whose header (from its command or its event: layout and scorecard included) and
 * log position are known.
 */
export async function generateBulletin(
  store: EventStore,
  header: Omit<BulletinHeader, 'asOf'> & { asOf: Position | undefined },
): Promise<GeneratedBulletin> {
  const events = await readFigureEvents(store, header.districtCode, header.asOf);
  const asOfMonth = String(localMonthOf(header.issuedAt));
  const figures = bulletinFigures(events, header.districtCode, header.period, asOfMonth);
  const asOf = positionText(header.asOf);
  return { ...(await render(buildPack(figures, { ...header, asOf }))), figures, asOf, eventsRead: events.length };
}

export const positionText = (asOf: Position | undefined) => (asOf ? formatPosition(asOf) : 'start');

/** Both documents of a pack, and their hashes. */
export async function render(
  pack: BulletinPack,
): Promise<{ pack: BulletinPack; pdf: Buffer; xlsx: Buffer; pdfSha256: string; xlsxSha256: string }> {
  const [pdf, xlsx] = [await renderPdf(pack), await renderXlsx(pack)];
  return { pack, pdf, xlsx, pdfSha256: sha256(pdf), xlsxSha256: sha256(xlsx) };
}

/** The position a BulletinIssued recorded (`start` stands for an empty log), for regenerating it. */
export function recordedPosition(asOf: string): Position | undefined {
  if (asOf === 'start') return undefined;
  const position = parsePosition(asOf);
  if (!position) throw new RangeError(`unreadable log position ${asOf.slice(0, 40)}`);
  return position;
}

export { BULLETIN_LAYOUT };
