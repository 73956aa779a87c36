/**
 * The pack as an Excel workbook: a sheet of facts, then one sheet per section. Byte-for-byte reproducible:
 * the core properties' dates are the bulletin's issuedAt, and the zip is written again with every entry
 * dated issuedAt too (exceljs's zip stamps each entry with the time of writing).
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { BulletinPack } from './pack';

export async function renderXlsx(pack: BulletinPack): Promise<Buffer> {
  const issued = new Date(pack.meta.issuedAt);
  const workbook = new ExcelJS.Workbook();
  Object.assign(workbook, {
    creator: pack.meta.author,
    lastModifiedBy: pack.meta.author,
    created: issued,
    modified: issued,
  });
  workbook.title = `${pack.title} ${pack.subtitle}`;
  workbook.subject = pack.meta.bulletinId;

  const facts = workbook.addWorksheet('概况');
  facts.columns = [{ width: 20 }, { width: 70 }];
  facts.addRow([pack.title]).font = { bold: true, size: 14 };
  facts.addRow([pack.subtitle]);
  facts.addRow([]);
  for (const [label, value] of pack.facts) facts.addRow([label, value]);

  for (const section of pack.sections) {
    const sheet = workbook.addWorksheet(section.title.replace(/^.、/, ''));
    sheet.addRow([section.title]).font = { bold: true, size: 12 };
    if (section.columns.length > 0) {
      sheet.addRow(section.columns).font = { bold: true };
      for (const row of section.rows) sheet.addRow(row);
      sheet.columns.forEach((column, i) => (column.width = i === 0 ? 28 : 16));
    }
    if (section.note) sheet.addRow([section.note]);
  }
  return stableZip(Buffer.from(await workbook.xlsx.writeBuffer()), issued);
}

/** The same entries, in the same order, each dated `date`, compressed the same way every time. */
async function stableZip(zipped: Buffer, date: Date): Promise<Buffer> {
  const source = await JSZip.loadAsync(zipped);
  const target = new JSZip();
  for (const entry of Object.values(source.files)) {
    if (entry.dir) continue;
    target.file(entry.name, await entry.async('nodebuffer'), { date, createFolders: false });
  }
  return target.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 6 }, platform: 'UNIX' });
}
