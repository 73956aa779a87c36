/**
 * The CJK font embedded in every bulletin PDF: Noto Sans SC (SIL Open Font License 1.1), its Simplified
 * Chinese subset (which also covers ASCII) as the @fontsource/noto-sans-sc package ships it, so a clean
 * clone needs nothing from the machine. The package ships WOFF; fontkit reads WOFF tables through zlib on
 * every glyph access (seconds per document), so the file is unpacked once into a plain TrueType (sfnt).
 * PDF readers see only the glyphs used: pdfkit embeds a subset.
 */
import { readFileSync } from 'node:fs';
import { inflateSync } from 'node:zlib';

const FONT_FILE = '@fontsource/noto-sans-sc/files/noto-sans-sc-chinese-simplified-400-normal.woff';

let cached: Buffer | undefined;

/** The font as TrueType bytes (read and unpacked on first use). */
export function bulletinFont(): Buffer {
  cached ??= woffToSfnt(readFileSync(require.resolve(FONT_FILE)));
  return cached;
}

/** WOFF 1.0 (W3C) to the sfnt it wraps: the same tables, uncompressed, behind an sfnt table directory. */
export function woffToSfnt(woff: Buffer): Buffer {
  if (woff.toString('latin1', 0, 4) !== 'wOFF') throw new Error('not a WOFF 1.0 font');
  const numTables = woff.readUInt16BE(12);
  let entrySelector = 0;
  while (1 << (entrySelector + 1) <= numTables) entrySelector++;
  const searchRange = (1 << entrySelector) * 16;
  const directory = Buffer.alloc(12 + numTables * 16);
  directory.writeUInt32BE(woff.readUInt32BE(4), 0); // flavour: 0x00010000 (TrueType) or 'OTTO'
  directory.writeUInt16BE(numTables, 4);
  directory.writeUInt16BE(searchRange, 6);
  directory.writeUInt16BE(entrySelector, 8);
  directory.writeUInt16BE(numTables * 16 - searchRange, 10);
  const tables: Buffer[] = [];
  let offset = directory.length;
  for (let i = 0; i < numTables; i++) {
    const entry = 44 + i * 20;
    const [tag, start, compressed, original, checksum] = [0, 4, 8, 12, 16].map((at) => woff.readUInt32BE(entry + at));
    const stored = woff.subarray(start, start + compressed);
    const table = compressed < original ? inflateSync(stored) : stored;
    const padded = Buffer.alloc((table.length + 3) & ~3);
    table.copy(padded);
    directory.writeUInt32BE(tag, 12 + i * 16);
    directory.writeUInt32BE(checksum, 16 + i * 16);
    directory.writeUInt32BE(offset, 20 + i * 16);
    directory.writeUInt32BE(original, 24 + i * 16);
    tables.push(padded);
    offset += padded.length;
  }
  return Buffer.concat([directory, ...tables]);
}
