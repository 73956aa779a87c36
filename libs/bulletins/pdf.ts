/**
 * The pack as a PDF (A4, Chinese, the CJK font embedded as a subset). Byte-for-byte reproducible: the only
 * dates are the bulletin's issuedAt (CreationDate, ModDate), the producer is a constant, and pdfkit names
 * its objects and the font subset by counters, not at random.
 */
import PDFDocument from 'pdfkit';
import { bulletinFont } from './font';
import { BulletinPack, BulletinSection, Cell } from './pack';

const MARGIN = 50;
const FONT = 'NotoSansSC';
type Doc = PDFKit.PDFDocument;

export function renderPdf(pack: BulletinPack): Promise<Buffer> {
  const issued = new Date(pack.meta.issuedAt);
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    compress: true,
    info: {
      Title: `${pack.title} ${pack.subtitle}`,
      Subject: pack.meta.bulletinId,
      Author: pack.meta.author,
      Creator: `family-ledger ${pack.layout}`,
      Producer: `family-ledger ${pack.layout}`,
      CreationDate: issued,
      ModDate: issued,
    },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.registerFont(FONT, bulletinFont());
  doc.font(FONT);
  doc.fontSize(17).text(pack.title, { align: 'center' });
  doc.moveDown(0.3).fontSize(12).text(pack.subtitle, { align: 'center' });
  doc.moveDown(1).fontSize(9.5);
  for (const [label, value] of pack.facts) doc.text(`${label}：${value}`);
  for (const section of pack.sections) drawSection(doc, section);
  doc.end();
  return done;
}

function drawSection(doc: Doc, section: BulletinSection): void {
  doc.moveDown(1.2);
  ensureRoom(doc, 60);
  doc.fontSize(12.5).text(section.title, MARGIN, doc.y);
  doc.moveDown(0.4).fontSize(9.5);
  if (section.columns.length > 0 && section.rows.length > 0) {
    drawRow(doc, section.columns, true);
    for (const row of section.rows) drawRow(doc, row, false);
  }
  if (section.note)
    doc
      .moveDown(0.3)
      .fontSize(8.5)
      .text(section.note, MARGIN, doc.y, { width: tableWidth(doc) });
}

const tableWidth = (doc: Doc) => doc.page.width - 2 * MARGIN;

/** The first column takes twice the others' width: it holds the labels. */
function widths(doc: Doc, columns: number): number[] {
  const unit = tableWidth(doc) / (columns + 1);
  return Array.from({ length: columns }, (_, i) => (i === 0 ? unit * 2 : unit));
}

function drawRow(doc: Doc, cells: readonly Cell[], head: boolean): void {
  const sizes = widths(doc, cells.length);
  const texts = cells.map(String);
  const height = Math.max(...texts.map((text, i) => doc.heightOfString(text, { width: sizes[i] - 8 }))) + 8;
  ensureRoom(doc, height);
  const top = doc.y;
  let x = MARGIN;
  texts.forEach((text, i) => {
    if (head) doc.rect(x, top, sizes[i], height).fillAndStroke('#eeeeee', '#888888').fillColor('#000000');
    else doc.rect(x, top, sizes[i], height).stroke('#888888');
    doc.text(text, x + 4, top + 4, { width: sizes[i] - 8, align: i === 0 || typeof cells[i] === 'string' ? 'left' : 'right' });
    x += sizes[i];
  });
  doc.x = MARGIN;
  doc.y = top + height;
}

function ensureRoom(doc: Doc, height: number): void {
  if (doc.y + height > doc.page.height - MARGIN) doc.addPage();
}
